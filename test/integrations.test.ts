/**
 * The CircleCI orb and example config are parsed with CircleCI's own config parser (plus checks of
 * what it skips: `when:` and `triggers:`), the GitHub action.yml with GitHub's workflow parser, and the
 * GitLab component's job is executed by a local GitLab runner (gitlab-ci-local) against the emulators.
 */
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import ConfigParser from '@circleci/circleci-config-parser'
import { Ajv } from 'ajv'
import addFormatsImport from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'
import { INPUT_NAMES } from '../src/plan/plan.js'
import { CircleCIEmulator } from './emulators/circleci.js'
import { GitLabEmulator } from './emulators/gitlab.js'
import { RwxEmulator } from './emulators/bearer-verify.js'
import { npmEnv, packTarball } from './helpers/pack.js'
import { LocalRegistry } from './helpers/registry.js'
import { checkReport } from './helpers/report-schema.js'
import { ROOT } from './helpers/run-dist.js'

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8')
// token-per reaches the CLI from both integrations; the plan's inputs table gains it with the per-line rotation sets.
const sortedInputs = [...new Set<string>([...INPUT_NAMES, 'token-per'])].sort()

/**
 * The inputs a CI integration can set: every TOKEN_ACTION_* variable it sets or exports, plus
 * `mode` and `dry-run`, which its command choice (rotate, create, distribute, plan) sets.
 */
function inputsReached(text: string, alsoFromCiVariables: string[] = []): string[] {
  const vars = [...text.matchAll(/TOKEN_ACTION_([A-Z_]+)/g)].map((m) => m[1]!.toLowerCase().replace(/_/g, '-'))
  return [...new Set([...vars, ...alsoFromCiVariables, 'mode', 'dry-run'])].sort()
}

/** `<< parameters.x >>` used in a block must be declared in that block's parameters. */
function undeclaredParameters(block: { parameters?: Record<string, unknown>; steps?: unknown }): string[] {
  const used = [...JSON.stringify(block.steps ?? []).matchAll(/<<\s*parameters\.([\w-]+)\s*>>/g)].map((m) => m[1]!)
  return [...new Set(used)].filter((p) => !(p in (block.parameters ?? {})))
}

const ORB_SRC = 'integrations/circleci/orb/src'

/** What `circleci orb pack` does: @orb.yml plus one key per file under commands/, jobs/, executors/, examples/. */
function packOrb(): Record<string, unknown> {
  const orb = parse(read(join(ORB_SRC, '@orb.yml'))) as Record<string, unknown>
  for (const section of ['commands', 'jobs', 'executors', 'examples']) {
    const dir = join(ROOT, ORB_SRC, section)
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml'))
    if (files.length)
      orb[section] = Object.fromEntries(
        files.map((f) => [f.replace(/\.yml$/, ''), parse(readFileSync(join(dir, f), 'utf8'))]),
      )
  }
  return orb
}

/** CircleCI's own JSON schema for config and orb files (test/fixtures/README.md says where it comes from). */
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv
const circleciSchema = (() => {
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(JSON.parse(read('test/fixtures/circleci-config.schema.json')) as object)
})()
const schemaErrors = (doc: unknown) =>
  circleciSchema(doc) ? [] : (circleciSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)

type OrbBlock = { parameters?: Record<string, { default?: unknown; type?: string }>; steps?: unknown[] }

describe('CircleCI integration', () => {
  it('the example config passes the CircleCI schema and parser and runs only for its scheduled pipeline, serialised', () => {
    const text = read('integrations/circleci/example/.circleci/config.yml')
    expect(schemaErrors(parse(text))).toEqual([])
    const config = ConfigParser.parseConfig(text)
    expect(config.jobs.map((j) => j.name)).toEqual(['rotate-tokens'])
    expect(config.workflows.map((w) => w.name)).toEqual(['rotate-tokens'])
    // The parser drops `when:` and `triggers:`: check them on the YAML itself.
    const doc = parse(text) as {
      workflows: Record<string, { when?: string; triggers?: unknown; jobs: Record<string, Record<string, unknown>>[] }>
    }
    const wf = doc.workflows['rotate-tokens']!
    expect(wf.triggers).toBeUndefined()
    expect(wf.when).toBe(
      'pipeline.trigger_source == "scheduled_pipeline" and pipeline.schedule.name == "rotate-tokens"',
    )
    expect(wf.jobs[0]!['rotate-tokens']!['serial-group']).toMatch(/token-rotation/)
    expect(text).toMatch(/npx -y token-action@1 rotate/)
  })

  it('the checks have teeth: a broken reference fails the parser, a misspelled key fails the schema', () => {
    const text = read('integrations/circleci/example/.circleci/config.yml')
    expect(() => ConfigParser.parseConfig(text.replace('executor: node', 'executor: nodejs'))).toThrow(
      /nodejs not found/,
    )
    expect(schemaErrors(parse(text.replace('steps:', 'stepz:'))).length).toBeGreaterThan(0)
    const orb = packOrb() as {
      commands: Record<
        string,
        { parameters: Record<string, { type: string }>; steps: { run: Record<string, unknown> }[] }
      >
    }
    orb.commands.rotate!.parameters.command!.type = 'enumm'
    expect(schemaErrors(orb).length).toBeGreaterThan(0)
    const orb2 = packOrb() as { commands: Record<string, { steps: { run: Record<string, unknown> }[] }> }
    delete orb2.commands.rotate!.steps[0]!.run.command
    expect(schemaErrors(orb2).length).toBeGreaterThan(0)
  })

  it('the orb source (@orb.yml, commands, jobs, executors, examples) packs into an orb the CircleCI schema accepts', () => {
    const orb = packOrb() as Record<string, Record<string, unknown>>
    expect(Object.keys(orb.commands!)).toEqual(['rotate'])
    expect(Object.keys(orb.jobs!)).toEqual(['rotate'])
    expect(Object.keys(orb.executors!)).toEqual(['default'])
    expect(Object.keys(orb.examples!).sort()).toEqual(['distribute-rwx', 'rotate-scheduled'])
    expect(schemaErrors(orb)).toEqual([])
    // Each example's usage is a config of its own.
    for (const [name, example] of Object.entries(orb.examples as Record<string, { usage: unknown }>))
      expect({ name, errors: schemaErrors(example.usage) }).toEqual({ name, errors: [] })
    const rotateScheduled = JSON.stringify(
      (orb.examples as Record<string, { usage: unknown }>)['rotate-scheduled']!.usage,
    )
    expect(rotateScheduled).toMatch(/"serial-group":"<< pipeline.project.slug >>\/token-rotation"/)
  })

  it('the orb command and job parse, use only declared parameters, pass every one through, and cover every input', () => {
    const orb = packOrb() as {
      commands: Record<string, OrbBlock>
      jobs: Record<string, OrbBlock>
      executors: Record<string, unknown>
    }
    const config = ConfigParser.parseConfig({
      version: 2.1,
      commands: orb.commands,
      jobs: orb.jobs,
      executors: orb.executors,
      workflows: { check: { jobs: [{ rotate: { issuer: 'rwx', destinations: 'circleci:context/gh/acme/rwx' } }] } },
    } as never)
    expect(config.commands?.map((c) => c.name)).toEqual(['rotate'])
    expect(config.jobs.map((j) => j.name)).toEqual(['rotate'])
    const command = orb.commands.rotate!
    const job = orb.jobs.rotate!
    expect(undeclaredParameters(command)).toEqual([])
    expect(undeclaredParameters(job)).toEqual([])
    // The parser accepts unknown or missing step arguments: the job must declare the same parameters and pass each through by name.
    const step = (job.steps![0] as { rotate: Record<string, string> }).rotate
    expect(job.parameters).toEqual(command.parameters)
    expect(step).toEqual(Object.fromEntries(Object.keys(command.parameters!).map((p) => [p, `<< parameters.${p} >>`])))
    expect(inputsReached(JSON.stringify(command.steps))).toEqual(sortedInputs)
  })
})

type RunStep = { run?: { environment: Record<string, string>; command: string } }
const orbCommand = () => (packOrb() as { commands: Record<string, OrbBlock & { steps: RunStep[] }> }).commands.rotate!

/**
 * A value that runs `touch` in every way a shell could be made to run text: command substitution,
 * backticks, breaking out of double or single quotes, a new line, a variable reference.
 */
const hostile = (dir: string) =>
  `x$(touch ${dir}/subst)\`touch ${dir}/backtick\`";touch ${dir}/dq;"';touch ${dir}/sq;'\ntouch ${dir}/line #\${HOME}`

/**
 * The orb's run step as CircleCI runs it: parameters expanded into the step's text (values given, the
 * rest their defaults), then `bash -eo pipefail -c command` with the step's environment.
 */
async function runOrbCommand(values: Record<string, string>, env: Record<string, string>, cwd: string) {
  const command = orbCommand()
  const all: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(command.parameters!).map(([k, p]) => [k, p.default === undefined ? '' : String(p.default)]),
    ),
    ...values,
  }
  const expand = (text: string) => text.replace(/<<\s*parameters\.([\w-]+)\s*>>/g, (_m, p: string) => all[p]!)
  const { run } = command.steps[0]!
  const script = expand(run!.command)
  const stepEnv = npmEnv({
    ...Object.fromEntries(Object.entries(run!.environment).map(([k, v]) => [k, expand(v)])),
    ...env,
  })
  return promisify(execFile)('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    env: stepEnv,
    encoding: 'utf8',
    timeout: 90_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr, script }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({
      code: err.code ?? -1,
      output: `${err.stdout ?? ''}${err.stderr ?? ''}`,
      script,
    }),
  )
}

describe('the orb rotate command, run by bash as CircleCI would after expanding its parameters', () => {
  let cci: CircleCIEmulator
  let rwx: RwxEmulator
  let registry: LocalRegistry
  beforeAll(async () => {
    cci = new CircleCIEmulator()
    rwx = new RwxEmulator()
    registry = new LocalRegistry(packTarball())
    await Promise.all([cci.start(), rwx.start(), registry.start()])
  }, 60_000)
  afterAll(async () => Promise.all([cci.close(), rwx.close(), registry.close()]))

  it('exports only credentials that are set, so CIRCLECI_TOKEN still works without CIRCLE_TOKEN; npx runs the npm package', async () => {
    cci.addOrg('gh/acme')
    cci.addToken('cci-orb-test-token', { orgs: ['gh/acme'] })
    const token = rwx.addToken('acme')
    const dir = mkdtempSync(join(tmpdir(), 'token-action-orb-'))
    const { code, output, script } = await runOrbCommand(
      {
        command: 'distribute',
        issuer: 'rwx',
        'issuer-url': rwx.url,
        destinations: 'circleci:context/gh/acme/rwx',
        'circleci-url': cci.url,
      },
      // The context holds CIRCLECI_TOKEN (not CIRCLE_TOKEN, the circleci-token-var default) and the RWX token.
      { CIRCLECI_TOKEN: 'cci-orb-test-token', TOKEN_ACTION_TOKEN: token, npm_config_registry: registry.url },
      dir,
    )
    expect(script).not.toMatch(/export \w+="\$\{\w+:-\}"/)
    expect({ code, output }).toMatchObject({
      code: 0,
      output: expect.stringMatching(/token-action distribute: distributed/),
    })
    expect(output).not.toContain(token)
    expect(cci.contextValue('gh/acme', 'rwx', 'RWX_ACCESS_TOKEN')).toBe(token)
    expect(registry.missing).toEqual([])
    expect(
      checkReport(readFileSync(join(dir, 'token-action-report.json'), 'utf8'), "the orb job's report-file"),
    ).toMatchObject({ outcome: 'distributed' })
  }, 120_000)

  it('source: a tarball URL runs that package instead of the npm version', async () => {
    cci.addOrg('gh/src')
    cci.addToken('cci-orb-source-token', { orgs: ['gh/src'] })
    const token = rwx.addToken('src')
    const served = registry.served.length
    const tarball = `${registry.url}token-action/-/token-action-${packTarball().version}.tgz`
    const { code, output } = await runOrbCommand(
      {
        command: 'distribute',
        issuer: 'rwx',
        'issuer-url': rwx.url,
        destinations: 'circleci:context/gh/src/rwx',
        'circleci-url': cci.url,
        version: 'not-used',
        source: tarball,
      },
      { CIRCLE_TOKEN: 'cci-orb-source-token', TOKEN_ACTION_TOKEN: token },
      mkdtempSync(join(tmpdir(), 'token-action-orb-')),
    )
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringMatching(/distributed/) })
    // npx fetched the tarball by its URL, never the package document.
    expect(new Set(registry.served.slice(served))).toEqual(new Set([new URL(tarball).pathname]))
    expect(cci.contextValue('gh/src', 'rwx', 'RWX_ACCESS_TOKEN')).toBe(token)
  }, 120_000)

  it('a hostile value in every string parameter executes nothing: version and source are refused, the rest reach the CLI as data', async () => {
    const command = orbCommand()
    const strings = Object.entries(command.parameters!)
      .filter(([, p]) => p.type === 'string')
      .map(([k]) => k)
    expect(strings).toEqual(expect.arrayContaining(['version', 'source', 'destinations', 'issuer-url', 'token-name']))
    // The command text names no string parameter: only env_var_name ones, which CircleCI restricts to [A-Za-z_][A-Za-z0-9_]*.
    const inScript = [...command.steps[0]!.run!.command.matchAll(/<<\s*parameters\.([\w-]+)\s*>>/g)].map((m) => m[1]!)
    expect(inScript.filter((p) => command.parameters![p]!.type !== 'env_var_name')).toEqual([])
    const marks = mkdtempSync(join(tmpdir(), 'token-action-marks-'))
    const value = hostile(marks)
    const cases: [string, Record<string, string>][] = [
      ['every string hostile', Object.fromEntries(strings.map((k) => [k, value]))],
      ['source empty, version hostile', { ...Object.fromEntries(strings.map((k) => [k, value])), source: '' }],
      ['a version that is an option or another package', { version: '1 --package=evil', source: '' }],
      ['a source that is another registry', { source: 'https://evil.example.com/x.tgz?$HOME' }],
    ]
    for (const [name, values] of cases) {
      const { code, output } = await runOrbCommand(values, { npm_config_registry: registry.url }, marks)
      expect({ name, code, refused: /nothing was run/.test(output) }).toEqual({ name, code: 2, refused: true })
    }
    // Version and source valid: every other string parameter reaches the CLI through the environment and is refused as bad input.
    const rest = Object.fromEntries(strings.filter((k) => k !== 'version' && k !== 'source').map((k) => [k, value]))
    const { code, output } = await runOrbCommand({ ...rest, source: '' }, { npm_config_registry: registry.url }, marks)
    expect({ code, output }).toMatchObject({ code: 2, output: expect.stringMatching(/^error: --/m) })
    expect(readdirSync(marks)).toEqual([])
  }, 120_000)
})

describe('GitHub action.yml', () => {
  it('declares every input the engine reads and the documented outputs, on node24 with a post step', () => {
    const action = parse(read('action.yml')) as {
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
      runs: Record<string, string>
    }
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort())
    expect(Object.keys(action.outputs).sort()).toEqual([
      'expires-at',
      'outcome',
      'report',
      'revoked-ids',
      'sets',
      'token',
      'token-id',
      'token-name',
    ])
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' })
  })
})

/** Credentials reach the GitLab job as masked CI/CD variables, never as inputs (which the pipeline config shows). */
const CI_VARIABLE_INPUTS = [
  'issuer-token',
  'token',
  'github-token',
  'github-app-private-key',
  'circleci-token',
  'gitlab-token',
  'vault-token',
]

interface ComponentSpec {
  inputs: Record<string, { default?: unknown; options?: string[]; type?: string }>
}

function component(): { spec: ComponentSpec; jobText: string } {
  const [spec, job] = parseAllDocuments(read('integrations/gitlab/templates/rotate-token.yml')).map(
    (d) => d.toJS() as unknown,
  )
  return { spec: (spec as { spec: ComponentSpec }).spec, jobText: JSON.stringify(job) }
}

describe('GitLab component and example', () => {
  it('the component uses only declared inputs, uses all of them, and reaches every input; secrets are not inputs', () => {
    const { spec, jobText } = component()
    const used = new Set([...jobText.matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]!))
    expect([...used].sort()).toEqual(Object.keys(spec.inputs).sort())
    expect(inputsReached(jobText, CI_VARIABLE_INPUTS)).toEqual(sortedInputs)
    for (const secret of CI_VARIABLE_INPUTS) expect(spec.inputs).not.toHaveProperty(secret)
  })

  it('the example includes the component with declared inputs, every required one, on a scheduled pipeline', () => {
    const { spec } = component()
    const example = parse(read('integrations/gitlab/example/.gitlab-ci.yml')) as {
      include: { component: string; inputs: Record<string, string> }[]
    }
    const include = example.include[0]!
    expect(include.component).toMatch(/\/rotate-token@[\w.]+$/)
    const given = Object.keys(include.inputs)
    expect(given.filter((i) => !(i in spec.inputs))).toEqual([])
    expect(Object.keys(spec.inputs).filter((i) => spec.inputs[i]!.default === undefined && !given.includes(i))).toEqual(
      [],
    )
    for (const [name, value] of Object.entries(include.inputs))
      if (spec.inputs[name]!.options) expect(spec.inputs[name]!.options).toContain(value)
    expect(spec.inputs['rules-if']!.default).toBe(
      '$CI_PIPELINE_SOURCE == "schedule" && $CI_PIPELINE_SCHEDULE_DESCRIPTION == "rotate-tokens"',
    )
  })

  it('no input is interpolated into the script; version and source are constrained by regex', () => {
    const job = Object.values(
      parseAllDocuments(read('integrations/gitlab/templates/rotate-token.yml'))[1]!.toJS() as Record<
        string,
        { script: string[]; variables: Record<string, string> }
      >,
    )[0]!
    expect(job.script.join('\n')).not.toMatch(/\$\[\[/)
    expect(job.variables).toMatchObject({
      TA_COMMAND: '$[[ inputs.command ]]',
      TA_VERSION: '$[[ inputs.version ]]',
      TA_SOURCE: '$[[ inputs.source ]]',
      TOKEN_ACTION_TOKEN_PER: '$[[ inputs.token-per ]]',
    })
    const { spec } = component()
    const accepts = (input: string, value: string) =>
      new RegExp((spec.inputs[input] as { regex: string }).regex).test(value)
    for (const v of ['1', '1.4', '1.4.2', '1.5.0-rc.1', 'latest', 'next']) expect(accepts('version', v)).toBe(true)
    for (const v of ['', '1 --package=evil', '1;id', '$(id)', '1\nid', '^1.2', 'evil@1', '$CI_JOB_TOKEN'])
      expect({ v, ok: accepts('version', v) }).toEqual({ v, ok: false })
    for (const v of ['', 'github:org/token-action#v1.2.0', 'https://example.com/pkgs/token-action-1.2.0.tgz'])
      expect(accepts('source', v)).toBe(true)
    for (const v of [
      'github:org/token-action',
      'https://example.com/x.tgz?$CI_JOB_TOKEN',
      'http://example.com/x.tgz',
      'github:org/token-action#v1;id',
      'file:/etc/passwd',
    ])
      expect({ v, ok: accepts('source', v) }).toEqual({ v, ok: false })
    expect(spec.inputs['token-per']).toMatchObject({ default: 'run', options: ['run', 'line'] })
  })
})

describe('GitLab component, executed by gitlab-ci-local as shipped', () => {
  let gl: GitLabEmulator
  let rwx: RwxEmulator
  let registry: LocalRegistry
  beforeAll(async () => {
    gl = new GitLabEmulator()
    rwx = new RwxEmulator()
    registry = new LocalRegistry(packTarball())
    await Promise.all([gl.start(), rwx.start(), registry.start()])
  }, 60_000)
  afterAll(async () => Promise.all([gl.close(), rwx.close(), registry.close()]))

  it('every spec input has a type; the job serialises with resource_group and runs the npm package (no git needed)', () => {
    const { spec, jobText } = component()
    expect(
      Object.entries(spec.inputs)
        .filter(([, i]) => typeof i.type !== 'string')
        .map(([n]) => n),
    ).toEqual([])
    const job = Object.values(
      parseAllDocuments(read('integrations/gitlab/templates/rotate-token.yml'))[1]!.toJS() as Record<
        string,
        { resource_group: string; script: string[]; image: string }
      >,
    )[0]!
    expect(job.resource_group).toBe('$[[ inputs.resource-group ]]')
    expect(job.script).toEqual([
      'npx -y --package="${TA_SOURCE:-token-action@$TA_VERSION}" -- token-action "$TA_COMMAND"',
    ])
    expect(spec.inputs.image!.default).toBe('node:24-alpine')
    expect(jobText).not.toMatch(/github:|git\+|\bgit /)
  })

  it('runs the shipped job (npx -y token-action@1 from a local registry) on a scheduled pipeline; the token lands masked and raw', async () => {
    gl.addGroup('acme')
    gl.addProject('acme/api')
    gl.addToken('glpat-ci-local-000000000000', { username: 'rotator', access: { acme: 50 } })
    const token = rwx.addToken('acme')
    // The catalog project is this folder as its root: templates/rotate-token.yml, README.md.
    const dir = mkdtempSync(join(tmpdir(), 'token-action-gitlab-'))
    cpSync(join(ROOT, 'integrations', 'gitlab'), dir, { recursive: true })
    writeFileSync(
      join(dir, '.gitlab-ci.yml'),
      [
        'stages: [deploy]',
        'include:',
        '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/rotate-token@$CI_COMMIT_SHA',
        '    inputs:',
        '      issuer: rwx',
        `      issuer-url: ${rwx.url}`,
        '      command: distribute',
        '      destinations: |',
        '        gitlab:group/acme',
        '        gitlab:project/acme/api?protected=true',
        `      gitlab-url: ${gl.url}`,
        '',
      ].join('\n'),
    )
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' })
    git('init', '-q', '-b', 'main')
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'add', '-A')
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '-m', 'component test')
    git('remote', 'add', 'origin', 'git@gitlab.com:org/token-action.git')
    const bin = join(ROOT, 'node_modules', '.bin', 'gitlab-ci-local')
    // Async: the emulators answer from this process, so it must not block while the job runs.
    const run = async (source: string, description = 'rotate-tokens') => {
      const variables = {
        CI_PIPELINE_SOURCE: source,
        CI_PIPELINE_SCHEDULE_DESCRIPTION: description,
        TOKEN_ACTION_TOKEN: token,
        GITLAB_TOKEN: 'glpat-ci-local-000000000000',
        // What a project using an npm mirror sets as CI/CD variables: here the mirror serves this repository's packed tarball.
        npm_config_registry: registry.url,
        npm_config_cache: join(dir, '.npm-cache'),
      }
      const args = [
        '--force-shell-executor',
        '--no-color',
        '--ignore-predefined-vars',
        'CI_PIPELINE_SOURCE',
        ...Object.entries(variables).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
      ]
      // A failed job exits non-zero: its output is what the test reads either way.
      const { stdout, stderr } = await promisify(execFile)(bin, args, {
        encoding: 'utf8',
        cwd: dir,
        // No system rsync needed: gitlab-ci-local finds the Node stand-in first on PATH.
        env: npmEnv({ HOME: dir, PATH: `${join(ROOT, 'test', 'helpers', 'bin')}${delimiter}${process.env.PATH}` }),
        timeout: 90_000,
      }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }))
      return stdout + stderr
    }
    const pushed = await run('push')
    expect(pushed).not.toMatch(/token-action.*distributed/)
    expect(gl.variable('group', 'acme', 'RWX_ACCESS_TOKEN')).toBeUndefined()
    // Another schedule of the project (say, nightly tests) does not rotate.
    expect(await run('schedule', 'nightly')).not.toMatch(/token-action.*distributed/)
    expect(gl.variable('group', 'acme', 'RWX_ACCESS_TOKEN')).toBeUndefined()
    const scheduled = await run('schedule')
    expect(scheduled).toMatch(
      /\$ npx -y --package="\$\{TA_SOURCE:-token-action@\$TA_VERSION\}" -- token-action "\$TA_COMMAND"/,
    )
    expect(scheduled).toMatch(/token-action distribute: distributed/)
    expect(scheduled).not.toContain(token)
    // npx fetched the package from the registry and nothing else: no runtime dependency exists.
    expect(registry.served).toContain('/token-action')
    expect(registry.missing).toEqual([])
    expect(gl.variable('group', 'acme', 'RWX_ACCESS_TOKEN')).toMatchObject({
      value: token,
      masked: true,
      protected: false,
      raw: true,
      variable_type: 'env_var',
      environment_scope: '*',
    })
    // The multi-line destinations input reached the CLI as two lines.
    expect(gl.variable('project', 'acme/api', 'RWX_ACCESS_TOKEN')).toMatchObject({
      value: token,
      masked: true,
      protected: true,
    })
    // The report artifact was collected (through the rsync stand-in) and holds no secret.
    const report = readFileSync(
      join(dir, '.gitlab-ci-local', 'artifacts', 'token-action', 'token-action-report.json'),
      'utf8',
    )
    expect(checkReport(report, "the component job's report artifact")).toMatchObject({ outcome: 'distributed' })
    expect(report).not.toContain(token)

    // A hostile value in every free-text input that reaches the job: each arrives as data and nothing executes.
    const { spec } = component()
    const structural = ['job-name', 'stage', 'image', 'resource-group', 'rules-if', 'report-file']
    const free = Object.entries(spec.inputs)
      .filter(([name, i]) => i.type === 'string' && !i.options && !('regex' in i) && !structural.includes(name))
      .map(([name]) => name)
    expect(free).toEqual(expect.arrayContaining(['issuer-url', 'token-name', 'destinations', 'secret-name']))
    const marks = mkdtempSync(join(tmpdir(), 'token-action-marks-'))
    writeFileSync(
      join(dir, '.gitlab-ci.yml'),
      [
        'stages: [deploy]',
        'include:',
        '  - component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/rotate-token@$CI_COMMIT_SHA',
        '    inputs:',
        '      issuer: rwx',
        '      command: distribute',
        ...free.map((name) => `      ${name}: ${JSON.stringify(hostile(marks))}`),
        '',
      ].join('\n'),
    )
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '-am', 'hostile inputs')
    const attacked = await run('schedule')
    expect(attacked).toMatch(/error: --/)
    expect(attacked).not.toMatch(/distributed/)
    expect(readdirSync(marks)).toEqual([])
  }, 180_000)
})
