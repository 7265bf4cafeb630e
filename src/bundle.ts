/**
 * The one bundle behind dist/index.js (Action main), dist/post.js (Action post) and dist/cli.js:
 * each of those is a two-line shim calling one of these, so the code ships once.
 */
export { run } from './main.js'
export { post } from './post.js'
export { main as cli } from './cli.js'
