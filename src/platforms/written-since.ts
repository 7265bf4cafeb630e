/**
 * Where a value cannot be read back, a server's `updated_at` tells whether a write whose answer was
 * lost landed. The server's clock is not ours, so a minute either side counts as "since": reading a
 * landed write as failed could revoke a token a destination holds. The price is that another write
 * within that minute reads as ours; only a run of the same set writes there that close, and the
 * overlap grace keeps its token valid, so the destination holds a valid token either way.
 */
const CLOCK_SKEW_MS = 60_000

export function writtenSince(updatedAt: unknown, since: Date): boolean | undefined {
  const updated = Date.parse(String(updatedAt ?? ''))
  if (Number.isNaN(updated)) return undefined
  return updated >= since.getTime() - CLOCK_SKEW_MS
}
