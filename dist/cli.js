#!/usr/bin/env node
import './cli/cli.js'
