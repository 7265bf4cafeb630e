/** Time, injected so benchmarks can scale it and tests stay deterministic. */
export interface Clock {
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/**
 * Pending sleeps share one abort listener per signal. Paced requests sleep concurrently on the run's
 * one signal (up to 100 reads at once); a listener each would pass Node's limit of 10 and print
 * MaxListenersExceededWarning. A sleep leaves the set when its timer fires.
 */
const sleepers = new WeakMap<AbortSignal, Set<() => void>>()

function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let pending = sleepers.get(signal)
  if (!pending) {
    const set = new Set<() => void>()
    pending = set
    sleepers.set(signal, set)
    signal.addEventListener(
      'abort',
      () => {
        sleepers.delete(signal)
        for (const wake of set) wake()
      },
      { once: true },
    )
  }
  pending.add(callback)
  return () => pending.delete(callback)
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const t = setTimeout(
        () => {
          forget?.()
          resolve()
        },
        Math.max(0, ms),
      )
      const forget = signal
        ? onAbort(signal, () => {
            clearTimeout(t)
            reject(signal.reason)
          })
        : undefined
    }),
}

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
