/**
 * `audit` with `token-per: line`: tokens under the run's name whose set no current line names. A line
 * was removed or changed, or the run used `token-per: run` before: those tokens are still valid and
 * no rotation of this run will ever revoke them.
 */
import type { AuditReport } from '../report/report.js'
import type { TokenInfo } from '../shared/types.js'
import { isMintedWith, setOf } from '../plan/token-name.js'

/** A line's set name ends with a hash of the line (see lineSetName). */
const LINE_SET = /\.[0-9a-f]{6}$/

export function orphanSetFindings(
  base: string,
  current: ReadonlySet<string>,
  listed: TokenInfo[],
): AuditReport['findings'] {
  const findings: AuditReport['findings'] = []
  for (const t of listed) {
    const set = setOf(t.name)
    if (isMintedWith(base, t.name))
      findings.push({
        id: t.id,
        name: t.name,
        kind: 'orphan-set',
        detail: `minted for every destination at once (token-per: run, set ${base}); each line now has its own set: revoke it once no destination uses it`,
      })
    else if (set && LINE_SET.test(set) && set.startsWith(`${base}.`) && !current.has(set))
      findings.push({
        id: t.id,
        name: t.name,
        kind: 'orphan-set',
        detail: `its set ${set} serves no current destination line (the line was removed or changed): it is still valid; revoke it (token-action revoke --token-id ${t.id} --force) once nothing uses it`,
      })
  }
  return findings
}
