/**
 * The one bundle behind dist/index.js (Action main), dist/post.js (Action post) and dist/cli.js:
 * each of those is a two-line shim calling one of these, so the code ships once. Each front end is
 * its own chunk, loaded when called: a start parses only the front end it runs (and the engine
 * only once a run starts, see main.ts and cli.ts).
 */
import type { buildPlan } from './plan/plan.js'
import type { runPlan } from './engine/run.js'

export async function run(): Promise<void> {
  await (await import('./front/action.js')).run()
}

export async function post(): Promise<void> {
  await (await import('./front/post.js')).post()
}

export async function cli(argv: string[]): Promise<void> {
  await (await import('./front/cli.js')).main(argv)
}

/** The engine without a front end, for the benchmark (scripts/bench-engine.mjs): plan in, report out. */
export async function engine(): Promise<{ buildPlan: typeof buildPlan; runPlan: typeof runPlan }> {
  const [plan, runner] = await Promise.all([import('./plan/plan.js'), import('./engine/run.js')])
  return { buildPlan: plan.buildPlan, runPlan: runner.runPlan }
}
