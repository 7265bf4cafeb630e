/** Reading what a server answered: the body, capped, and the human message in it, redacted then cut. */
import type { Dispatcher } from 'undici'
import { UntrustedResponseError } from '../shared/errors.js'

export const MAX_BODY_BYTES = 8 * 1024 * 1024
const MAX_MESSAGE_CHARS = 500
/**
 * JSON media types: application/json, application/vnd.github+json, application/problem+json, AWS's
 * application/x-amz-json-1.1.
 */
export const JSON_TYPE = /^application\/(?:(?:[\w.-]+\+)?json|x-amz-json-1\.[01])(?:\s*;|$)/i

function fullMessage(body: unknown): string {
  if (typeof body === 'string') return body
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>
    const picked = b.message ?? b.Message ?? b.error_description ?? b.error
    // AWS JSON errors name their kind in __type (e.g. "ThrottlingException"), sometimes after a namespace.
    if (typeof b.__type === 'string')
      return `${b.__type.replace(/^.*#/, '')}${typeof picked === 'string' ? `: ${picked}` : ''}`
    if (typeof picked === 'string') return picked
    // Vault: {"errors": ["permission denied"]}.
    if (Array.isArray(b.errors) && b.errors.every((e) => typeof e === 'string')) return b.errors.join('; ')
    if (picked && typeof picked === 'object') {
      if (typeof (picked as Record<string, unknown>).message === 'string')
        return (picked as Record<string, string>).message!
      return Object.entries(picked as Record<string, unknown>)
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') : JSON.stringify(v)}`)
        .join('; ')
    }
    return JSON.stringify(body)
  }
  return ''
}

/**
 * Pulls the human message out of the platforms' error bodies ({message}, {error}, GitLab's nested
 * objects): the whole message is redacted first and only then cut, so a cut never leaves part of a
 * secret behind.
 */
export function platformMessage(body: unknown, redact: (text: string) => string = (t) => t): string {
  const said = redact(fullMessage(body))
  return said.length > MAX_MESSAGE_CHARS ? `${said.slice(0, MAX_MESSAGE_CHARS)}...` : said
}

/** Reads a body up to `max` bytes: refused by content-length first, else aborted once the stream passes the cap. */
export async function readCapped(platform: string, res: Dispatcher.ResponseData, max: number): Promise<string> {
  const declared = Number(res.headers['content-length'])
  const tooLarge = () =>
    new UntrustedResponseError(
      `${platform}: the response is larger than ${max} bytes; refusing to read it`,
      platform,
      res.statusCode,
    )
  if (Number.isFinite(declared) && declared > max) {
    res.body.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length
    if (size > max) {
      res.body.destroy()
      throw tooLarge()
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
