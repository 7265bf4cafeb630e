/**
 * Durations and expiry specs as users write them: `30min`, `12h`, `30d`, `1w`, `6mo`, `1y`. A bare
 * `m` is refused: `30m` read as months once made a token live until 2029 for someone who meant
 * 30 minutes, and nothing told them.
 */
import { ConfigError } from '../shared/errors.js'

const DURATION = /^(\d+)\s*(min|mo|[hdwy])$/
const AMBIGUOUS = /^(\d+)\s*m$/
/** A century in each unit: longer is a typo, and would overflow Date arithmetic. */
const MAX_AMOUNT: Record<Duration['unit'], number> = {
  min: 52_596_000,
  h: 876_600,
  d: 36_525,
  w: 5_218,
  mo: 1_200,
  y: 100,
}

export interface Duration {
  amount: number
  unit: 'min' | 'h' | 'd' | 'w' | 'mo' | 'y'
  text: string
}

/** `30m` could be minutes or months: refused with both readings, so the user picks one. */
function refuseAmbiguous(input: string, value: string): void {
  const m = AMBIGUOUS.exec(value)
  if (m) throw new ConfigError(input, `"${value}" is ambiguous: did you mean ${m[1]}min or ${m[1]}mo?`)
}

export function parseDuration(input: string, value: string): Duration {
  const v = value.trim()
  refuseAmbiguous(input, v)
  const m = DURATION.exec(v)
  if (!m || Number(m[1]) <= 0) {
    throw new ConfigError(
      input,
      `"${value}" is not a duration: use a positive number and a unit min, h, d, w, mo (months) or y, e.g. 90d, 6mo, 1y`,
    )
  }
  const unit = m[2] as Duration['unit']
  if (Number(m[1]) > MAX_AMOUNT[unit]) throw new ConfigError(input, `"${value}" is longer than 100 years`)
  return { amount: Number(m[1]), unit, text: v }
}

/** Adds a duration using calendar months and years, so `6mo` from Jan 31 lands at the end of July. */
export function addDuration(from: Date, d: Duration): Date {
  const t = new Date(from.getTime())
  switch (d.unit) {
    case 'min':
      t.setUTCMinutes(t.getUTCMinutes() + d.amount)
      break
    case 'h':
      t.setUTCHours(t.getUTCHours() + d.amount)
      break
    case 'd':
      t.setUTCDate(t.getUTCDate() + d.amount)
      break
    case 'w':
      t.setUTCDate(t.getUTCDate() + 7 * d.amount)
      break
    case 'mo':
      t.setUTCMonth(t.getUTCMonth() + d.amount)
      break
    case 'y':
      t.setUTCFullYear(t.getUTCFullYear() + d.amount)
      break
  }
  return t
}

export type ExpirySpec = { kind: 'never' } | { kind: 'in'; duration: Duration } | { kind: 'at'; date: Date }

/** Date parsing rolls 2027-02-30 over to March 2; a typo like that must be refused instead. */
function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

export function parseExpiry(input: string, value: string, now: Date): ExpirySpec {
  const v = value.trim()
  if (v === 'never') return { kind: 'never' }
  if (DURATION.test(v) || AMBIGUOUS.test(v)) return { kind: 'in', duration: parseDuration(input, v) }
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) {
    const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : v)
    if (Number.isNaN(date.getTime()) || !isCalendarDate(v.slice(0, 10)))
      throw new ConfigError(input, `"${v}" is not a valid date`)
    if (date.getTime() <= now.getTime()) throw new ConfigError(input, `${v} is in the past`)
    return { kind: 'at', date }
  }
  throw new ConfigError(
    input,
    `"${v}" is not an expiry: use 1w, 1mo, 6mo, 1y, Nd, Nh, Nmin, an ISO date (2027-01-31) or never`,
  )
}

export function expiryDate(spec: ExpirySpec, now: Date): Date | undefined {
  if (spec.kind === 'never') return undefined
  return spec.kind === 'at' ? spec.date : addDuration(now, spec.duration)
}
