/**
 * GitHub's published limits, applied to every request a GitHub credential sends: at most 100 at
 * once, 900 points a minute (a read costs 1, a write 5), and the ~80 content-creating requests a
 * minute GitHub documents without saying which count - learned from the first secondary-limit answer.
 */
import { RequestScheduler } from '../../transport/scheduler.js'
import type { Transport } from '../../transport/transport.js'

/** GitHub documents ~80 content-creating requests a minute (and 500 an hour) without saying which count. */
const GITHUB_CONTENT_WRITES_PER_MINUTE = 80

export interface GitHubConfig {
  token?: string
  apiUrl: string
  appId?: string
  appPrivateKey?: string
  /** The secondary-limit points budget; benchmarks shrink the window to scale time. */
  budget: { pointsPerWindow: number; windowMs: number }
}

export const GITHUB_BUDGET = { pointsPerWindow: 900, windowMs: 60_000 }

export const githubCost = (method: string): number =>
  ['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? 1 : 5

/** GitHub's window is a minute; benchmarks scale it. */
function perWindow(windowMs: number): string {
  return windowMs === 60_000 ? 'minute' : `${windowMs / 1000} s window`
}

export function githubScheduler(config: GitHubConfig, transport: Transport): RequestScheduler {
  const { budget } = config
  return new RequestScheduler({
    concurrency: transport.readConcurrency,
    pointsPerWindow: budget.pointsPerWindow,
    windowMs: budget.windowMs,
    costOf: githubCost,
    clock: transport.clock,
    learnWrites: true,
    expectedWritesPerWindow: GITHUB_CONTENT_WRITES_PER_MINUTE,
    onLearn: ({ writesPerWindow, acceptedInWindow }) =>
      transport.log.info(
        `github: a secondary rate limit after ${acceptedInWindow} writes in the last ${perWindow(budget.windowMs)}: pacing writes to ${writesPerWindow} a ${perWindow(budget.windowMs)} from now on`,
      ),
  })
}
