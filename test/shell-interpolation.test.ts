/**
 * No shipped or documented configuration interpolates an expression into shell text: GitHub's
 * `${{ }}` in `run:`, GitLab's `$[[ inputs ]]` in `script:`, CircleCI's `<< parameters >>` in
 * `command:` (except env_var_name parameters, which CircleCI restricts to a variable name). Values a
 * user or a server controls reach scripts through the environment only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from './helpers/run-dist.js'

const SCRIPT_KEY = /^(\s*)(-\s+)?(run|command|script|before_script|after_script)\s*:\s*(.*)$/

/** Every script block of a YAML text: the key's value and the lines nested under it. */
export function scriptBlocks(text: string): { line: number; text: string }[] {
  const lines = text.split('\n')
  const blocks: { line: number; text: string }[] = []
  lines.forEach((line, i) => {
    const m = SCRIPT_KEY.exec(line)
    if (!m) return
    const indent = m[1]!.length + (m[2]?.length ?? 0)
    // `command:` is script text under CircleCI's `run:`; elsewhere (an orb command's parameter) it is a value.
    if (m[3] === 'command') {
      const parent = lines
        .slice(0, i)
        .reverse()
        .find((l) => l.trim() && l.length - l.trimStart().length < indent)
      if (!parent || !/^\s*(-\s+)?run\s*:\s*$/.test(parent)) return
    }
    const nested: string[] = []
    for (const next of lines.slice(i + 1)) {
      if (next.trim() && next.length - next.trimStart().length <= indent) break
      nested.push(next)
    }
    // `run:` followed by a mapping (CircleCI's name/environment/command) is not script text: its `command:` is.
    const first = nested.find((l) => l.trim())
    const mapping = !m[4] && first !== undefined && /^\s*[\w-]+\s*:/.test(first) && !/^\s*-/.test(first)
    if (!mapping) blocks.push({ line: i + 1, text: [m[4], ...nested].join('\n') })
  })
  return blocks
}

/** CircleCI parameters of type env_var_name declared in a YAML document (anywhere in it). */
function envVarNameParameters(text: string): Set<string> {
  const names = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'parameters' && value && typeof value === 'object')
          for (const [name, p] of Object.entries(value as Record<string, { type?: string }>))
            if (p?.type === 'env_var_name') names.add(name)
        walk(value)
      }
    }
  }
  try {
    walk(parse(text))
  } catch {
    // A documentation snippet may be a fragment: it declares nothing, so every parameter in its scripts counts.
  }
  return names
}

/** What in a script block is an interpolation of something outside the script. */
export function interpolations(text: string): string[] {
  const safe = envVarNameParameters(text)
  return scriptBlocks(text).flatMap((b) => [
    ...[...b.text.matchAll(/\$\{\{[^}]*\}\}/g)].map((m) => `line ${b.line}: ${m[0]}`),
    ...[...b.text.matchAll(/\$\[\[[^\]]*\]\]/g)].map((m) => `line ${b.line}: ${m[0]}`),
    ...[...b.text.matchAll(/<<\s*(pipeline\.)?parameters\.([\w-]+)\s*>>/g)]
      .filter((m) => m[1] || !safe.has(m[2]!))
      .map((m) => `line ${b.line}: ${m[0]}`),
  ])
}

function walkFiles(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === '.git') return []
    return statSync(path).isDirectory() ? walkFiles(path, keep) : keep(path) ? [path] : []
  })
}

const yamlFiles = [
  ...walkFiles(join(ROOT, '.github'), (p) => /\.ya?ml$/.test(p)),
  ...walkFiles(join(ROOT, 'examples'), (p) => /\.ya?ml$/.test(p)),
  ...walkFiles(join(ROOT, 'integrations'), (p) => /\.ya?ml$/.test(p)),
  join(ROOT, 'action.yml'),
].map((p) => relative(ROOT, p))

const markdownFiles = [
  ...readdirSync(ROOT).filter((f) => f.endsWith('.md')),
  ...walkFiles(join(ROOT, 'docs'), (p) => p.endsWith('.md')).map((p) => relative(ROOT, p)),
  ...walkFiles(join(ROOT, 'integrations'), (p) => p.endsWith('.md')).map((p) => relative(ROOT, p)),
]

/** The YAML snippets of a Markdown text (```yaml / ```yml fences, indented or not). */
function yamlSnippets(text: string): string[] {
  return [...text.matchAll(/^([ \t]*)```ya?ml\s*\n([\s\S]*?)^\1```/gm)].map((m) =>
    m[2]!
      .split('\n')
      .map((l) => l.slice(m[1]!.length))
      .join('\n'),
  )
}

describe('no expression is interpolated into shell text', () => {
  it('finds the shipped files: workflows, the orb, the component, the CI examples and the docs', () => {
    expect(yamlFiles).toEqual(
      expect.arrayContaining([
        '.github/workflows/release.yml',
        'examples/workflows/rotate-scheduled.yml',
        'integrations/circleci/orb/src/commands/rotate.yml',
        'integrations/gitlab/templates/rotate-token.yml',
        'integrations/circleci/example/.circleci/config.yml',
        'integrations/gitlab/example/.gitlab-ci.yml',
      ]),
    )
    expect(markdownFiles).toEqual(
      expect.arrayContaining(['README.md', 'SECURITY.md', 'docs/issuers.md', 'integrations/gitlab/README.md']),
    )
    expect(markdownFiles.flatMap((f) => yamlSnippets(readFileSync(join(ROOT, f), 'utf8'))).length).toBeGreaterThan(5)
  })

  it.each(yamlFiles)('%s', (file) => {
    expect(interpolations(readFileSync(join(ROOT, file), 'utf8'))).toEqual([])
  })

  it.each(markdownFiles)('the YAML snippets of %s', (file) => {
    const found = yamlSnippets(readFileSync(join(ROOT, file), 'utf8')).flatMap(interpolations)
    expect(found).toEqual([])
  })

  it('has teeth: each form is found, on the key line and in a block below it', () => {
    expect(interpolations('steps:\n  - run: echo "${{ steps.r.outputs.token-name }}"\n')).toHaveLength(1)
    expect(
      interpolations(
        'steps:\n  - if: always()\n    run: |\n      set -e\n      echo ${{ github.event.issue.title }}\n',
      ),
    ).toHaveLength(1)
    expect(interpolations('job:\n  script:\n    - npx -y token-action@$[[ inputs.version ]]\n')).toHaveLength(1)
    expect(
      interpolations(
        'parameters:\n  v:\n    type: string\nsteps:\n  - run:\n      environment:\n        V: << parameters.v >>\n      command: npx "token-action@<< parameters.v >>"\n',
      ),
    ).toEqual(['line 8: << parameters.v >>'])
    expect(interpolations('steps:\n  - rotate:\n      command: << parameters.command >>\n')).toEqual([])
    // Through the environment is the safe form; an env_var_name parameter is a variable name CircleCI has checked.
    expect(
      interpolations('steps:\n  - env:\n      N: ${{ steps.r.outputs.token-name }}\n    run: echo "$N"\n'),
    ).toEqual([])
    expect(
      interpolations(
        'parameters:\n  t:\n    type: env_var_name\nsteps:\n  - run:\n      command: echo "${<< parameters.t >>:-}"\n',
      ),
    ).toEqual([])
  })
})
