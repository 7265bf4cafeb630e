/** The example workflows parse with GitHub's own workflow parser and use only inputs and outputs the action declares. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from './helpers/run-dist.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> }
const dir = join(ROOT, 'examples', 'workflows')

interface Step {
  uses?: string
  with?: Record<string, unknown>
  if?: string
  run?: string
}

describe.each(readdirSync(dir).filter((f) => f.endsWith('.yml')))('examples/workflows/%s', (file) => {
  const content = readFileSync(join(dir, file), 'utf8')

  it('parses without errors', () => {
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
  })

  it('the parser has teeth: a misspelled key is an error', () => {
    const broken = parseWorkflow({ name: file, content: content.replace('runs-on:', 'run-on:') }, new NoOperationTraceWriter())
    expect(broken.context.errors.getErrors().length).toBeGreaterThan(0)
  })

  it('passes only declared inputs and reads only declared outputs', () => {
    const doc = parse(content) as { jobs: Record<string, { steps: Step[] }> }
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('OWNER/token-action'))) {
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
      }
      for (const m of JSON.stringify(job.steps).matchAll(/steps\.\w+\.outputs\.([\w-]+)/g)) expect(Object.keys(action.outputs)).toContain(m[1])
    }
  })
})
