// Loaded with `node --import` by test/dist-modules.test.ts: records every dist/bundle chunk a process loads.
import { register } from 'node:module'

register(new URL('./chunk-resolve.mjs', import.meta.url))
