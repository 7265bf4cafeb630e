/**
 * docs/report.schema.json as a validator. run-dist.ts checks every report an end-to-end run writes
 * (the `report` output, report-file, the CLI's --json) against it, so the published schema cannot
 * drift from what runs.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsImport from 'ajv-formats'
import type { Report } from '../../src/report/report.js'

const ROOT = join(import.meta.dirname, '..', '..')
export const REPORT_SCHEMA_PATH = join(ROOT, 'docs', 'report.schema.json')
export const reportSchema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>

const addFormats = addFormatsImport as unknown as (ajv: Ajv2020) => Ajv2020
const ajv = new Ajv2020({ allErrors: true, strict: true })
addFormats(ajv)
const validate = ajv.compile(reportSchema)

/** The schema's complaints about `value`, one per line; empty when it is a valid report. */
export function reportProblems(value: unknown): string[] {
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  )
}

/** Parses `text` as a report and throws, naming `where`, unless docs/report.schema.json accepts it. */
export function checkReport(text: string, where: string): Report {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new Error(`${where} is not JSON: ${(err as Error).message}`, { cause: err })
  }
  const problems = reportProblems(value)
  if (problems.length) throw new Error(`${where} does not match docs/report.schema.json:\n  ${problems.join('\n  ')}`)
  return value as Report
}

/**
 * The `report` output against the whole report (report-file): the same report, or (a big run) the
 * same report shortened, with `truncated` counting what the whole one has.
 */
export function checkOutputAgainstFile(output: Report, file: Report): void {
  if (!output.truncated) {
    if (JSON.stringify(output) !== JSON.stringify(file))
      throw new Error('the report output differs from report-file, and says nothing was truncated')
    return
  }
  const t = output.truncated
  const counts: Record<string, number> = {}
  for (const d of file.destinations) counts[d.status] = (counts[d.status] ?? 0) + 1
  if (
    t.destinations !== file.destinations.length ||
    JSON.stringify(Object.entries(t.statuses).sort()) !== JSON.stringify(Object.entries(counts).sort())
  ) {
    throw new Error(
      `the shortened report output counts ${JSON.stringify(t)}, but report-file has ${file.destinations.length} destinations ${JSON.stringify(counts)}`,
    )
  }
  if (output.destinations.length + t.omitted !== file.destinations.length)
    throw new Error(
      'the shortened report output lists and omits a different number of destinations than report-file has',
    )
}
