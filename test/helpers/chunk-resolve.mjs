// A module resolve hook: appends each resolved dist/bundle/ file to $TOKEN_ACTION_CHUNK_LOG.
import { appendFileSync } from 'node:fs'

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  const log = process.env.TOKEN_ACTION_CHUNK_LOG
  if (log && resolved.url.includes('/dist/bundle/')) appendFileSync(log, `${resolved.url}\n`)
  return resolved
}
