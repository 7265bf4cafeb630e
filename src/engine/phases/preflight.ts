/** Phase 1: every destination of the set proves it can be written. Nothing is minted if one cannot. */
import { errorMessage } from '../../shared/errors.js'
import { runPool } from '../../shared/pool.js'
import type { Destination } from '../../shared/types.js'
import type { DestinationReport } from '../../report/report.js'
import { readConcurrency } from '../../transport/transport.js'
import { progress } from '../progress.js'
import { next, row, stop, type SetRun, type Step } from '../set-run.js'

export async function preflight(s: SetRun): Promise<Step<Destination[]>> {
  const tick = progress(s.log, s.destinations.length, 'preflight: checking', 'preflighted')
  const checks = await runPool(
    s.destinations,
    readConcurrency(s.options.concurrency),
    async (d): Promise<DestinationReport | undefined> => {
      try {
        await d.preflight()
        // The real value when it is given; else a value of the issuer's format, so a rule like
        // GitLab's mask rule fails here, before anything is minted.
        const value = s.plan.issuer.token ?? s.issuer.sample
        if (value) d.checkValue(value)
        return undefined
      } catch (err) {
        return row(d, 'failed', `preflight: ${s.redactor.redact(errorMessage(err))}`)
      } finally {
        tick()
      }
    },
  )
  const failures = [...s.lineFailures, ...checks.filter((c): c is DestinationReport => c !== undefined)]
  if (!failures.length) return next(s.destinations)
  const failedIds = new Set(failures.map((f) => f.id))
  s.ledger.rows = [
    ...failures,
    ...s.destinations
      .filter((d) => !failedIds.has(d.id))
      .map((d) => row(d, 'not written', 'preflight of another destination failed')),
  ]
  return stop('failed', `preflight failed for ${failures.length} destination(s): nothing was minted or written`)
}
