import { ConfigError } from '../errors.js'
import type { RunContext } from '../context.js'
import type { GitLabTarget } from '../grammar.js'
import type { Plan } from '../plan.js'
import type { Destination } from '../types.js'

export function createGitLabDestinations(targets: GitLabTarget[], _plan: Plan, _ctx: RunContext): Destination[] {
  throw new ConfigError('destinations', `${targets[0]!.id}: GitLab destinations are not implemented yet`)
}
