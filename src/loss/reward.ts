/**
 * A reinforcement-learning run (Stable-Baselines3's logger: its console boxes, progress.csv or TensorBoard
 * files; RLlib's results in Ray Tune's console; DeepSpeed-Chat's RLHF step) is judged by its mean reward, not
 * its losses: an agent trains on what its changing policy collects, so its value and policy losses may rise
 * while it learns (PPO on CartPole: `train/loss` 8.4 → 31 while the reward climbed 22 → 66).
 */
import type { Candidate } from './choose.js'
import { SB3_REWARD } from './console-tables.js'
import { describeSeries, describeSource, type MetricSeries } from './series.js'
import { formatP, formatValue as format } from './shapes.js'
import { fewestPoints, mannKendall } from './trend.js'

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

/** A reinforcement-learning run, with its mean episode reward where it logged one. */
export interface AgentRun {
  reward?: MetricSeries
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
  const printed = beside.find(series => AGENT_REWARDS.includes(series.key))
  const agent = beside.find(series => AGENT_KEYS.has(series.key)) ?? printed
  if (!agent) return undefined
  return {
    reward: beside.find(series => series.key === SB3_REWARD) ?? printed,
    source: agent.source
  }
}

export function judgeAgent(
  agent: AgentRun,
  significance: number
): { verdict: 'pass' | 'inconclusive'; reason: string } {
  const reward = agent.reward
  if (!reward)
    return {
      verdict: 'inconclusive',
      reason: `Stable-Baselines3 logged no mean episode reward (${SB3_REWARD}) in ${describeSource(agent.source)}: it logs one only for an environment wrapped in a Monitor (stable_baselines3.common.monitor.Monitor, which make_vec_env adds). ${WHY}`
    }
  const values = reward.points.map(point => point.value).filter(Number.isFinite)
  const which = describeSeries(reward)
  const fewest = fewestPoints(significance)
  if (values.length < fewest)
    return {
      verdict: 'inconclusive',
      reason: `${values.length} values of ${which} are too few to tell a rise from noise (the trend test needs ${fewest} at p < ${formatP(significance)}): run more timesteps. ${WHY}`
    }
  const [first, last] = [values[0], values.at(-1)!]
  const trend = mannKendall(values)
  const test = `Mann–Kendall τ = ${format(trend.tau)}, p = ${formatP(trend.pRise)}`
  const span = `from ${format(first)} to ${format(last)} over ${values.length} values of ${which}`
  if (trend.pRise < significance && last - first > REWARD_RISE * Math.abs(first))
    return {
      verdict: 'pass',
      reason: `${rewardName(reward)} rose ${span} (${test}): the agent learned. ${WHY}`
    }
  return {
    verdict: 'inconclusive',
    reason: `${rewardName(reward)} shows no rise to tell from noise, ${span} (${test}; a pass needs p < ${formatP(significance)} and a rise of ${Math.round(REWARD_RISE * 100)} % of the first value). ${WHY}. Run more timesteps, or name a loss to judge with loss-key`
  }
}

/** What the reward is: an environment's episodes, or (RLHF) a reward model's scores of the policy's answers. */
const rewardName = (reward: MetricSeries): string =>
  reward.key === RLHF_REWARD ? 'mean reward score' : 'mean episode reward'
