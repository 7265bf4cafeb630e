/**
 * Issue 4's end-to-end: the Action writing GitHub, CircleCI and GitLab in one run, and the CLI
 * (dist/cli.js) doing CircleCI and GitLab from flags and TOKEN_ACTION_* variables.
 */
import { readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { INPUT_NAMES } from '../src/plan/plan.js'
import { leakedForms, runAction, runCli, summaryPlain } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { gh, cci, gl, rgw, rwx } = world
const CCI = ACCOUNTS.circleciToken
const GL = ACCOUNTS.gitlabToken
beforeAll(() => {
  gl.addProject('acme/api')
})

describe('action: one run writes GitHub, CircleCI and GitLab', () => {
  it('rotates into an org secret, a CircleCI context and a GitLab group; re-run updates and revokes', async () => {
    gl.seedVariable('group', 'acme', {
      key: 'RACK_GATEWAY_API_TOKEN',
      value: 'legacy-value-1',
      protected: true,
      masked: true,
      raw: false,
    })
    const inputs = world.inputs({
      'issuer-token': rgw.addAdminToken(),
      destinations: 'github:org/acme?visibility=all\ncircleci:context/gh/acme/rwx\ngitlab:group/acme?protected=false',
    })
    const first = await runAction(inputs)
    expect(first.code, first.log).toBe(0)
    const report = JSON.parse(first.outputs.report!)
    expect(report.destinations).toEqual([
      expect.objectContaining({ id: 'github:org/acme', status: 'created' }),
      expect.objectContaining({ id: 'circleci:context/gh/acme/rwx', status: 'created' }),
      expect.objectContaining({ id: 'gitlab:group/acme', status: 'updated', changes: ['protected: true -> false'] }),
    ])
    expect(summaryPlain(first.summary)).toContain('protected: true -> false')
    // raw was not on the line: the variable keeps raw=false as its owner set it.
    expect(gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')).toMatchObject({
      protected: false,
      raw: false,
      masked: true,
    })
    rgw.ageToken(first.outputs['token-id']!, 1) // the next rotation, a day later: past the overlap grace
    const second = await runAction(inputs)
    expect(second.outputs.outcome, second.log).toBe('rotated')
    const secret = gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')!.value
    expect(cci.contextValue('gh/acme', 'rwx', 'RACK_GATEWAY_API_TOKEN')).toBe(secret)
    expect(gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')!.value).toBe(secret)
    expect(rgw.isValid(secret)).toBe(true)
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])
    expect(leakedForms(secret, second.log + second.summary + JSON.stringify(second.outputs))).toEqual([])
  })

  it('a secret name legal on GitHub but not on GitLab is refused before minting, naming the destination', async () => {
    const before = rgw.createCount
    const run = await runAction({
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': rgw.addAdminToken(),
      'token-role': 'cicd',
      'gitlab-token': GL,
      'gitlab-url': gl.url,
      destinations: `gitlab:group/acme?name=${'A'.repeat(256)}`,
    })
    expect(run.code).toBe(2)
    expect(run.log).toMatch(
      /destinations: "gitlab:group\/acme\?name=A+": secret name "A+": GitLab variable keys are at most 255 characters/,
    )
    expect(rgw.createCount).toBe(before)
  })
})

describe('cli', () => {
  it('distributes an RWX token to CircleCI and GitLab from flags and env, prints no secret', async () => {
    const token = rwx.addToken('acme')
    const reportFile = join(tmpdir(), `token-action-cli-${process.pid}.json`)
    const run = await runCli(
      [
        'distribute',
        '--issuer',
        'rwx',
        '--issuer-url',
        rwx.url,
        '--destinations',
        'circleci:context/gh/acme/rwx',
        '--destinations',
        'gitlab:project/acme/api',
        '--circleci-url',
        cci.url,
        '--gitlab-url',
        gl.url,
        '--report-file',
        reportFile,
      ],
      {
        env: { TOKEN_ACTION_TOKEN: token, CIRCLE_TOKEN: CCI, GITLAB_TOKEN: GL },
      },
    )
    expect(run.code, run.log).toBe(0)
    expect(run.stdout).toMatch(/token-action distribute: distributed/)
    expect(cci.contextValue('gh/acme', 'rwx', 'RWX_ACCESS_TOKEN')).toBe(token)
    expect(gl.variable('project', 'acme/api', 'RWX_ACCESS_TOKEN')).toMatchObject({
      value: token,
      masked: true,
      raw: true,
      protected: false,
    })
    expect(JSON.parse(readFileSync(reportFile, 'utf8')).outcome).toBe('distributed')
    expect(leakedForms(token, run.log + readFileSync(reportFile, 'utf8'))).toEqual([])
  })

  it('rotates with --json output; every input works as TOKEN_ACTION_*; exit 1 names a failed destination', async () => {
    const env = {
      TOKEN_ACTION_ISSUER: 'rack-gateway',
      TOKEN_ACTION_ISSUER_URL: rgw.url,
      TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken(),
      TOKEN_ACTION_TOKEN_ROLE: 'cicd',
      TOKEN_ACTION_SECRET_NAME: 'CLI_TOKEN',
      TOKEN_ACTION_TOKEN_NAME: 'cli-token',
      TOKEN_ACTION_DESTINATIONS: 'circleci:project/gh/acme/nope\ngitlab:group/acme',
      TOKEN_ACTION_CIRCLECI_URL: cci.url,
      TOKEN_ACTION_CIRCLECI_TOKEN: CCI,
      TOKEN_ACTION_GITLAB_URL: gl.url,
      TOKEN_ACTION_GITLAB_TOKEN: GL,
    }
    const failed = await runCli(['rotate', '--json'], { env })
    expect(failed.code).toBe(1)
    const report = JSON.parse(failed.stdout)
    expect(report.destinations[0]).toMatchObject({
      id: 'circleci:project/gh/acme/nope',
      status: 'failed',
      detail: expect.stringMatching(/project gh\/acme\/nope was not found/),
    })
    const ok = await runCli(['rotate', '--json', '--destinations', 'gitlab:group/acme'], { env })
    expect(ok.code, ok.log).toBe(0)
    expect(JSON.parse(ok.stdout).outcome).toBe('rotated')
    const secret = gl.variable('group', 'acme', 'CLI_TOKEN')!.value
    expect(leakedForms(secret, ok.log)).toEqual([])
  })

  it('create --token-file writes the minted token only to that file (0600); it is never printed', async () => {
    const tokenFile = join(tmpdir(), `token-action-cli-token-${process.pid}`)
    const run = await runCli(
      [
        'create',
        '--issuer',
        'rack-gateway',
        '--issuer-url',
        rgw.url,
        '--token-role',
        'cicd',
        '--token-name',
        'cli-token-file',
        '--destinations',
        'gitlab:group/acme?name=FILE_TOKEN',
        '--gitlab-url',
        gl.url,
        '--token-file',
        tokenFile,
      ],
      {
        env: { TOKEN_ACTION_ISSUER_TOKEN: rgw.addAdminToken(), GITLAB_TOKEN: GL },
      },
    )
    expect(run.code, run.log).toBe(0)
    const token = readFileSync(tokenFile, 'utf8')
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600)
    expect(rgw.isValid(token)).toBe(true)
    expect(gl.variable('group', 'acme', 'FILE_TOKEN')!.value).toBe(token)
    expect(leakedForms(token, run.log)).toEqual([])
  })

  it('TOKEN_ACTION_DRY_RUN=false runs for real, --dry-run plans, a non-boolean exits 2; an empty TOKEN_ACTION_*_TOKEN falls back to CIRCLECI_TOKEN', async () => {
    const token = rwx.addToken('acme')
    const args = [
      'distribute',
      '--issuer',
      'rwx',
      '--issuer-url',
      rwx.url,
      '--secret-name',
      'DRY_RUN_CHECK',
      '--destinations',
      'circleci:context/gh/acme/rwx',
      '--circleci-url',
      cci.url,
    ]
    const env = { TOKEN_ACTION_TOKEN: token, TOKEN_ACTION_CIRCLECI_TOKEN: '', CIRCLECI_TOKEN: CCI }
    const planned = await runCli([...args, '--dry-run'], { env: { ...env, TOKEN_ACTION_DRY_RUN: 'false' } })
    expect(planned.code, planned.log).toBe(0)
    expect(planned.stdout).toMatch(/planned/)
    expect(cci.contextValue('gh/acme', 'rwx', 'DRY_RUN_CHECK')).toBeUndefined()
    const bad = await runCli(args, { env: { ...env, TOKEN_ACTION_DRY_RUN: 'maybe' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/dry-run: must be true or false, not "maybe"/)
    const real = await runCli(args, { env: { ...env, TOKEN_ACTION_DRY_RUN: 'false' } })
    expect(real.code, real.log).toBe(0)
    expect(cci.contextValue('gh/acme', 'rwx', 'DRY_RUN_CHECK')).toBe(token)
  })

  it('bad input exits 2; --help lists every input as a flag', async () => {
    const bad = await runCli(['rotate', '--issuer', 'rack-gateway', '--issuer-url', 'http://gateway.example.com'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/issuer-url: must use https/)
    const unknown = await runCli(['rotate', '--no-such-flag'])
    expect(unknown.code).toBe(2)
    const help = await runCli(['rotate', '--help'])
    expect(help.code).toBe(0)
    for (const name of INPUT_NAMES.filter((n) => n !== 'mode')) expect(help.stdout).toContain(`--${name}`)
  })
})
