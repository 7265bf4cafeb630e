/** The rules every input value meets: characters, URLs, booleans, counts, keys. Pure. */
import { createPrivateKey } from 'node:crypto'
import { ConfigError } from '../shared/errors.js'
import { hasUnsafeChars } from '../shared/sanitize.js'
import { trimTrailingSlashes } from '../transport/url.js'
import { INPUT_NAMES, inputsWhere, MULTI_LINE_INPUTS, type InputName, type Inputs } from './inputs.js'
import type { Plan } from './plan.js'

export function get(inputs: Inputs, name: InputName): string | undefined {
  const v = inputs[name]?.trim()
  return v ? v : undefined
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** https only, except loopback (emulators and local gateways); a base URL, so no query, fragment or credentials. */
export function checkUrl(input: string, value: string): string {
  // URL parsing silently drops tabs and newlines: refuse them instead.
  if (hasUnsafeChars(value)) throw new ConfigError(input, 'must not contain control characters or line breaks')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(input, `"${value}" is not a URL`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ConfigError(
      input,
      `must use https:// (plain http is allowed only for loopback addresses), got ${url.protocol}//${url.host}`,
    )
  }
  if (url.username || url.password) throw new ConfigError(input, 'must not carry credentials in the URL')
  if (url.search || url.hash || /[?#]/.test(value))
    throw new ConfigError(input, 'is a base URL: it must not have a ?query or #fragment')
  return trimTrailingSlashes(value)
}

/**
 * Multi-line list inputs (token-permissions, token-projects): one item per line, blank lines and
 * `#` comment lines ignored. Commas do not separate items (the documented grammar is one per line,
 * like destinations); the callers refuse a comma with that hint rather than guess.
 */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

/** Inputs that carry secrets: never quoted in a message. */
const SECRET_INPUTS = inputsWhere('secret')
const HEADER_CREDENTIALS = inputsWhere('header')

/** No input may smuggle control characters; multi-line inputs may hold line breaks (and tabs before a comment). */
export function checkCharacters(inputs: Inputs): void {
  for (const name of INPUT_NAMES) {
    const value = get(inputs, name)
    if (value === undefined || (SECRET_INPUTS.includes(name) && !HEADER_CREDENTIALS.includes(name))) continue
    const rest = MULTI_LINE_INPUTS.includes(name) ? value.replace(/[\r\n\t]/g, '') : value
    if (hasUnsafeChars(rest)) {
      throw new ConfigError(
        name,
        HEADER_CREDENTIALS.includes(name)
          ? 'contains a line break or control character (a paste error? the value is not shown)'
          : 'must not contain control characters or line breaks',
      )
    }
  }
}

/**
 * A GitHub App private key is checked here, before any request: an RSA private key in PEM (GitHub signs App JWTs
 * with RS256).
 */
export function checkAppPrivateKey(pem: string): void {
  const text = pem.replace(/\\n/g, '\n')
  let key
  try {
    key = createPrivateKey(text)
  } catch {
    const hint = /PUBLIC KEY/.test(text)
      ? ': this is a public key; the App settings page gives a private key (.pem)'
      : /-----BEGIN/.test(text)
        ? ' (or it is encrypted)'
        : ' (paste the whole .pem file the App settings page gave you, -----BEGIN RSA PRIVATE KEY----- included)'
    throw new ConfigError('github-app-private-key', `is not a PEM private key${hint}`)
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new ConfigError(
      'github-app-private-key',
      `is a ${key.asymmetricKeyType ?? 'non-RSA'} key; GitHub App keys are RSA (RS256)`,
    )
}

export function parseBool(input: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0)$/i.test(value)) return false
  throw new ConfigError(input, `must be true or false, not "${value}"`)
}

export function parseShard(value: string | undefined): Plan['shard'] {
  if (value === undefined) return undefined
  const m = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(m?.[1])
  const count = Number(m?.[2])
  if (!m || count < 1 || index < 1 || index > count)
    throw new ConfigError('shard', `"${value}" must be K/N with 1 <= K <= N, e.g. 2/4`)
  return { index, count }
}

export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return 8
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new ConfigError('concurrency', `must be a whole number from 1 to 100, not "${value}"`)
  return n
}
