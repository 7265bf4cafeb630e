/**
 * What one rotation set learns as its phases run - destination rows, notes, tokens revoked, kept or
 * that may exist - collected in one place and turned into that set's part of the report once, at the end.
 */
import type { RotationSet } from '../plan/sets.js'
import type { AuditReport, DestinationReport, SetReport, TokenReport } from '../report/report.js'
import type { TokenInfo } from '../shared/types.js'
import type { Ending } from './set-run.js'

/** One set's part of the report: what the report's `sets` entry says, plus its rows, audit and notes. */
export interface SetResult extends Omit<SetReport, 'name' | 'line'> {
  set: RotationSet
  destinations: DestinationReport[]
  audit?: AuditReport
  notes: string[]
}

export class Ledger {
  rows: DestinationReport[] = []
  readonly notes: string[] = []
  readonly revoked: string[] = []
  private readonly kept: string[] = []
  readonly mayExist: string[] = []
  /** The set's tokens as listed before anything was minted. */
  previous: TokenInfo[] = []
  token?: TokenReport
  audit?: AuditReport
  newTokenRevoked = false

  note(text: string): void {
    this.notes.push(text)
  }

  /** A token left valid on purpose or because revoking it failed; `why` says which. */
  keep(id: string, why?: string): void {
    this.kept.push(id)
    if (why) this.notes.push(why)
  }

  close(set: RotationSet, end: Ending): SetResult {
    return {
      set,
      outcome: end.outcome,
      ...(end.error ? { error: end.error } : {}),
      ...(this.token ? { token: this.token } : {}),
      destinations: this.rows,
      revokedIds: this.revoked,
      // Whatever stopped the set, every token of it this run did not revoke is still valid.
      keptIds: [...new Set([...this.previous.map((p) => p.id), ...this.kept])].filter(
        (id) => !this.revoked.includes(id),
      ),
      ...(this.newTokenRevoked ? { newTokenRevoked: true } : {}),
      ...(this.mayExist.length ? { mayExist: this.mayExist } : {}),
      ...(this.audit ? { audit: this.audit } : {}),
      notes: this.notes,
    }
  }
}
