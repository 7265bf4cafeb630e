/** Where human lines go: the Actions log (core) or stderr (CLI). Every line passes the redactor first. */
import type { Redactor } from './redact.js'

export interface Logger {
  info(line: string): void
  warning(line: string): void
  error(line: string): void
}

export function redactingLogger(inner: Logger, redactor: Redactor): Logger {
  return {
    info: (l) => inner.info(redactor.redact(l)),
    warning: (l) => inner.warning(redactor.redact(l)),
    error: (l) => inner.error(redactor.redact(l)),
  }
}

export const silentLogger: Logger = { info: () => {}, warning: () => {}, error: () => {} }
