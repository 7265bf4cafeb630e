/** Planning is pure: every input rule, the destination grammar, name rules and durations. */
import { describe, expect, it } from 'vitest'
import { addDuration, parseDuration, parseExpiry } from '../src/duration.js'
import { ConfigError } from '../src/errors.js'
import { parseTargets } from '../src/grammar.js'
import { nameRuleViolation } from '../src/names.js'
import { buildPlan, type Inputs } from '../src/plan.js'
import { isMintedWith, mintedName } from '../src/token-name.js'

const base: Inputs = { issuer: 'rack-gateway', 'issuer-url': 'https://gw.example.com', 'issuer-token': 'rgw_x', 'token-role': 'cicd', 'github-token': 'ghp_x', destinations: 'github:repo/acme/api' }

function configError(inputs: Inputs, env: Record<string, string> = {}): ConfigError {
  try {
    buildPlan({ ...base, ...inputs }, env)
  } catch (err) {
    if (err instanceof ConfigError) return err
    throw err
  }
  throw new Error('expected a ConfigError')
}

describe('buildPlan', () => {
  it('applies the documented defaults', () => {
    const plan = buildPlan(base, {})
    expect(plan).toMatchObject({ mode: 'rotate', dryRun: false, concurrency: 8, secretName: 'RACK_GATEWAY_API_TOKEN', spec: { namePrefix: 'rack-gateway-api-token', role: 'cicd' } })
    expect(plan.github.apiUrl).toBe('https://api.github.com')
    expect(plan.gitlab.url).toBe('https://gitlab.com')
    expect(plan.circleci.url).toBe('https://circleci.com')
    const rwx = buildPlan({ issuer: 'rwx', token: 't', 'github-token': 'g', destinations: 'github:repo/a/b' }, {})
    expect(rwx).toMatchObject({ mode: 'distribute', secretName: 'RWX_ACCESS_TOKEN', issuer: { url: 'https://cloud.rwx.com' } })
  })

  it('takes GITHUB_API_URL, CI_SERVER_URL and RWX_HOST from the environment', () => {
    const plan = buildPlan(base, { GITHUB_API_URL: 'https://ghe.example.com/api/v3', CI_SERVER_URL: 'https://gitlab.example.com' })
    expect(plan.github.apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(plan.gitlab.url).toBe('https://gitlab.example.com')
    expect(buildPlan({ issuer: 'rwx', token: 't', 'github-token': 'g', destinations: 'github:repo/a/b' }, { RWX_HOST: 'rwx.internal.example.com' }).issuer.url).toBe('https://rwx.internal.example.com')
  })

  it.each<[Inputs, string, RegExp]>([
    [{ issuer: undefined }, 'issuer', /is required/],
    [{ issuer: 'vault' }, 'issuer', /not an issuer/],
    [{ 'issuer-url': 'http://gw.example.com' }, 'issuer-url', /https/],
    [{ 'issuer-url': 'ftp://127.0.0.1' }, 'issuer-url', /https/],
    [{ 'issuer-url': 'https://user:pw@gw.example.com' }, 'issuer-url', /credentials/],
    [{ 'issuer-token': undefined }, 'issuer-token', /is required/],
    [{ 'token-role': 'root' }, 'token-role', /not a Rack Gateway role/],
    [{ 'token-role': undefined }, 'token-role', /need a role/],
    [{ 'token-permissions': 'a' }, 'token-role', /not both/],
    [{ 'token-expires-in': '1y' }, 'token-expires-in', /no token expiry/],
    [{ 'token-projects': 'p=editor', 'token-role': undefined }, 'token-projects', /no project-scoped tokens/],
    [{ mode: 'yolo' }, 'mode', /not a mode/],
    [{ token: 'x' }, 'token', /only used in distribute mode/],
    [{ mode: 'distribute' }, 'token', /is required in distribute mode/],
    [{ destinations: undefined }, 'destinations', /is required/],
    [{ destinations: '# only a comment' }, 'destinations', /lists no destination/],
    [{ mode: 'ephemeral' }, 'destinations', /must be empty in ephemeral mode/],
    [{ 'github-token': undefined }, 'github-token', /Secrets write/],
    [{ destinations: 'circleci:context/gh/acme/rwx' }, 'circleci-token', /is required/],
    [{ destinations: 'gitlab:group/acme' }, 'gitlab-token', /api scope/],
    [{ 'github-app-id': '1' }, 'github-app-id', /go together/],
    [{ concurrency: '0' }, 'concurrency', /1 to 100/],
    [{ 'dry-run': 'maybe' }, 'dry-run', /true or false/],
    [{ shard: '3/2', mode: 'distribute', token: 't' }, 'shard', /K\/N/],
    [{ shard: '1/2' }, 'shard', /distribute/],
    [{ 'rotate-if-older-than': '90' }, 'rotate-if-older-than', /not a duration/],
    [{ 'token-name': 'bad name' }, 'token-name', /may contain only/],
    [{ 'secret-name': 'GITHUB_X' }, 'destinations', /must not start with GITHUB_/],
  ])('%j is refused, naming %s', (inputs, input, rule) => {
    const err = configError(inputs)
    expect(err.input).toBe(input)
    expect(err.message).toMatch(new RegExp(`^${input}: `))
    expect(err.message).toMatch(rule)
  })

  it('refuses to mint with issuers that have no mint API, saying where tokens are made', () => {
    expect(configError({ issuer: 'hawzu', mode: 'create', 'issuer-url': undefined }).message).toMatch(/mode: issuer hawzu has no API to mint tokens, so mode create is impossible: create the token in Hawzu/)
    expect(configError({ issuer: 'static', 'issuer-url': undefined, token: undefined }).message).toMatch(/token: is required in distribute mode/)
  })

  it('accepts loopback http for emulators and local gateways', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000']) expect(buildPlan({ ...base, 'issuer-url': url }).issuer.url).toBe(url)
  })

  it('http issuer: project tokens and expiry', () => {
    const plan = buildPlan({ ...base, issuer: 'http', 'token-role': undefined, 'secret-name': 'HZ', 'token-projects': 'proj-a=editor\nproj-b = viewer', 'token-expires-in': '6m' })
    expect(plan.spec.projects).toEqual([
      { id: 'proj-a', role: 'editor' },
      { id: 'proj-b', role: 'viewer' },
    ])
    expect(plan.spec.expiry).toMatchObject({ kind: 'in', duration: { amount: 6, unit: 'm' } })
    expect(configError({ issuer: 'http', 'secret-name': 'HZ', 'token-projects': 'proj-a' }).message).toMatch(/PROJECT_ID=ROLE/)
  })
})

describe('destination grammar', () => {
  it('parses every form with its defaults', () => {
    const t = parseTargets(
      [
        'github:repo/acme/api',
        'github:env/acme/api/team/prod   # environment names may contain /',
        'github:org/acme?visibility=selected&repos=api,web',
        'github:repo/acme/api?app=dependabot',
        'github:repos/acme?match=^svc-&topic=deploys&archived=true',
        'circleci:context/gh/acme/rwx',
        'circleci:project/gh/acme/api',
        'gitlab:group/acme/platform',
        'gitlab:project/acme/api?protected=true&masked=false&raw=false&scope=production&name=OTHER',
      ].join('\n'),
      'RWX_ACCESS_TOKEN',
    )
    expect(t[0]).toMatchObject({ platform: 'github', kind: 'repo', owner: 'acme', repo: 'api', app: 'actions', name: 'RWX_ACCESS_TOKEN' })
    expect(t[1]).toMatchObject({ kind: 'env', environment: 'team/prod' })
    expect(t[2]).toMatchObject({ kind: 'org', visibility: 'selected', repos: ['api', 'web'] })
    expect(t[3]).toMatchObject({ kind: 'repo', app: 'dependabot', id: 'github:repo/acme/api?app=dependabot' })
    expect(t[4]).toMatchObject({ kind: 'repos', topic: 'deploys', archived: true })
    expect(t[5]).toMatchObject({ platform: 'circleci', kind: 'context', vcs: 'gh', org: 'acme', context: 'rwx', create: true })
    expect(t[6]).toMatchObject({ platform: 'circleci', kind: 'project', repo: 'api' })
    expect(t[7]).toMatchObject({ platform: 'gitlab', kind: 'group', path: 'acme/platform', masked: true, protected: false, raw: true, scope: '*', hidden: false })
    expect(t[8]).toMatchObject({ kind: 'project', protected: true, masked: false, raw: false, scope: 'production', name: 'OTHER' })
  })

  it.each([
    ['github:repo/acme', /github:repo\/OWNER\/REPO/],
    ['github:team/acme/x', /unknown GitHub target/],
    ['github:repo/acme/api?color=red', /unknown option "color"/],
    ['github:repo/acme/api?app=pages', /app" must be one of/],
    ['github:org/acme?repos=a', /repos= needs visibility=selected/],
    ['github:org/acme?visibility=selected', /needs repos=/],
    ['github:repos/acme?match=(', /not a valid regular expression/],
    ['circleci:context/acme/rwx', /circleci:context\/VCS\/ORG\/CONTEXT/],
    ['gitlab:project/acme', /GROUP\/PROJECT/],
    ['gitlab:group/acme?hidden=true&masked=false', /hidden=true needs masked=true/],
    ['gitlab:group/acme?raw=yes', /true or false/],
    ['bitbucket:repo/a/b', /PLATFORM:KIND\/PATH/],
    ['github:repo/acme/api\ngithub:repo/acme/api', /listed twice/],
  ])('%s is refused: %s', (line, rule) => {
    expect(() => parseTargets(line, 'TOKEN')).toThrow(rule)
  })
})

describe('secret name rules', () => {
  it.each([
    ['github', 'RWX_ACCESS_TOKEN', undefined],
    ['github', 'github_token', /GITHUB_/],
    ['github', '9LIVES', /digit/],
    ['github', 'MY-TOKEN', /letters, digits and _/],
    ['circleci', '_OK', undefined],
    ['circleci', '1BAD', /\[A-Za-z_\]/],
    ['circleci', 'A'.repeat(301), /300/],
    ['gitlab', '1_IS_FINE_HERE', undefined],
    ['gitlab', 'A'.repeat(256), /255/],
  ] as const)('%s %s', (platform, name, rule) => {
    const broken = nameRuleViolation(platform, name)
    if (rule === undefined) expect(broken).toBeUndefined()
    else expect(broken).toMatch(rule)
  })
})

describe('durations and names', () => {
  it('adds calendar months and years', () => {
    expect(addDuration(new Date('2026-01-31T00:00:00Z'), parseDuration('x', '1m')).toISOString()).toBe('2026-03-03T00:00:00.000Z')
    expect(addDuration(new Date('2026-11-24T00:00:00Z'), parseDuration('x', '1y')).toISOString()).toBe('2027-11-24T00:00:00.000Z')
    expect(addDuration(new Date('2026-11-24T00:00:00Z'), parseDuration('x', '12h')).toISOString()).toBe('2026-11-24T12:00:00.000Z')
  })

  it('parses expiry forms', () => {
    const now = new Date('2026-11-24T00:00:00Z')
    expect(parseExpiry('e', 'never', now)).toEqual({ kind: 'never' })
    expect(parseExpiry('e', '2027-01-31', now)).toEqual({ kind: 'at', date: new Date('2027-01-31T00:00:00Z') })
    expect(() => parseExpiry('e', '2026-01-01', now)).toThrow(/in the past/)
    expect(() => parseExpiry('e', '0d', now)).toThrow(/not a duration/)
  })

  it('mints names that sort and recognises only its own prefix', () => {
    const name = mintedName('rwx-access-token', new Date('2026-11-24T14:03:09Z'))
    expect(name).toBe('rwx-access-token-20261124140309')
    expect(isMintedWith('rwx-access-token', name)).toBe(true)
    expect(isMintedWith('rwx-access-token', 'rwx-access-token-staging-20261124140309')).toBe(false)
    expect(isMintedWith('rwx-access', name)).toBe(false)
  })
})
