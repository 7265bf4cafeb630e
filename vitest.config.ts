import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * @actions/workflow-parser ships source maps naming sources it does not ship, and Vite warns once per
 * file (~60 lines of noise). Only that warning, only for that package, is dropped; every other warning
 * still prints. (A plugin, because Vitest replaces `customLogger` with its own.)
 */
const workflowParserSourcemap =
  /^Sourcemap for ".*[\\/]node_modules[\\/]@actions[\\/]workflow-parser[\\/][^"]*" points to missing source files$/
const quietWorkflowParserSourcemaps: Plugin = {
  name: 'quiet-workflow-parser-sourcemaps',
  configResolved(config) {
    const warnOnce = config.logger.warnOnce.bind(config.logger)
    config.logger.warnOnce = (msg, options) => {
      if (!workflowParserSourcemap.test(msg)) warnOnce(msg, options)
    }
  },
}

export default defineConfig({
  plugins: [quietWorkflowParserSourcemaps],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    // `npm test -- --coverage` (CI does): the engine as the in-process tests drive it. The end-to-end
    // tests run dist/ in child processes, which this does not count.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
})
