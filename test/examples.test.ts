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
  interface Job {
    needs?: string
    permissions: Record<string, string>
    steps: Step[]
  }
  const doc = parse(readFileSync(join(repoWorkflows, 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } }
    permissions: Record<string, string>
    jobs: Record<string, Job>
  }
  const text = (s: Step) => `${s.uses ?? ''}\n${s.run ?? ''}`
  const index = (steps: Step[], re: RegExp) => steps.findIndex((s) => re.test(text(s)))

  it('runs on version tags; only the publish job holds contents: write and id-token: write', () => {
    expect(doc.on.push.tags).toEqual(['v*.*.*'])
    expect(doc.permissions).toEqual({ contents: 'read' })
    const privileged = Object.entries(doc.jobs)
      .filter(([, j]) => Object.values(j.permissions ?? {}).some((p) => p === 'write'))
      .map(([name]) => name)
    expect(privileged).toEqual(['publish'])
    expect(doc.jobs.publish!.permissions).toEqual({ contents: 'write', 'id-token': 'write' })
    expect(doc.jobs.build!.permissions).toEqual({ contents: 'read' })
  })

  it('the build job checks the tag, builds and proves dist/ fresh, tests, then uploads the packed tarball', () => {
    const steps = doc.jobs.build!.steps
    const order = [
      /"v\$version"/,
      /^npm ci$/m,
      /npm run build[\s\S]*git status --porcelain -- dist/,
      /^npm test$/m,
      /npm pack/,
      /actions\/upload-artifact/,
    ]
    const at = order.map((re) => index(steps, re))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
  })

  it('the publish job needs the build, runs no checkout, install or test, and publishes the downloaded tarball', () => {
    const job = doc.jobs.publish!
    expect(job.needs).toBe('build')
    const all = job.steps.map(text).join('\n')
    expect(all).not.toMatch(/actions\/checkout|npm (ci|install|test|run)\b/)
    const at = [/actions\/download-artifact/, /npm publish release\/\*\.tgz --provenance/, /refs\/tags\/\$major/].map(
      (re) => index(job.steps, re),
    )
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // A pre-release (v1.2.0-rc.1) does not move v1.
    expect(job.steps[at[2]!]!.if).toContain("!contains(github.ref_name, '-')")
  })
})
