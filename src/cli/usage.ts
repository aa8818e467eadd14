/** Each subcommand's usage, shown by `ml-smoke CMD --help` and after a usage error. */
export const COMMAND_USAGE: Record<string, string> = {
  run: `  ml-smoke run [--config FILE] [--out DIR] [--json] [--verbose] [--<option> VALUE ...]
      Validate, cut a subset, smoke-train, check the loss and package the model, as the action does.
      Options are the action's inputs (--dataset, --schema, --train-command, --artifact-path, ...);
      flags override the config file (ml-smoke.yml in this folder unless --config names one). The
      artifact zip and summary.md go to --out (default ml-smoke-out).`,
  validate: `  ml-smoke validate (--dataset PATH ... | --split NAME=PATH ...) --schema FILE [--format csv|tsv|jsonl|json|parquet]
                    [--delimiter C] [--dialect FILE|JSON] [--max-violations N] [--label-column COL]
                    [--leakage-columns COL ...] [--max-leakage N|F%] [--threads 1|2] [--json]
                    [--shard i/N --state-out FILE [--plan FILE] [--seed N] [--sample-rows N]
                     [--sample-strategy S] [--min-per-class N] [--predict-rows N]]
      A PATH is a file, a folder or a glob; --dataset and --split repeat. With splits (train, valid,
      test, ...) each is validated, then compared: rows, class shares, label shift from train, and rows
      of a split found in an earlier one (exit 1 past --max-leakage, default 0). --threads 2 (the
      default) splits a large CSV across two cores and reads Parquet in a worker with a small heap; 1
      keeps all work in one thread. --dialect: a Table Dialect (header rows, comments, quoting) for
      CSV/TSV files, as a file or inline ('{"header": false}'). --shard validates one shard of a plan
      (ml-smoke plan, or the plan of N shards made again) and writes its state for ml-smoke merge,
      with the rows the merge job's subset, held-out rows and profile are drawn from beside it (the
      sample flags must be the merge job's).`,
  plan: `  ml-smoke plan --shards N (--dataset PATH ... | --split NAME=PATH ...) --schema FILE [--format F] [--dialect FILE|JSON]
                [--out plan.json]
      Cut the dataset (or its splits, one after the other) into N shards of about equal bytes (at most
      256: CSV files at record boundaries, Parquet files between row groups, other files whole) for a
      GitHub Actions matrix. Prints the matrix ({"include": [{"shard": "1/N", ...}]}, for fromJSON);
      --out writes the plan.`,
  merge: `  ml-smoke merge STATE... (--dataset PATH ... | --split NAME=PATH ...) --schema FILE [--format F] [--dialect FILE|JSON]
                 [--max-violations N] [--label-column COL] [--leakage-columns COL ...] [--max-leakage N|F%] [--json]
      Merge the states of every shard of one plan (ml-smoke validate --shard) into the report one
      runner gives on the whole dataset: keys repeated across shards are read again and compared, and
      a missing or repeated shard fails naming it.`,
  infer: `  ml-smoke infer --dataset PATH [--format F] [--delimiter C] [--dialect FILE|JSON] [--out schema.yml]
      Write a schema (types, required, ranges, enums) that the same file passes.`,
  schema: `  ml-smoke schema --json-schema [table|dialect]
      The JSON Schema of schema files (table, the default) or of Table Dialect files, for editors
      (# yaml-language-server: $schema=...).`,
  loss: `  ml-smoke loss PATH|- [--key K] [--min-drop X] [--window F] [--max-final-loss X] [--pattern REGEX]
                [--baseline auto|off|X [--subset FILE --label-column COL [--dialect FILE|JSON]]]
                [--allow-unparsed-loss true] [--json]
      PATH is a log folder (searched for TensorBoard, Lightning, Hugging Face, Keras, MLflow, DVCLive
      files), one such file, or a saved command log; - reads command output from stdin. With the subset
      the model trained on and its label column, --baseline auto fails a final loss no better than chance.`,
  sample: `  ml-smoke sample (--dataset PATH | --split train=PATH) --rows N --out FILE [--strategy random|head|stratified|all] [--seed K]
                  [--label-column COL] [--min-per-class M] [--format F] [--dialect FILE|JSON]
                  [--subset-format same|csv] [--json]
      Cut the same reproducible subset the action trains on.`,
  predict: `  ml-smoke predict --model DIR --dataset FILE --schema FILE (--command C | --serve C [--url U] [--ready-url U]
                  [--request row|instances|inputs]) [--rows N] [--predict-format jsonl|csv|parquet]
                  [--label-column COL] [--min-score auto|off|X] [--sample-rows N] [--seed K] [--json] [--<option> ...]
      Send rows the model never saw (those outside the subset run cuts with the same --sample-rows,
      --sample-strategy and --seed) to your predict command, which finds the model in
      $ML_SMOKE_OUTPUT_DIR (--model), or to your model server; check every answer against the schema's
      predictions and score them against the trivial predictor, as the action's model API stage does.`,
  scan: `  ml-smoke scan PATH... [--allow-globals NAME ...] [--max-scan-bytes N] [--json]
      Scan model files (or every file in folders) as their loaders would read them: pickles, torch and
      joblib files, numpy, safetensors, ONNX, Keras. Exit 1 when one is unsafe (it could run code when
      loaded) or invalid.`,
  'verify-artifact': `  ml-smoke verify-artifact DIR [--repo OWNER/REPO] [--signer-workflow OWNER/REPO/.github/workflows/F.yml[@REF]]
                          [--trusted-root FILE] [--attest auto|on|off] [--json]
      Recompute every file's sha256 in a downloaded artifact against its ml-smoke-manifest.json, and
      verify its attestations (ml-smoke-attestations.jsonl) offline: the signatures against the trusted
      root (default Sigstore public-good's; \`gh attestation trusted-root\` writes GitHub's too), the
      signer (a workflow of --repo, default $GITHUB_REPOSITORY) and that they name these very files.
      --attest on fails an artifact without attestations; off checks only the manifest.`,
  compare: `  ml-smoke compare BASE_DIR|BASE_REPORT HEAD_DIR|HEAD_REPORT [--max-loss-regression F] [--max-drift X]
                   [--on-regression fail|warn] [--json]
      Compare two runs by their artifacts (folders holding ml-smoke-manifest.json and ml-smoke-report.json,
      or either file): loss, data, drift per column, model files. Exit 1 on a regression.`,
  comment: `  ml-smoke comment --from-artifact DIR [--head-sha SHA] [--dry-run]
      Post the pull-request comment a fork's run left in its report artifact (downloaded into DIR), as a
      workflow_run job does: the pull request must have the head commit the run tested (--head-sha, or
      the workflow_run event's). Uses GITHUB_TOKEN (or GH_TOKEN), GITHUB_REPOSITORY and GITHUB_API_URL.`
}

export const USAGE = `ml-smoke: a CI gate for ML code, data and model together

Usage:
${Object.values(COMMAND_USAGE).join('\n')}

Every subcommand takes --help. Exit codes: 0 passed, 1 check failed, 2 bad input or usage, 3 inconclusive.`

/** One subcommand's usage, with the exit codes. */
export function usageOf(command: string): string {
  return `Usage:\n${COMMAND_USAGE[command]}\n\nExit codes: 0 passed, 1 check failed, 2 bad input or usage, 3 inconclusive.`
}
