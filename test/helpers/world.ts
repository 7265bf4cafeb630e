/**
 * The emulated world a test file runs in (test/helpers/emulated-world.ts), set up in one place:
 * started before its tests and closed after, with the usual accounts and the inputs that point a
 * run at them. `scenario()` gives a test its situation - lines, repositories, faults (cleared when
 * the test ends) and inputs - in one call.
 */
import { afterAll, beforeAll, onTestFinished } from 'vitest'
import type { Inputs } from '../../src/plan/plan.js'
import type { FaultRule } from '../emulators/base.js'
import { closeWorld, newWorld, startWorld, type World } from './emulated-world.js'

export { ACCOUNTS } from './emulated-world.js'

/** One test's situation: what exists, what goes wrong, and the run's inputs - the rest is the world's. */
export interface ScenarioSpec {
  /** Destination lines (one per entry). */
  destinations: string[]
  /** GitHub repositories that exist (`owner/name`), with their environments and topics. */
  repos?: Record<string, { environments?: string[]; topics?: string[] }>
  /** Faults each service answers with during this test; cleared when it ends. */
  faults?: Partial<Record<'github' | 'rackGateway' | 'circleci' | 'gitlab', FaultRule[]>>
  /** Inputs over the world's rotation (issuer, rights, credentials and URLs are already set). */
  inputs?: Inputs
}

export interface TestWorld extends World {
  /** Sets up a scenario for the running test and returns the inputs of its run. */
  scenario(spec: ScenarioSpec): Record<string, string>
}

export function useWorld(): TestWorld {
  const world = newWorld()
  beforeAll(() => startWorld(world))
  afterAll(() => closeWorld(world))
  return Object.assign(world, {
    scenario(spec: ScenarioSpec): Record<string, string> {
      for (const [path, opts] of Object.entries(spec.repos ?? {})) {
        const [owner, name] = path.split('/') as [string, string]
        world.gh.addRepo(owner, name, opts)
      }
      const services = { github: world.gh, rackGateway: world.rgw, circleci: world.cci, gitlab: world.gl }
      for (const [service, rules] of Object.entries(spec.faults ?? {})) {
        const emulator = services[service as keyof typeof services]
        emulator.setFaults(rules)
        onTestFinished(() => emulator.setFaults([]))
      }
      return world.inputs({ destinations: spec.destinations.join('\n'), ...spec.inputs })
    },
  })
}
