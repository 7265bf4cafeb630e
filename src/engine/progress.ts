import type { Logger } from '../shared/log.js'

/** Over 20 items: a line when the phase starts, then `progress: N/M <what> <done>` about every 10%. */
export function progress(log: Logger, total: number, start: string, done: string, what = 'destinations'): () => void {
  const step = total > 20 ? Math.ceil(total / 10) : 0
  if (step) log.info(`${start} ${total} ${what}`)
  let finished = 0
  return () => {
    finished++
    if (step && (finished % step === 0 || finished === total))
      log.info(`progress: ${finished}/${total} ${what} ${done}`)
  }
}
