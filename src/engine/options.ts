/** The engine's own settings: how much at once, and the safety policy for overlapping runs. */

/**
 * A run sends no request later than this after it starts (its signal aborts), so a token older than
 * the deadline plus one request timeout cannot still be on its way to a destination. Six hours is
 * also the longest a GitHub-hosted job may run.
 */
export const RUN_DEADLINE_MS = 6 * 3_600_000
export const OVERLAP_GRACE_MS = RUN_DEADLINE_MS + 15 * 60_000

export interface EngineOptions {
  /** Parallel destination writes per set. */
  concurrency: number
  /** Tokens of the set younger than this are never revoked: the run that minted them may still be writing. */
  overlapGraceMs: number
  /** Ends every name this run mints (see plan/token-name.ts). */
  runTag: string
  /** Keys this run's fingerprints (report/fingerprint.ts); held in memory only, never reported. */
  fingerprintKey: string
}
