/**
 * A reinforcement-learning run (Stable-Baselines3's logger: its console boxes, progress.csv or TensorBoard
 * files; RLlib's results in Ray Tune's console; DeepSpeed-Chat's RLHF step; TRL's GRPO, RLOO and PPO; verl) is
 * judged by its mean reward, not its losses: an agent trains on what its changing policy collects, so its value
 * and policy losses may rise while it learns (PPO on CartPole: `train/loss` 8.4 → 31 while the reward climbed
 * 22 → 66), and GRPO's loss is about 0 whether the policy learns or not.
 */
import type { Candidate } from './choose.js'
import { SB3_REWARD } from './console-tables.js'
import { describeSeries, describeSource, positionWord, type MetricSeries } from './series.js'
import { formatP, formatValue as format } from './shapes.js'
import { fewestPoints, mannKendall } from './trend.js'
import { capitalise } from '../words.js'

/**
 * The least rise of the mean reward, as a share of its first value's size, that counts as learning: the same
 * fifth as FALL_OF_NOTE. The mean over the last 100 episodes is smooth, so a trend test alone would call the
 * drift of a random policy's average a rise.
 */
export const REWARD_RISE = 0.2

/** DeepSpeed-Chat's RLHF step: the reward model's mean score of a batch of the policy's answers. */
const RLHF_REWARD = 'average reward score'
/**
 * Rewards printed on a line of their own beside an agent's losses (output-reader.ts reads them): RLlib's mean
 * episode reward in Ray Tune's result blocks (the old API stack's name, then the new one's), and RLHF_REWARD.
 */
export const AGENT_REWARDS = ['episode_reward_mean', 'episode_return_mean', RLHF_REWARD]

/**
 * TRL's GRPO and RLOO trainers (and ms-swift's GRPO) log the mean reward of the policy's completions as
 * `reward`, beside its spread within each prompt's group of completions, `reward_std`: the pair marks the run,
 * as a bare `reward` key need not be an agent's.
 */
const GROUP_REWARD = 'reward'
const GROUP_REWARD_SPREAD = 'reward_std'
/** TRL's PPO and RLOO before GRPO's layout: the reward model's score less the KL penalty, what they maximise. */
const RLHF_OBJECTIVE = 'objective/rlhf_reward'
/** verl's PPO and GRPO: the mean score its reward function gave the step's responses (before any KL penalty). */
const VERL_SCORE = 'critic/score/mean'
/** The rewards of LLM fine-tuning by reinforcement learning that name their run wherever they are logged. */
const POLICY_REWARDS = new Set([RLHF_OBJECTIVE, VERL_SCORE])

/** Keys only Stable-Baselines3's reinforcement-learning algorithms log (PPO, A2C, DQN, SAC, TD3). */
const AGENT_KEYS = new Set([
  SB3_REWARD,
  'rollout/exploration_rate',
  'train/approx_kl',
  'train/policy_gradient_loss',
  'train/value_loss',
  'train/actor_loss',
  'train/critic_loss',
  'train/ent_coef_loss'
])

const WHY =
  "A reinforcement-learning run is judged by its reward: an agent's losses need not fall while it learns, since it trains on what its changing policy collects"
const WHY_GROUP =
  "A GRPO or RLOO run is judged by its reward: its loss is about 0 whether the policy learns or not, since each completion's advantage is its reward less the mean of its prompt's group"

/** What a reward is, what learns from it, why it is judged, and how to log more of it. */
interface RewardKind {
  name: string
  learner: 'agent' | 'policy'
  why: string
  more: string
}

const EPISODE_REWARD: RewardKind = {
  name: 'mean episode reward',
  learner: 'agent',
  why: WHY,
  more: 'run more timesteps'
}
const TRAINER_STEPS = 'run more steps (or log every step: logging_steps=1)'
/** The rewards that are not an environment's episodes, by key. */
const REWARD_KINDS = new Map<string, RewardKind>([
  [RLHF_REWARD, { ...EPISODE_REWARD, name: 'mean reward score' }],
  [
    GROUP_REWARD,
    {
      name: "mean reward of the policy's completions",
      learner: 'policy',
      why: WHY_GROUP,
      more: TRAINER_STEPS
    }
  ],
  [
    RLHF_OBJECTIVE,
    {
      name: 'RLHF reward (the score less the KL penalty)',
      learner: 'policy',
      why: WHY,
      more: TRAINER_STEPS
    }
  ],
  [
    VERL_SCORE,
    {
      name: "mean score of the policy's responses",
      learner: 'policy',
      why: WHY,
      more: 'run more steps (trainer.total_training_steps)'
    }
  ]
])

/** A reinforcement-learning run, with its mean episode reward where it logged one. */
export interface AgentRun {
  reward?: MetricSeries
  /** GRPO's and RLOO's `reward_std`: the spread of the rewards within each prompt's group of completions. */
  spread?: MetricSeries
  source: string
}

/** The reinforcement-learning run the chosen series belongs to (its file, or every file when none was chosen). */
export function reinforcementRun(
  chosen: Candidate | undefined,
  others: Candidate[]
): AgentRun | undefined {
  const source = chosen?.series.source
  const beside = [chosen, ...others].flatMap(c =>
    c && (source === undefined || c.series.source === source) ? [c.series] : []
  )
  const grouped = beside.some(series => series.key === GROUP_REWARD_SPREAD)
  const printed = beside.find(
    series =>
      AGENT_REWARDS.includes(series.key) ||
      POLICY_REWARDS.has(series.key) ||
      (grouped && series.key === GROUP_REWARD)
  )
  const agent = beside.find(series => AGENT_KEYS.has(series.key)) ?? printed
  if (!agent) return undefined
  return {
    reward: beside.find(series => series.key === SB3_REWARD) ?? printed,
    spread:
      printed?.key === GROUP_REWARD ? beside.find(s => s.key === GROUP_REWARD_SPREAD) : undefined,
    source: agent.source
  }
}

export function judgeAgent(
  agent: AgentRun,
  { significance, window }: { significance: number; window: number }
): { verdict: 'pass' | 'fail' | 'inconclusive'; reason: string } {
  const reward = agent.reward
  if (!reward)
    return {
      verdict: 'inconclusive',
      reason: `Stable-Baselines3 logged no mean episode reward (${SB3_REWARD}) in ${describeSource(agent.source)}: it logs one only for an environment wrapped in a Monitor (stable_baselines3.common.monitor.Monitor, which make_vec_env adds). ${WHY}`
    }
  const values = reward.points.map(point => point.value).filter(Number.isFinite)
  const which = describeSeries(reward)
  const kind = REWARD_KINDS.get(reward.key) ?? EPISODE_REWARD
  const fewest = fewestPoints(significance)
  if (values.length < fewest)
    return {
      verdict: 'inconclusive',
      reason: `${values.length} values of ${which} are too few to tell a rise from noise (the trend test needs ${fewest} at p < ${formatP(significance)}): ${kind.more}. ${kind.why}`
    }
  const alike = agent.spread && scoredAlike(agent.spread, window)
  if (alike) return { verdict: 'fail', reason: `${alike} ${kind.why}` }
  const [first, last] = [values[0], values.at(-1)!]
  const trend = mannKendall(values)
  const test = `Mann–Kendall τ = ${format(trend.tau)}, p = ${formatP(trend.pRise)}`
  const span = `from ${format(first)} to ${format(last)} over ${values.length} values of ${which}`
  if (trend.pRise < significance && last - first > REWARD_RISE * Math.abs(first))
    return {
      verdict: 'pass',
      reason: `${kind.name} rose ${span} (${test}): the ${kind.learner} learned. ${kind.why}`
    }
  return {
    verdict: 'inconclusive',
    reason: `${kind.name} shows no rise to tell from noise, ${span} (${test}; a pass needs p < ${formatP(significance)} and a rise of ${Math.round(REWARD_RISE * 100)} % of the first value). ${kind.why}. ${capitalise(kind.more)}, or name a loss to judge with loss-key`
  }
}

/**
 * Why a GRPO or RLOO run learned nothing at its end, or undefined: `reward_std` exactly 0 over its last window
 * of logged steps (loss-window's share, two at least). Every completion of a prompt scored as its group's mean
 * there, so every advantage was 0 and the policy got no gradient from its reward (a reward stuck at 0 after a KL
 * explosion, a reward function that scores nothing).
 */
function scoredAlike(spread: MetricSeries, share: number): string | undefined {
  const points = spread.points
  const window = Math.max(2, Math.ceil(points.length * share))
  if (points.length < window || points.slice(-window).some(point => point.value !== 0))
    return undefined
  let from = points.length - window
  while (from > 0 && points[from - 1].value === 0) from--
  return `${describeSeries(spread)} is 0 at the last ${points.length - from} of ${points.length} logged steps, from step ${points[from].step} (${positionWord(spread.format)} ${points[from].line}): every completion of a prompt scored as the others of its group, so every advantage was 0 and the policy got nothing to learn from its reward.`
}
