/** What every platform's destination lines share: `KIND/PATH?key=value&...`, checked the same way. Pure. */
import { ConfigError } from '../shared/errors.js'
import { isDotSegment } from '../transport/url.js'
import { nameRuleViolation, type Platform } from './names.js'
import { hasUnsafeChars } from '../shared/sanitize.js'

/** Canonical id shown in reports, e.g. `github:repo/acme/api`, and the secret name the line writes. */
export interface TargetBase {
  /** Canonical id shown in reports, e.g. `github:repo/acme/api`. */
  id: string
  /** Secret/variable name this line writes. */
  name: string
}

const INPUT = 'destinations'
const SEGMENT = /^[A-Za-z0-9_.-]+$/

export type Options = Map<string, string>

/** Quotes the offending line, cut to a readable length (a 120 KB line must not become a 120 KB message). */
export function fail(line: string, rule: string): never {
  throw new ConfigError(INPUT, `"${line.length > 1000 ? `${line.slice(0, 1000)}...` : line}": ${rule}`)
}

export function segments(line: string, rest: string, count: number | 'many', what: string): string[] {
  const parts = rest.split('/')
  const ok = count === 'many' ? parts.length >= 1 : parts.length === count
  if (!ok || parts.some((p) => p === '')) fail(line, `expected ${what}`)
  return parts
}

export function parseOptions(line: string, query: string | undefined, allowed: string[]): Options {
  const opts: Options = new Map()
  if (query === undefined) return opts
  for (const pair of query.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    let value = ''
    try {
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1))
    } catch {
      fail(line, `option "${key}" has malformed percent-encoding (write %25 for a literal %)`)
    }
    if (hasUnsafeChars(value)) fail(line, `option "${key}" must not contain control characters or line breaks`)
    if (!allowed.includes(key)) fail(line, `unknown option "${key}" (allowed here: ${allowed.join(', ')})`)
    if (opts.has(key)) fail(line, `option "${key}" given twice`)
    opts.set(key, value)
  }
  return opts
}

export function bool(line: string, opts: Options, key: string, fallback: boolean): boolean {
  const v = opts.get(key)
  if (v === undefined) return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  fail(line, `option "${key}" must be true or false, not "${v}"`)
}

export function oneOf<T extends string>(
  line: string,
  opts: Options,
  key: string,
  values: readonly T[],
  fallback: T,
): T {
  const v = opts.get(key) ?? fallback
  if (!(values as readonly string[]).includes(v))
    fail(line, `option "${key}" must be one of ${values.join(', ')}, not "${v}"`)
  return v as T
}

/**
 * Owner, repository, organisation, group and VCS segments: letters, digits, `_`, `.`, `-`; never `.` or `..`
 * (they would address another resource).
 */
export function checkSegments(line: string, parts: string[]): void {
  for (const p of parts) {
    if (isDotSegment(p)) fail(line, `"${p}" is not allowed as a path segment (. and .. would address another resource)`)
    if (!SEGMENT.test(p)) fail(line, `"${p}" is not a valid name segment`)
  }
}

export function secretName(line: string, platform: Platform, opts: Options, fallback: string): string {
  const name = opts.get('name') ?? fallback
  const broken = nameRuleViolation(platform, name)
  if (!broken) return name
  // Blame the input the name came from: the line's ?name= or the secret-name input.
  if (opts.has('name')) fail(line, `secret name "${name}": ${broken}`)
  throw new ConfigError('secret-name', `"${name}" cannot be written to ${line}: ${broken}`)
}
