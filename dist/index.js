import { run } from './bundle/bundle.js'

await run()
