/**
 * Big runs read well on a terminal: the printed summary leads with the counts and what needs acting
 * on, says "not written" once per reason with a count, and collapses the rest after the first rows,
 * as the job summary does. Small runs print every destination.
 */
import { describe, expect, it } from 'vitest'
import { type DestinationReport, type Report } from '../src/report/report.js'
import { summaryText, TEXT_OPEN_ROWS } from '../src/report/text.js'

function report(destinations: DestinationReport[], extra: Partial<Report> = {}): Report {
  return {
    outcome: 'rotated',
    mode: 'rotate',
    issuer: 'rack-gateway',
    dryRun: false,
    destinations,
    revokedIds: [],
    keptIds: [],
    notes: [],
    startedAt: '2026-12-04T00:00:00Z',
    finishedAt: '2026-12-04T00:01:00Z',
    requests: { total: 0, retries: 0, rateLimited: 0 },
    ...extra,
  }
}

const repo = (i: number, status: DestinationReport['status'], detail?: string): DestinationReport => ({
  id: `github:repo/acme/r${i}`,
  name: 'TOKEN',
  status,
  ...(detail ? { detail } : {}),
})

describe('summaryText', () => {
  it('a failed dry run over 254 destinations: the two failures, then one counted line for the 252 not written', () => {
    const rows = Array.from({ length: 254 }, (_, i) =>
      i === 7 || i === 200
        ? repo(i, 'failed', 'github-token cannot see it (404)')
        : repo(i, 'not written', 'preflight of another destination failed'),
    )
    const text = summaryText(report(rows, { outcome: 'failed', dryRun: true, error: 'preflight failed' }))
    expect(text).toEqual([
      'token-action rotate: failed (dry run)',
      '  254 destinations: 2 failed, 252 not written',
      '  error: preflight failed',
      '  failed       github:repo/acme/r7 (TOKEN): github-token cannot see it (404)',
      '  failed       github:repo/acme/r200 (TOKEN): github-token cannot see it (404)',
      '  not written  252 destinations: preflight of another destination failed',
    ])
  })

  it('a 255-destination rotation: counts and failures first, the first rows, then one line counting the rest', () => {
    const rows = Array.from({ length: 255 }, (_, i) => repo(i, i === 254 ? 'unknown' : 'updated'))
    const text = summaryText(report(rows, { outcome: 'failed', revokedIds: [] }))
    expect(text.slice(0, 3)).toEqual([
      'token-action rotate: failed',
      '  255 destinations: 1 unknown, 254 updated',
      '  unknown      github:repo/acme/r254 (TOKEN)',
    ])
    const shown = text.filter((l) => l.startsWith('  updated '))
    expect(shown).toHaveLength(TEXT_OPEN_ROWS - 1)
    expect(text).toContain(
      `  ... ${254 - shown.length} more: ${254 - shown.length} updated (--json or report-file lists every destination)`,
    )
    expect(text.length).toBeLessThanOrEqual(TEXT_OPEN_ROWS + 5)
  })

  it('a small run prints every destination, and a reason shared by two rows stays on their lines', () => {
    const rows = [repo(1, 'created'), repo(2, 'not written', 'cancelled'), repo(3, 'not written', 'cancelled')]
    expect(summaryText(report(rows)).slice(2)).toEqual([
      '  not written  github:repo/acme/r2 (TOKEN): cancelled',
      '  not written  github:repo/acme/r3 (TOKEN): cancelled',
      '  created      github:repo/acme/r1 (TOKEN)',
    ])
  })
})
