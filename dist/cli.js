#!/usr/bin/env node
import { cli } from './bundle/bundle.js'

await cli(process.argv)
