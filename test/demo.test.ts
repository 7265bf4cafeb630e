/**
 * `npm run demo` is the README's first command: it must finish the whole lifecycle against the
 * emulators on a fresh clone. Run here as npm runs it (tsx), so a change that breaks it fails CI.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/run-dist.js'

describe('npm run demo', () => {
  it('runs the full lifecycle and ends with every destination on one valid token', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
      timeout: 120_000,
    })
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Demo finished: every destination holds one valid token; older tokens are revoked\./)
  }, 150_000)
})
