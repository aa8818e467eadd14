export const id = 7;
export const ids = [7];
export const modules = {

/***/ 10007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkAttestations: () => (/* binding */ checkAttestations)
});

// UNUSED EXPORTS: ghCommands

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/artifact/manifest.ts
var manifest = __webpack_require__(62325);
// EXTERNAL MODULE: ./src/file-info.ts
var file_info = __webpack_require__(21942);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./src/attest/identity.ts + 1 modules
var identity = __webpack_require__(43246);
;// CONCATENATED MODULE: ./src/attest/bundle.ts
/** One Sigstore bundle, verified offline: signature, certificate chain, timestamps, transparency log. */




const IN_TOTO = 'application/vnd.in-toto+json';
/** Why a bundle does not verify: the message names what failed. */
class BundleError extends Error {
}
function leafCertificate(bundle) {
    const content = bundle.verificationMaterial.content;
    const raw = content.$case === 'certificate'
        ? content.certificate.rawBytes
        : content.$case === 'x509CertificateChain'
            ? content.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    if (!raw)
        throw new BundleError('it has no signing certificate (a keyless Sigstore bundle has one)');
    return core_dist.X509Certificate.parse(raw);
}
/**
 * Public-good signs with a certificate logged in CT and an entry in Rekor; GitHub's instance has
 * neither, and a timestamp authority's countersignature instead (as gh attestation verify expects).
 */
function thresholds(bundle) {
    return bundle.verificationMaterial.tlogEntries.length
        ? { tlogThreshold: 1, ctlogThreshold: 1 }
        : { tlogThreshold: 0, ctlogThreshold: 0, tsaThreshold: 1 };
}
function statementOf(bundle) {
    if (bundle.content.$case !== 'dsseEnvelope')
        throw new BundleError('it signs a plain message, not an in-toto statement');
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== IN_TOTO)
        throw new BundleError(`its payload is ${envelope.payloadType}, not ${IN_TOTO}`);
    const statement = JSON.parse(envelope.payload.toString('utf8'));
    if (!Array.isArray(statement.subject) || typeof statement.predicateType !== 'string')
        throw new BundleError('its payload is not an in-toto statement');
    return statement;
}
/**
 * Verifies `json` against each trusted root until one accepts it; returns the signed statement and who
 * signed it. Throws BundleError with every root's reason when none does.
 */
function verifyBundle(json, roots) {
    let bundle;
    try {
        bundle = (0,dist/* bundleFromJSON */.vw)(json);
    }
    catch (error) {
        throw new BundleError(`not a Sigstore bundle: ${error.message}`);
    }
    const statement = statementOf(bundle);
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle);
    const reasons = new Set();
    for (const root of roots) {
        try {
            new verify_dist/* Verifier */.BL((0,verify_dist/* toTrustMaterial */.jO)(root), thresholds(bundle)).verify(entity);
            return { statement, signer: (0,identity/* signerOf */.Kv)(leafCertificate(bundle)) };
        }
        catch (error) {
            reasons.add(error.message);
        }
    }
    throw new BundleError(`its signature does not verify: ${[...reasons].join('; ')}`);
}

// EXTERNAL MODULE: ./src/attest/statements.ts
var attest_statements = __webpack_require__(19919);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/attest/public-good-root.ts
/**
 * The trusted root of Sigstore's public-good instance (Fulcio CAs, Rekor and CT log keys, the timestamp
 * authority), as its TUF repository publishes it: the `trusted_root.json` target in the seeds.json of
 * @sigstore/tuf 5.0.1 (npm). Attestations of public repositories verify against it offline. Refresh it
 * when Sigstore rotates a key: `npm pack @sigstore/tuf`, then take that target from seeds.json (base64).
 */
const PUBLIC_GOOD_TRUSTED_ROOT = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
        {
            baseUrl: 'https://rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwrkBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-01-12T11:53:27Z'
                }
            },
            logId: {
                keyId: 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0='
            }
        },
        {
            baseUrl: 'https://log2025-1.rekor.sigstore.dev',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MCowBQYDK2VwAyEAt8rlp1knGwjfbcXAYPYAkn0XiLz1x8O4t0YkEhie244=',
                keyDetails: 'PKIX_ED25519',
                validFor: {
                    start: '2025-09-23T00:00:00Z'
                }
            },
            logId: {
                keyId: 'zxGZFVvd0FEmjR8WrFwMdcAJ9vtaY/QXf44Y1wUeP6A='
            }
        }
    ],
    certificateAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore'
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIIB+DCCAX6gAwIBAgITNVkDZoCiofPDsy7dfm6geLbuhzAKBggqhkjOPQQDAzAqMRUwEwYDVQQKEwxzaWdzdG9yZS5kZXYxETAPBgNVBAMTCHNpZ3N0b3JlMB4XDTIxMDMwNzAzMjAyOVoXDTMxMDIyMzAzMjAyOVowKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTB2MBAGByqGSM49AgEGBSuBBAAiA2IABLSyA7Ii5k+pNO8ZEWY0ylemWDowOkNa3kL+GZE5Z5GWehL9/A9bRNA3RbrsZ5i0JcastaRL7Sp5fp/jD5dxqc/UdTVnlvS16an+2Yfswe/QuLolRUCrcOE2+2iA5+tzd6NmMGQwDgYDVR0PAQH/BAQDAgEGMBIGA1UdEwEB/wQIMAYBAf8CAQEwHQYDVR0OBBYEFMjFHQBBmiQpMlEk6w2uSu1KBtPsMB8GA1UdIwQYMBaAFMjFHQBBmiQpMlEk6w2uSu1KBtPsMAoGCCqGSM49BAMDA2gAMGUCMH8liWJfMui6vXXBhjDgY4MwslmN/TJxVe/83WrFomwmNf056y1X48F9c4m3a3ozXAIxAKjRay5/aj/jsKKGIkmQatjI8uupHr/+CxFvaJWmpYqNkLDGRU+9orzh5hI2RrcuaQ=='
                    }
                ]
            },
            validFor: {
                start: '2021-03-07T03:20:29Z',
                end: '2022-12-31T23:59:59.999Z'
            }
        },
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore'
            },
            uri: 'https://fulcio.sigstore.dev',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICGjCCAaGgAwIBAgIUALnViVfnU0brJasmRkHrn/UnfaQwCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMjA0MTMyMDA2MTVaFw0zMTEwMDUxMzU2NThaMDcxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEeMBwGA1UEAxMVc2lnc3RvcmUtaW50ZXJtZWRpYXRlMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE8RVS/ysH+NOvuDZyPIZtilgUF9NlarYpAd9HP1vBBH1U5CV77LSS7s0ZiH4nE7Hv7ptS6LvvR/STk798LVgMzLlJ4HeIfF3tHSaexLcYpSASr1kS0N/RgBJz/9jWCiXno3sweTAOBgNVHQ8BAf8EBAMCAQYwEwYDVR0lBAwwCgYIKwYBBQUHAwMwEgYDVR0TAQH/BAgwBgEB/wIBADAdBgNVHQ4EFgQU39Ppz1YkEZb5qNjpKFWixi4YZD8wHwYDVR0jBBgwFoAUWMAeX5FFpWapesyQoZMi0CrFxfowCgYIKoZIzj0EAwMDZwAwZAIwPCsQK4DYiZYDPIaDi5HFKnfxXx6ASSVmERfsynYBiX2X6SJRnZU84/9DZdnFvvxmAjBOt6QpBlc4J/0DxvkTCqpclvziL6BCCPnjdlIB3Pu3BxsPmygUY7Ii2zbdCdliiow='
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUALZNAPFdxHPwjeDloDwyYChAO/4wCgYIKoZIzj0EAwMwKjEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MREwDwYDVQQDEwhzaWdzdG9yZTAeFw0yMTEwMDcxMzU2NTlaFw0zMTEwMDUxMzU2NThaMCoxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjERMA8GA1UEAxMIc2lnc3RvcmUwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAT7XeFT4rb3PQGwS4IajtLk3/OlnpgangaBclYpsYBr5i+4ynB07ceb3LP0OIOZdxexX69c5iVuyJRQ+Hz05yi+UF3uBWAlHpiS5sh0+H2GHE7SXrk1EC5m1Tr19L9gg92jYzBhMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBRYwB5fkUWlZql6zJChkyLQKsXF+jAfBgNVHSMEGDAWgBRYwB5fkUWlZql6zJChkyLQKsXF+jAKBggqhkjOPQQDAwNpADBmAjEAj1nHeXZp+13NWBNa+EDsDP8G1WWg1tCMWP/WHPqpaVo0jhsweNFZgSs0eE7wYI4qAjEA2WB9ot98sIkoF3vZYdd3/VtWB5b9TNMea7Ix/stJ5TfcLLeABLE4BNJOsQ4vnBHJ'
                    }
                ]
            },
            validFor: {
                start: '2022-04-13T20:06:15Z'
            }
        }
    ],
    ctlogs: [
        {
            baseUrl: 'https://ctfe.sigstore.dev/test',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbfwR+RJudXscgRBRpKX1XFDy3PyudDxz/SfnRi1fT8ekpfBd2O1uoz7jr3Z8nKzxA69EUQ+eFCFI3zeubPWU7w==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2021-03-14T00:00:00Z',
                    end: '2022-10-31T23:59:59.999Z'
                }
            },
            logId: {
                keyId: 'CGCS8ChS/2hF0dFrJ4ScRWcYrBY9wzjSbea8IgY2b3I='
            }
        },
        {
            baseUrl: 'https://ctfe.sigstore.dev/2022',
            hashAlgorithm: 'SHA2_256',
            publicKey: {
                rawBytes: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEiPSlFi0CmFTfEjCUqF9HuCEcYXNKAaYalIJmBZ8yyezPjTqhxrKBpMnaocVtLJBI1eM3uXnQzQGAJdJ4gs9Fyw==',
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: {
                    start: '2022-10-20T00:00:00Z'
                }
            },
            logId: {
                keyId: '3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4='
            }
        }
    ],
    timestampAuthorities: [
        {
            subject: {
                organization: 'sigstore.dev',
                commonName: 'sigstore-tsa-selfsigned'
            },
            uri: 'https://timestamp.sigstore.dev/api/v1/timestamp',
            certChain: {
                certificates: [
                    {
                        rawBytes: 'MIICEDCCAZagAwIBAgIUOhNULwyQYe68wUMvy4qOiyojiwwwCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMC4xFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEVMBMGA1UEAxMMc2lnc3RvcmUtdHNhMHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE4ra2Z8hKNig2T9kFjCAToGG30jky+WQv3BzL+mKvh1SKNR/UwuwsfNCg4sryoYAd8E6isovVA3M4aoNdm9QDi50Z8nTEyvqgfDPtTIwXItfiW/AFf1V7uwkbkAoj0xxco2owaDAOBgNVHQ8BAf8EBAMCB4AwHQYDVR0OBBYEFIn9eUOHz9BlRsMCRscsc1t9tOsDMB8GA1UdIwQYMBaAFJjsAe9/u1H/1JUeb4qImFMHic6/MBYGA1UdJQEB/wQMMAoGCCsGAQUFBwMIMAoGCCqGSM49BAMDA2gAMGUCMDtpsV/6KaO0qyF/UMsX2aSUXKQFdoGTptQGc0ftq1csulHPGG6dsmyMNd3JB+G3EQIxAOajvBcjpJmKb4Nv+2Taoj8Uc5+b6ih6FXCCKraSqupe07zqswMcXJTe1cExvHvvlw=='
                    },
                    {
                        rawBytes: 'MIIB9zCCAXygAwIBAgIUV7f0GLDOoEzIh8LXSW80OJiUp14wCgYIKoZIzj0EAwMwOTEVMBMGA1UEChMMc2lnc3RvcmUuZGV2MSAwHgYDVQQDExdzaWdzdG9yZS10c2Etc2VsZnNpZ25lZDAeFw0yNTA0MDgwNjU5NDNaFw0zNTA0MDYwNjU5NDNaMDkxFTATBgNVBAoTDHNpZ3N0b3JlLmRldjEgMB4GA1UEAxMXc2lnc3RvcmUtdHNhLXNlbGZzaWduZWQwdjAQBgcqhkjOPQIBBgUrgQQAIgNiAAQUQNtfRT/ou3YATa6wB/kKTe70cfJwyRIBovMnt8RcJph/COE82uyS6FmppLLL1VBPGcPfpQPYJNXzWwi8icwhKQ6W/Qe2h3oebBb2FHpwNJDqo+TMaC/tdfkv/ElJB72jRTBDMA4GA1UdDwEB/wQEAwIBBjASBgNVHRMBAf8ECDAGAQH/AgEAMB0GA1UdDgQWBBSY7AHvf7tR/9SVHm+KiJhTB4nOvzAKBggqhkjOPQQDAwNpADBmAjEAwGEGrfGZR1cen1R8/DTVMI943LssZmJRtDp/i7SfGHmGRP6gRbuj9vOK3b67Z0QQAjEAuT2H673LQEaHTcyQSZrkp4mX7WwkmF+sVbkYY5mXN+RMH13KUEHHOqASaemYWK/E'
                    }
                ]
            },
            validFor: {
                start: '2025-07-04T00:00:00Z'
            }
        }
    ]
};

;// CONCATENATED MODULE: ./src/attest/trusted-root.ts




const MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json';
function parseRoot(value, where) {
    const mediaType = value?.mediaType;
    if (typeof mediaType !== 'string' || !mediaType.startsWith(MEDIA_TYPE))
        throw new errors/* UserError */.yo(`${where}: not a Sigstore trusted root (mediaType ${MEDIA_TYPE})`);
    return protobuf_specs_dist.TrustedRoot.fromJSON(value);
}
/** One trusted root (JSON), or several, one a line, as `gh attestation trusted-root` prints them. */
function parseTrustedRoots(text, label) {
    try {
        return [parseRoot(JSON.parse(text), label)];
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
    }
    const lines = text.split(/\r?\n/).filter(line => line.trim());
    return lines.map((line, index) => {
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            throw new errors/* UserError */.yo(`${label} line ${index + 1}: not JSON`);
        }
        return parseRoot(value, `${label} line ${index + 1}`);
    });
}
/**
 * The roots in `file`, or by default Sigstore public-good's, which ml-smoke carries: public
 * repositories sign there. Private repositories sign with GitHub's own instance: `gh attestation
 * trusted-root > trusted-root.jsonl` writes both roots for `trusted-root`.
 */
async function loadTrustedRoots(file, label = file) {
    if (!file)
        return {
            roots: [protobuf_specs_dist.TrustedRoot.fromJSON(PUBLIC_GOOD_TRUSTED_ROOT)],
            source: "Sigstore public-good's trusted root (built in)"
        };
    const text = await (0,promises_.readFile)(file, 'utf8').catch(() => {
        throw new errors/* UserError */.yo(`trusted root not found: ${label}`);
    });
    return { roots: parseTrustedRoots(text, label ?? file), source: `the trusted root in ${label}` };
}

;// CONCATENATED MODULE: ./src/attest/verify.ts
/**
 * An artifact's attestations checked offline: each bundle's signature against a trusted root, who
 * signed it, and that its subjects are the files (and its predicate the manifest) in the folder.
 */









const NAMES = {
    [attest_statements/* SLSA_PROVENANCE_V1 */.us]: 'SLSA provenance',
    [attest_statements/* MANIFEST_PREDICATE_V1 */.ow]: 'manifest attestation'
};
const DEFAULT_ROOT_HINT = "only Sigstore public-good's trusted root is built in, and private repositories sign with GitHub's own instance: give trusted-root (--trusted-root) the file `gh attestation trusted-root` writes";
/** Each line's bundle verified; a line that fails is a problem naming the line. */
function verifyLines(text, roots, expected, problems) {
    const verified = [];
    text.split('\n').forEach((line, index) => {
        if (!line.trim())
            return;
        const where = `${manifest/* ATTESTATIONS_NAME */.K_} line ${index + 1}`;
        try {
            const result = verifyBundle(JSON.parse(line), roots);
            const wrong = (0,identity/* identityProblems */.LA)(result.signer, expected);
            if (wrong.length)
                problems.push(`${where}: ${wrong.join('; ')}`);
            else
                verified.push(result);
        }
        catch (error) {
            if (!(error instanceof BundleError || error instanceof SyntaxError))
                throw error;
            problems.push(`${where}: ${error.message}`);
        }
    });
    return verified;
}
/** Files whose digest the statement does not name. */
function unattested(statement, files) {
    const digests = new Set(statement.subject.map(subject => subject.digest.sha256));
    return files
        .filter(file => !digests.has(file.sha256))
        .map(file => `${file.path} (sha256 ${file.sha256.slice(0, 12)}…)`);
}
/** The provenance must cover every file and the manifest; the manifest statement, the manifest itself. */
async function coverageProblems(statements, request) {
    const manifestFile = external_node_path_default().join(request.folder, manifest/* MANIFEST_NAME */.ir);
    const manifestText = await (0,promises_.readFile)(manifestFile, 'utf8');
    const { sha256 } = await (0,file_info/* hashFile */.DC)(manifestFile);
    const files = request.manifest.artifact.files;
    const expected = {
        [attest_statements/* SLSA_PROVENANCE_V1 */.us]: [...files, { path: manifest/* MANIFEST_NAME */.ir, sha256 }],
        [attest_statements/* MANIFEST_PREDICATE_V1 */.ow]: files
    };
    const problems = [];
    for (const [type, covered] of Object.entries(expected)) {
        const statement = statements.find(s => s.statement.predicateType === type)?.statement;
        if (!statement) {
            problems.push(`no verified ${NAMES[type]} (${type}) in ${manifest/* ATTESTATIONS_NAME */.K_}`);
            continue;
        }
        const missing = unattested(statement, covered);
        if (missing.length)
            problems.push(`the ${NAMES[type]} does not attest ${missing.join(', ')}`);
    }
    const manifestStatement = statements.find(s => s.statement.predicateType === attest_statements/* MANIFEST_PREDICATE_V1 */.ow);
    if (manifestStatement &&
        !(0,external_node_util_.isDeepStrictEqual)(manifestStatement.statement.predicate, JSON.parse(manifestText)))
        problems.push(`${manifest/* MANIFEST_NAME */.ir} differs from the manifest its attestation signed`);
    return problems;
}
/** A path as a shell word. */
function shellWord(text) {
    return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
/** `gh attestation verify` for each file (the first three), as the user would check it by hand. */
function ghCommands(request, bundlePath) {
    const { expected, manifest } = request;
    const flags = [
        `--bundle ${shellWord(bundlePath)}`,
        `--repo ${expected.repository}`,
        expected.signerWorkflow ? `--signer-workflow ${shellWord(expected.signerWorkflow)}` : '',
        request.trustedRootLabel ? `--custom-trusted-root ${shellWord(request.trustedRootLabel)}` : ''
    ].filter(Boolean);
    return manifest.artifact.files
        .slice(0, 3)
        .map(file => `gh attestation verify ${shellWord(external_node_path_default().join(request.folder, file.path))} ${flags.join(' ')}`);
}
/** Checks the folder's attestations; undefined when it has none and `mode` is auto. */
async function checkAttestations(request) {
    const bundlePath = external_node_path_default().join(request.folder, manifest/* ATTESTATIONS_NAME */.K_);
    const text = await (0,promises_.readFile)(bundlePath, 'utf8').catch(() => undefined);
    if (text === undefined) {
        if (request.mode === 'auto')
            return undefined;
        const problem = `not attested: the artifact has no ${manifest/* ATTESTATIONS_NAME */.K_} (attest: on requires one)`;
        return { verified: [], problems: [problem], ghCommands: [] };
    }
    const { roots, source } = await loadTrustedRoots(request.trustedRoot, request.trustedRootLabel);
    const problems = [];
    const statements = verifyLines(text, roots, request.expected, problems);
    if (!request.trustedRoot && problems.some(problem => problem.includes('does not verify')))
        problems.push(DEFAULT_ROOT_HINT);
    problems.push(...(await coverageProblems(statements, request)));
    return {
        bundlePath,
        trustedRoot: source,
        verified: statements.map(s => ({ predicateType: s.statement.predicateType, signer: s.signer })),
        problems,
        ghCommands: ghCommands(request, bundlePath)
    };
}


/***/ })

};
