/** Phase 6: write everywhere; a write whose answer was lost is read back where the platform allows. */
import { errorMessage, OutcomeUnknownError, TokenActionError } from '../../shared/errors.js'
import { runPool } from '../../shared/pool.js'
import type { Destination } from '../../shared/types.js'
import type { DestinationReport } from '../../report/report.js'
import { progress } from '../progress.js'
import { nowOf, row, secretOf, type Obtained, type SetRun } from '../set-run.js'

export function stopReason(signal: AbortSignal | undefined): string {
  const reason = signal?.reason
  return reason instanceof Error && reason.message ? reason.message : 'cancelled'
}

export async function writeAll(
  s: SetRun,
  destinations: Destination[],
  obtained: Obtained,
): Promise<DestinationReport[]> {
  const since = nowOf(s)
  const tick = progress(s.log, destinations.length, 'writing to', 'written')
  const results = await runPool(
    destinations,
    s.options.concurrency,
    async (d): Promise<DestinationReport> => {
      const entry = await writeOne(s, d, obtained, since)
      tick()
      return entry
    },
    s.signal,
  )
  return destinations.map(
    (d, i) => results[i] ?? row(d, 'not written', `${stopReason(s.signal)} before this write started`),
  )
}

async function writeOne(s: SetRun, d: Destination, obtained: Obtained, since: Date): Promise<DestinationReport> {
  try {
    const out = await d.write(secretOf(obtained))
    return { ...row(d, out.result), changes: out.changes, holds: obtained.fingerprint }
  } catch (err) {
    const why = s.redactor.redact(errorMessage(err))
    if (err instanceof OutcomeUnknownError) return readBack(d, obtained, since, why)
    const stopped = s.signal?.aborted && !(err instanceof TokenActionError && err.status)
    return stopped ? row(d, 'not written', stopReason(s.signal)) : row(d, 'failed', why)
  }
}

async function readBack(d: Destination, obtained: Obtained, since: Date, why: string): Promise<DestinationReport> {
  const holds = await d.confirm(secretOf(obtained), since).catch(() => undefined)
  if (holds === true)
    return {
      ...row(d, 'updated', `the write's answer was lost (${why}); reading the destination back shows it landed`),
      holds: obtained.fingerprint,
    }
  if (holds === false) return row(d, 'failed', `${why}; reading the destination back shows the write did not land`)
  return row(d, 'unknown', `${why}; the destination could not confirm whether it holds the new token, so it may`)
}
