/**
 * What a set's phases share: the set and its rules, the issuer, its destinations, the ledger; and the shape of a
 * phase's result.
 */
import type { Plan } from '../plan/plan.js'
import type { RotationSet } from '../plan/sets.js'
import type { DestinationReport, Outcome } from '../report/report.js'
import type { Logger } from '../shared/log.js'
import type { Redactor } from '../shared/redact.js'
import type { Clock } from '../transport/clock.js'
import type { Destination, Issuer, MintedToken, TokenInfo } from '../shared/types.js'
import type { Ledger } from './ledger.js'
import type { EngineOptions } from './options.js'

/** How a set ended: its outcome and, when it failed or stopped early, why. */
export interface Ending {
  outcome: Outcome
  error?: string
}

/** A phase's result: its value, or the set's ending. */
export type Stopped = { ok: false; end: Ending }
export type Step<T> = { ok: true; value: T } | Stopped

export const next = <T>(value: T): Step<T> => ({ ok: true, value })
export const stop = (outcome: Outcome, error?: string): Stopped => ({
  ok: false,
  end: error === undefined ? { outcome } : { outcome, error },
})

/** The token a set distributes: minted here, or given (distribute mode) and so not ours to revoke. */
export type Obtained =
  { kind: 'minted'; token: MintedToken; fingerprint: string } | { kind: 'given'; secret: string; fingerprint: string }

export const secretOf = (o: Obtained): string => (o.kind === 'minted' ? o.token.secret : o.secret)

/** Everything a set's phases may use: the set, the plan's rules, the issuer, its destinations, the ledger. */
export interface SetRun {
  set: RotationSet
  plan: Plan
  issuer: Issuer
  options: EngineOptions
  log: Logger
  clock: Clock
  signal?: AbortSignal
  redactor: Redactor
  ledger: Ledger
  /** The issuer's tokens under the run's name, listed once for every set of the run. */
  listed(): Promise<TokenInfo[]>
  /** Proves once for the run that the issuer credential may create and revoke tokens. */
  canManage(): Promise<void>
  /** This set's destinations, built once for the run, and its lines that could not be built. */
  destinations: Destination[]
  lineFailures: DestinationReport[]
  /** Runs right after minting, before anything else: outputs, post-step state, the CLI's token file. */
  onMinted?: (token: MintedToken) => void
}

export const nowOf = (s: Pick<SetRun, 'clock'>): Date => new Date(s.clock.now())

export function row(d: Destination, status: DestinationReport['status'], detail?: string): DestinationReport {
  return detail === undefined
    ? { id: d.id, name: d.secretName, status }
    : { id: d.id, name: d.secretName, status, detail }
}
