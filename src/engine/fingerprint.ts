import { createHash } from 'node:crypto'

/** What a destination holds, for the audit trail: a short SHA-256 prefix, never the value. */
export function fingerprint(secret: string): string {
  return `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`
}
