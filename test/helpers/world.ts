/**
 * The emulated world a test file runs in (test/helpers/emulated-world.ts), set up in one place:
 * started before its tests and closed after, with the usual accounts and the inputs that point a
 * run at them. Files add their own repositories, faults and seeds in their own hooks, which run
 * after these.
 */
import { afterAll, beforeAll } from 'vitest'
import { closeWorld, newWorld, startWorld, type World } from './emulated-world.js'

export { ACCOUNTS, type World } from './emulated-world.js'

export function useWorld(): World {
  const world = newWorld()
  beforeAll(() => startWorld(world))
  afterAll(() => closeWorld(world))
  return world
}
