/**
 * URL building for every request: credentials go only to the configured origin and under the
 * configured base path. A path is joined to the base with `new URL()` (never by string
 * concatenation, which turns `@other-host/x` into a user-info URL), dot segments are refused rather
 * than resolved, and a server-supplied absolute URL (a `*_url` field, a pagination link) is followed
 * only when it has the base's origin and stays under its path.
 */
import { UntrustedResponseError } from '../shared/errors.js'

/** `.`, `..` and their percent-encoded forms: WHATWG URL parsing resolves all of them. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i

/** Trailing slashes off, without a regex that backtracks on long runs of `/`. */
export function trimTrailingSlashes(value: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === '/') end--
  return value.slice(0, end)
}

/** True when `s` is `.`, `..` (or an encoded form), which a URL parser would resolve away. */
export function isDotSegment(s: string): boolean {
  return DOT_SEGMENT.test(s)
}

/** One path segment, percent-encoded; empty and dot segments are refused (they would change the path's meaning). */
export function segment(value: string): string {
  if (value === '' || isDotSegment(value))
    throw new UntrustedResponseError(
      `refusing the path segment "${value}": empty and dot segments would change which resource is addressed`,
    )
  return encodeURIComponent(value)
}

export type Query = Record<string, string | number | boolean | undefined>

/**
 * `path` is either `/relative/to/the/base` (encoded by the caller with `segment`) or an absolute
 * URL a server gave us. Either way the result has the base's origin and lies under its path.
 */
export function resolveUrl(platform: string, baseUrl: string, path: string, query?: Query): URL {
  const base = new URL(baseUrl)
  const basePath = trimTrailingSlashes(base.pathname)
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(path)
  const rawPath = absolute ? path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') : path
  if (!absolute && !path.startsWith('/'))
    throw new UntrustedResponseError(
      `${platform}: refusing the relative path "${path}": it must start with /`,
      platform,
    )
  if (rawPath.split(/[?#]/, 1)[0]!.split('/').some(isDotSegment))
    throw new UntrustedResponseError(`${platform}: refusing "${path}": it contains a . or .. segment`, platform)
  let url: URL
  try {
    url = absolute ? new URL(path) : new URL(base.origin)
  } catch {
    throw new UntrustedResponseError(`${platform}: refusing "${path}": not a URL`, platform)
  }
  if (!absolute) url.pathname = basePath + path
  if (url.origin !== base.origin || url.username || url.password) {
    throw new UntrustedResponseError(
      `${platform}: refusing to send the credential to ${url.protocol}//${url.host}: only ${base.origin} was configured`,
      platform,
    )
  }
  if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
    throw new UntrustedResponseError(
      `${platform}: refusing ${url.pathname}: it is outside the configured base path ${basePath}`,
      platform,
    )
  }
  url.hash = ''
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v))
  return url
}
