/**
 * Everything the front ends make of a report, in one module: the Action, the CLI and ephemeral load it
 * lazily, so it is bundled once, in a chunk of its own, and a run that fails on bad input never parses it.
 */
export { exitCode } from './report.js'
export { summaryMarkdown } from './markdown.js'
export { reportOutput, setsOutput } from './output.js'
export { summaryText } from './text.js'
