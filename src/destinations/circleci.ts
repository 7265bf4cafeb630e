import { ConfigError } from '../errors.js'
import type { RunContext } from '../context.js'
import type { CircleCITarget } from '../grammar.js'
import type { Plan } from '../plan.js'
import type { Destination } from '../types.js'

export function createCircleCIDestinations(targets: CircleCITarget[], _plan: Plan, _ctx: RunContext): Destination[] {
  throw new ConfigError('destinations', `${targets[0]!.id}: CircleCI destinations are not implemented yet`)
}
