/**
 * `token-action ephemeral [flags] -- CMD ARGS...`: mints a token, runs CMD with it (and only it) in
 * `$SECRET_NAME`, and revokes the token however CMD ends, as `aws-vault exec` and `op run` do.
 *
 * From before the mint until the revoke is done, SIGINT, SIGTERM and SIGHUP are handled here: a signal
 * before CMD starts cancels the run and CMD never starts; a signal while CMD runs is passed on to it
 * once, and CMD is killed if it has not ended `graceMs` later; any further signal is absorbed, so the
 * revoke always runs (only SIGKILL can stop it - which is why an ephemeral token's default expiry is
 * short: 1 h where the issuer has expiry).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:os'
import { envFallbacks, INPUT_NAMES, inputsWhere } from '../plan/inputs.js'
import { errorMessage } from '../shared/errors.js'
import type { Logger } from '../shared/log.js'
import { sanitize } from '../shared/sanitize.js'
import type { MintedToken, RevokeResult } from '../shared/types.js'
import type { Plan } from '../plan/plan.js'
import type { Report } from '../report/report.js'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Seconds CMD has to end after a signal was passed on, unless `--grace` says otherwise. */
export const DEFAULT_GRACE_SECONDS = 10

const envName = (input: string) => `TOKEN_ACTION_${input.toUpperCase().replace(/-/g, '_')}`

/**
 * Every variable that may hold one of token-action's own credentials: each secret input of the inputs
 * table as TOKEN_ACTION_*, its `--NAME-file` path variable, and the CI systems' fallbacks
 * (GITHUB_TOKEN, CIRCLE_TOKEN, GITLAB_TOKEN, ...). Derived from the table, so a new secret input is
 * covered the day it is added.
 */
export function credentialVariables(): string[] {
  return inputsWhere('secret').flatMap((name) => [envName(name), `${envName(name)}_FILE`, ...envFallbacks(name)])
}

/**
 * CMD's environment: token-action's own, without any credential or TOKEN_ACTION_* input (`keep` passes
 * named ones on deliberately), plus the token as `name`.
 */
export function childEnv(env: NodeJS.ProcessEnv, name: string, secret: string, keep: string[]): NodeJS.ProcessEnv {
  const drop = new Set([...credentialVariables(), ...INPUT_NAMES.map(envName)])
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) if (!drop.has(k) || keep.includes(k)) out[k] = v
  out[name] = secret
  return out
}

/** `::add-mask::` as @actions/core writes it: the value's `%`, CR and LF escaped so it stays one command. */
export function addMaskCommand(value: string): string {
  return `::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`
}

const signalNumber = (signal: NodeJS.Signals) => constants.signals[signal] ?? 0

export class EphemeralSession {
  /** Aborts the run (the mint and what follows) on the first signal. */
  readonly controller = new AbortController()
  private received?: NodeJS.Signals
  private child?: ChildProcess
  private killTimer?: NodeJS.Timeout
  private readonly onSignal = (signal: NodeJS.Signals) => this.receive(signal)

  constructor(
    private readonly log: Logger,
    private readonly graceMs: number,
    /**
     * A terminal sends Ctrl-C (SIGINT) and a hang-up (SIGHUP) to the whole foreground process group,
     * CMD included: with a terminal, CMD stays in our group and those are not passed on again. Without
     * one, CMD gets a group of its own and every signal reaches it once, through us.
     */
    private readonly terminal = Boolean(process.stdin.isTTY),
  ) {
    for (const s of SIGNALS) process.on(s, this.onSignal)
  }

  /** Handles one signal: the first cancels the run (or is passed on to CMD); later ones never stop the revoke. */
  receive(signal: NodeJS.Signals): void {
    const first = !this.received
    this.received ??= signal
    if (first) this.controller.abort(new Error(`cancelled by ${signal}`))
    const running = this.child && this.child.exitCode === null && this.child.signalCode === null
    if (!running) {
      this.log.warning(
        first
          ? `${signal} received: the command is not started; the token is revoked`
          : `${signal} received again: revoking the token first`,
      )
      return
    }
    const fromTerminal = this.terminal && signal !== 'SIGTERM'
    this.log.warning(
      `${signal} received: ${fromTerminal ? 'the command got it from the terminal too' : 'passing it on to the command'} (killed if it has not ended in ${this.graceMs / 1000} s)`,
    )
    if (!fromTerminal) this.signalChild(signal)
    this.killTimer ??= setTimeout(() => {
      this.log.warning(`the command did not end within ${this.graceMs / 1000} s of ${this.received}: killing it`)
      this.signalChild('SIGKILL')
    }, this.graceMs)
  }

  private signalChild(signal: NodeJS.Signals): void {
    const child = this.child
    if (!child?.pid) return
    try {
      // Detached, CMD leads its own process group: its own children are signalled with it.
      if (this.terminal) child.kill(signal)
      else process.kill(-child.pid, signal)
    } catch {
      // Already gone: nothing to signal.
    }
  }

  /** Runs CMD with `env`; its exit code, or 128 + the signal that ended it (or that stopped us before it started). */
  run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
    if (this.received) return Promise.resolve(128 + signalNumber(this.received))
    return new Promise((resolve) => {
      const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env, detached: !this.terminal })
      this.child = child
      const done = (code: number) => {
        clearTimeout(this.killTimer)
        resolve(code)
      }
      child.on('error', (err) => {
        this.log.error(`could not run ${command[0]}: ${err.message}`)
        done(127)
      })
      child.on('exit', (code, signal) => done(code ?? 128 + (signal ? signalNumber(signal) : 0)))
    })
  }

  /** Stops handling signals: only once the token is revoked (or could not be). */
  dispose(): void {
    clearTimeout(this.killTimer)
    for (const s of SIGNALS) process.off(s, this.onSignal)
  }
}

export interface EphemeralRun {
  session: EphemeralSession
  plan: Plan
  report: Report
  minted: MintedToken | undefined
  command: string[]
  keepEnv: string[]
  log: Logger
  /** Revokes the minted token (engine/run.ts revokeToken, loaded lazily by the CLI). */
  revoke: (id: string) => Promise<RevokeResult>
}

/** After the mint: runs CMD with the token unless the run failed or was stopped, then revokes the token. */
export async function finishEphemeral(r: EphemeralRun): Promise<number> {
  const { session, plan, report, minted, log } = r
  try {
    const { summaryText } = await import('../report/render.js')
    for (const line of summaryText(report)) log.info(sanitize(line))
    if (!minted) return 1
    const code =
      report.outcome === 'failed'
        ? 1
        : await session.run(r.command, childEnv(process.env, plan.secretName, minted.secret, r.keepEnv))
    if (report.newTokenRevoked) return code
    try {
      const result = await r.revoke(minted.id)
      log.info(`${result === 'revoked' ? 'revoked' : 'already gone:'} ephemeral token ${minted.name} (id ${minted.id})`)
      return code
    } catch (err) {
      log.error(
        `could not revoke ephemeral token ${minted.name} (id ${minted.id}): ${errorMessage(err)}; revoke it by hand`,
      )
      return code || 1
    }
  } finally {
    session.dispose()
  }
}
