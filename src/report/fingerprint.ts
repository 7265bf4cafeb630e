/**
 * "Same value as" without a guess oracle. The report says which destinations hold the new token by a
 * fingerprint; an unkeyed hash of a weak token (a static one a person chose) can be reversed with a
 * dictionary. HMAC-SHA256 with a key drawn per run and never written anywhere makes the fingerprint
 * mean only: within this run's report, rows with equal fingerprints hold the same value. The rotation
 * set's name is bound in as well, so equal values in two sets never look alike.
 */
import { createHmac, randomBytes } from 'node:crypto'

/** A fresh 256-bit key for one run: kept in memory, never logged or reported. */
export function newFingerprintKey(): string {
  return randomBytes(32).toString('base64url')
}

/** `hmac-sha256:` and 16 hex digits (64 bits) of HMAC-SHA256(key, setName NUL secret). */
export function tokenFingerprint(secret: string, key: string, setName: string): string {
  const mac = createHmac('sha256', Buffer.from(key, 'base64url')).update(setName).update('\0').update(secret)
  return `hmac-sha256:${mac.digest('hex').slice(0, 16)}`
}
