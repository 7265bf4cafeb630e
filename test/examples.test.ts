/** The example workflows parse with GitHub's own workflow parser and use only inputs and outputs the action declares. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from './helpers/run-dist.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}
const dir = join(ROOT, 'examples', 'workflows')
const repoWorkflows = join(ROOT, '.github', 'workflows')

interface Step {
  uses?: string
  with?: Record<string, unknown>
  if?: string
  run?: string
}

const workflowFiles = [
  ...readdirSync(dir).map((f) => join('examples', 'workflows', f)),
  ...readdirSync(repoWorkflows).map((f) => join('.github', 'workflows', f)),
].filter((f) => f.endsWith('.yml'))

describe.each(workflowFiles)('%s', (file) => {
  const content = readFileSync(join(ROOT, file), 'utf8')

  it('parses without errors', () => {
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([])
  })

  it('the parser has teeth: a misspelled key is an error', () => {
    const broken = parseWorkflow(
      { name: file, content: content.replace('runs-on:', 'run-on:') },
      new NoOperationTraceWriter(),
    )
    expect(broken.context.errors.getErrors().length).toBeGreaterThan(0)
  })

  it('passes only declared inputs and reads only declared outputs', () => {
    const doc = parse(content) as { jobs: Record<string, { steps: Step[] }> }
    for (const job of Object.values(doc.jobs)) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('org/token-action'))) {
        for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input)
      }
      for (const m of JSON.stringify(job.steps).matchAll(/steps\.\w+\.outputs\.([\w-]+)/g))
        expect(Object.keys(action.outputs)).toContain(m[1])
    }
  })
})

describe('.github/workflows/release.yml', () => {
  const doc = parse(readFileSync(join(repoWorkflows, 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } }
    jobs: { release: { permissions: Record<string, string>; steps: Step[] } }
  }
  const steps = doc.jobs.release.steps
  const index = (re: RegExp) => steps.findIndex((s) => re.test(`${s.uses ?? ''}\n${s.run ?? ''}`))

  it('runs on version tags with the OIDC and tag-push permissions provenance and the major tag need', () => {
    expect(doc.on.push.tags).toEqual(['v*.*.*'])
    expect(doc.jobs.release.permissions).toEqual({ contents: 'write', 'id-token': 'write' })
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version-file': '.node-version',
      'registry-url': 'https://registry.npmjs.org',
    })
  })

  it('checks the tag, builds and proves dist/ fresh, tests, then publishes with provenance, then moves the major tag', () => {
    const order = [
      /"v\$version"/,
      /^npm ci$/m,
      /npm run build[\s\S]*git status --porcelain -- dist/,
      /^npm test$/m,
      /npm publish --provenance/,
      /git tag -f "\$major"[\s\S]*git push -f origin/,
    ]
    const at = order.map(index)
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // A pre-release (v1.2.0-rc.1) does not move v1.
    expect(steps[at[5]!]!.if).toContain("!contains(github.ref_name, '-')")
  })
})
