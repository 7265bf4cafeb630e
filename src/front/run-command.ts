/**
 * `token-action ephemeral [flags] -- CMD ARGS...`: runs CMD with the token in the environment (as
 * `aws-vault exec` and `op run` do), forwards SIGINT/SIGTERM/SIGHUP to it, and returns its exit code
 * (128 + the signal number when a signal ended it), so the caller revokes the token whatever happened.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:os'

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

export function runWithSecret(command: string[], name: string, secret: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, [name]: secret } })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    for (const s of FORWARDED) process.on(s, forward)
    const done = (code: number) => {
      for (const s of FORWARDED) process.off(s, forward)
      resolve(code)
    }
    child.on('error', (err) => {
      process.stderr.write(`error: could not run ${command[0]}: ${err.message}\n`)
      done(127)
    })
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0)))
  })
}
