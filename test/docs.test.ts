/**
 * The docs keep up with the code: every `src/...` path they name exists, the permission tables say
 * what a GitHub App token is actually minted with, and every list of commands names the CLI's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { COMMANDS } from '../src/front/cli-help.js'
import { parseTargets, type GitHubTarget } from '../src/plan/grammar.js'
import { permissionsFor } from '../src/platforms/github/app.js'
import { ROOT } from './helpers/run-dist.js'

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')
const DOCS = [
  'README.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'integrations/circleci/README.md',
  'integrations/gitlab/README.md',
]
const NAMES = COMMANDS.map((c) => c.name)

describe('the docs', () => {
  it('name only files and folders that exist under src/', () => {
    const missing: string[] = []
    for (const doc of DOCS)
      for (const [path] of read(doc).matchAll(/(?<![\w/.-])src\/[\w./-]*[\w/]/g))
        if (!existsSync(join(ROOT, path))) missing.push(`${doc}: ${path}`)
    expect(missing).toEqual([])
  })

  it('permission tables say what token-action asks a GitHub App for, per destination kind (README and SECURITY.md)', () => {
    // GitHub's UI names of the app permissions: https://docs.github.com/rest/overview/permissions-required-for-github-apps
    const UI: Record<string, string> = {
      secrets: 'Secrets',
      environments: 'Environments',
      organization_secrets: 'Secrets',
    }
    for (const kind of ['repo', 'env', 'org'] as const) {
      const line = { repo: 'github:repo/acme/api', env: 'github:env/acme/api/prod', org: 'github:org/acme' }[kind]
      const target = parseTargets(line, 'TOKEN')[0] as GitHubTarget
      const writes = Object.entries(permissionsFor([target]))
        .filter(([, level]) => level === 'write')
        .map(([name]) => UI[name]!)
      for (const doc of ['README.md', 'SECURITY.md']) {
        const row = read(doc)
          .split('\n')
          .find((l) => l.startsWith('|') && l.includes(`\`github:${kind}/...\``))
        expect(row, `${doc}: github:${kind}`).toBeDefined()
        const said = [...row!.matchAll(/\*\*([\w ]+): write\*\*/g)].map((m) => m[1])
        expect(said, `${doc}: ${row}`).toEqual(writes)
      }
    }
  })

  it("list every CLI command: the README's CLI table, and the orb's and the component's `command` (each documented in its README)", () => {
    const readme = read('README.md')
    const table = readme.slice(
      readme.indexOf('| command | does |'),
      readme.indexOf('\n\n', readme.indexOf('| command | does |')),
    )
    for (const name of NAMES) expect(table, name).toMatch(new RegExp(`token-action ${name}\\b|\`${name}\``))
    const component = parse(read('integrations/gitlab/templates/rotate-token.yml').split('\n---\n')[0]!) as {
      spec: { inputs: { command: { options: string[] } } }
    }
    const orb = parse(read('integrations/circleci/orb/src/commands/rotate.yml')) as {
      parameters: { command: { enum: string[] } }
    }
    for (const [where, options, doc] of [
      ['the GitLab component', component.spec.inputs.command.options, 'integrations/gitlab/README.md'],
      ['the CircleCI orb', orb.parameters.command.enum, 'integrations/circleci/README.md'],
    ] as const) {
      for (const option of options) expect(NAMES, `${where}: ${option}`).toContain(option)
      const sentence = read(doc)
        .replace(/\n/g, ' ')
        .match(/`command` picks ([^.]+)\./)?.[1]
      expect(sentence, doc).toBeDefined()
      for (const option of options) expect(sentence, `${doc}: ${option}`).toContain(`\`${option}\``)
    }
  })
})
