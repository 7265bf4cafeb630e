import { ConfigError } from '../../src/shared/errors.js'

/** The ConfigError `fn` throws (anything else fails the test, and so does no error). */
export function refusal(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error('expected a ConfigError')
}
