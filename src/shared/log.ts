/**
 * Where human lines go: the Actions log (core) or stderr (CLI). Every line passes the redactor first,
 * then the sanitiser (lines quote servers: no CR/LF, no control characters, never a workflow command).
 */
import type { Redactor } from './redact.js'
import { sanitize } from './sanitize.js'

export interface Logger {
  info(line: string): void
  warning(line: string): void
  error(line: string): void
}

export function redactingLogger(inner: Logger, redactor: Redactor): Logger {
  return {
    info: (l) => inner.info(sanitize(redactor.redact(l))),
    warning: (l) => inner.warning(sanitize(redactor.redact(l))),
    error: (l) => inner.error(sanitize(redactor.redact(l))),
  }
}

export const silentLogger: Logger = { info: () => {}, warning: () => {}, error: () => {} }
