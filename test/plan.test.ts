/** Planning is pure: every input rule, the destination grammar, name rules and durations. */
import { describe, expect, it } from 'vitest'
import { addDuration, expiryDate, parseDuration, parseExpiry } from '../src/plan/duration.js'
import type { ConfigError } from '../src/shared/errors.js'
import { parseTargets } from '../src/plan/grammar.js'
import { nameRuleViolation } from '../src/platforms/names.js'
import { ISSUER_KINDS } from '../src/issuers/kinds.js'
import { buildPlan, ISSUERS, type Inputs } from '../src/plan/plan.js'
import { isMintedWith, mintedName, newRunTag } from '../src/plan/token-name.js'
import { rotationSets } from '../src/plan/sets.js'
import { plannedExpiryNote } from '../src/plan/planned-expiry.js'
import { refusal } from './helpers/refusal.js'

const NOW = new Date('2026-11-24T12:00:00Z')
const base: Inputs = {
  issuer: 'rack-gateway',
  'issuer-url': 'https://gw.example.com',
  'issuer-token': 'rgw_x',
  'token-role': 'cicd',
  'token-name': 'rack-gateway-api-token',
  'github-token': 'ghp_x',
  destinations: 'github:repo/acme/api',
}
const http: Inputs = {
  ...base,
  issuer: 'http',
  'issuer-url': 'https://tokens.example.com',
  'issuer-token': 'adm',
  'token-role': 'deployer',
  'secret-name': 'HZ',
  'token-name': 'hz',
}
const given = (issuer: string): Inputs => ({
  issuer,
  'issuer-url': issuer === 'static' ? undefined : 'https://x.example.com',
  token: 'tok-0123456789',
  'secret-name': 'T',
  'github-token': 'g',
  destinations: 'github:repo/a/b',
})

/** Asserts the error names `input` both as its field and at the start of the message a user sees. */
function expectRefused(err: ConfigError, input: string, rule: RegExp): void {
  expect(err.input).toBe(input)
  expect(err.message.startsWith(`${input}: `), err.message).toBe(true)
  expect(err.message).toMatch(rule)
}

describe('buildPlan', () => {
  it('applies the documented defaults', () => {
    const plan = buildPlan(base, {})
    expect(plan).toMatchObject({
      mode: 'rotate',
      dryRun: false,
      concurrency: 8,
      secretName: 'RACK_GATEWAY_API_TOKEN',
      spec: { namePrefix: 'rack-gateway-api-token', role: 'cicd' },
    })
    expect(plan.github.apiUrl).toBe('https://api.github.com')
    expect(plan.gitlab.url).toBe('https://gitlab.com')
    expect(plan.circleci.url).toBe('https://circleci.com')
    const rwx = buildPlan({ issuer: 'rwx', token: 't', 'github-token': 'g', destinations: 'github:repo/a/b' }, {})
    expect(rwx).toMatchObject({
      mode: 'distribute',
      secretName: 'RWX_ACCESS_TOKEN',
      issuer: { url: 'https://cloud.rwx.com', token: 't' },
      spec: { namePrefix: 'rwx-access-token' },
    })
    expect(buildPlan({ ...given('hawzu'), 'issuer-url': undefined }).issuer.url).toBe('https://api.hawzu.com')
    expect(buildPlan(given('static')).issuer.url).toBeUndefined()
  })

  it("token names accept what issuers accept: Hawzu's own example has a space", () => {
    expect(buildPlan({ ...http, 'token-name': 'CI Runner' }).spec.namePrefix).toBe('CI Runner')
    expect(buildPlan({ ...base, 'token-name': 'deploy (prod) #1' }).spec.namePrefix).toBe('deploy (prod) #1')
  })

  it('a rotation without rights copies those of the token it replaces; other mints must state them', () => {
    expect(buildPlan({ ...base, 'token-role': undefined }).spec).toMatchObject({ copyRights: true, role: undefined })
    expect(buildPlan(base).spec.copyRights).toBe(false)
    expect(buildPlan({ ...http, 'token-role': undefined }).spec.copyRights).toBe(true)
    expect(buildPlan({ ...base, 'revoke-first': 'true' }).revokeFirst).toBe(true)
  })

  it('derives the default rotation set from where it runs plus the secret name; outside CI, rotate needs token-name', () => {
    const unnamed = { ...base, 'token-name': undefined }
    const prefix = (env: Record<string, string>) => buildPlan(unnamed, env).spec.namePrefix
    expect(prefix({ GITHUB_REPOSITORY: 'Acme/API' })).toBe('gh.acme.api.rack-gateway-api-token')
    expect(prefix({ GITHUB_REPOSITORY: 'acme/web' })).not.toBe(prefix({ GITHUB_REPOSITORY: 'acme/api' }))
    expect(prefix({ CI_PROJECT_PATH: 'acme/platform/deploy' })).toBe('gl.acme.platform.deploy.rack-gateway-api-token')
    expect(prefix({ CIRCLE_PROJECT_USERNAME: 'acme', CIRCLE_PROJECT_REPONAME: 'api' })).toBe(
      'cci.acme.api.rack-gateway-api-token',
    )
    const long = prefix({ GITHUB_REPOSITORY: `acme/${'r'.repeat(200)}` })
    expect(long.length).toBeLessThanOrEqual(135)
    expect(long).not.toBe(prefix({ GITHUB_REPOSITORY: `acme/${'r'.repeat(199)}` }))
    expectRefused(
      refusal(() => buildPlan(unnamed, {})),
      'token-name',
      /required in rotate mode outside/,
    )
    // Modes that revoke nothing by prefix keep the secret-derived name outside CI; an explicit name is kept exactly.
    expect(buildPlan({ ...unnamed, mode: 'create' }, {}).spec.namePrefix).toBe('rack-gateway-api-token')
    expect(buildPlan({ ...base, 'token-name': 'ci-deploy' }, { GITHUB_REPOSITORY: 'acme/api' }).spec.namePrefix).toBe(
      'ci-deploy',
    )
  })

  it('defaults the mode to rotate for issuers that mint and to distribute for the others', () => {
    for (const kind of ISSUERS) {
      const inputs = ISSUER_KINDS[kind].can.create
        ? { ...http, issuer: kind, 'token-role': kind === 'http' ? 'deployer' : 'cicd' }
        : given(kind)
      expect(buildPlan(inputs).mode, kind).toBe(ISSUER_KINDS[kind].can.create ? 'rotate' : 'distribute')
    }
    expect(buildPlan({ ...http, mode: 'distribute', token: 'seed-0123456789', 'issuer-token': undefined }).mode).toBe(
      'distribute',
    )
  })

  it('takes GITHUB_API_URL, CI_SERVER_URL and RWX_HOST from the environment; explicit inputs win', () => {
    const plan = buildPlan(base, {
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      CI_SERVER_URL: 'https://gitlab.example.com',
    })
    expect(plan.github.apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(plan.gitlab.url).toBe('https://gitlab.example.com')
    const rwx = { issuer: 'rwx', token: 't', 'github-token': 'g', destinations: 'github:repo/a/b' }
    // RWX_HOST is a host name, as the rwx CLI reads it, and the scheme is always https.
    expect(buildPlan(rwx, { RWX_HOST: 'rwx.internal.example.com' }).issuer.url).toBe('https://rwx.internal.example.com')
    expect(buildPlan(rwx, { RWX_HOST: 'http://rwx.internal.example.com:8443' }).issuer.url).toBe(
      'https://rwx.internal.example.com:8443',
    )
    expect(
      buildPlan({ ...rwx, 'issuer-url': 'https://other.example.com/' }, { RWX_HOST: 'rwx.internal.example.com' }).issuer
        .url,
    ).toBe('https://other.example.com')
    expect(buildPlan(given('hawzu'), { RWX_HOST: 'rwx.internal.example.com' }).issuer.url).toBe('https://x.example.com')
  })

  it('accepts loopback http for emulators and local gateways', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9000'])
      expect(buildPlan({ ...base, 'issuer-url': url }).issuer.url).toBe(url)
  })

  it('http issuer: workspace tokens by role or permissions, project tokens with a role each, expiry', () => {
    expect(buildPlan(http).spec).toMatchObject({ role: 'deployer', namePrefix: 'hz' })
    expect(
      buildPlan({ ...http, 'token-role': undefined, 'token-permissions': 'deploy:write\nlogs:read' }).spec.permissions,
    ).toEqual(['deploy:write', 'logs:read'])
    const plan = buildPlan(
      {
        ...http,
        'token-role': undefined,
        'token-projects': 'proj-a=editor\nproj-b = viewer',
        'token-expires-in': '6mo',
      },
      {},
      NOW,
    )
    expect(plan.spec.projects).toEqual([
      { id: 'proj-a', role: 'editor' },
      { id: 'proj-b', role: 'viewer' },
    ])
    expect(plan.spec.expiry).toMatchObject({ kind: 'in', duration: { amount: 6, unit: 'mo' } })
    expect(buildPlan({ ...http, 'token-expires-in': 'never' }).spec.expiry).toEqual({ kind: 'never' })
  })

  it('rotate-if-older-than and the modes that mint', () => {
    expect(buildPlan({ ...base, 'rotate-if-older-than': '90d' }).rotateIfOlderThan).toEqual({
      amount: 90,
      unit: 'd',
      text: '90d',
    })
    expect(buildPlan({ ...http, mode: 'create', 'rotate-if-older-than': '6mo' }).rotateIfOlderThan).toMatchObject({
      unit: 'mo',
    })
    expect(buildPlan({ ...http, mode: 'ephemeral', destinations: undefined })).toMatchObject({
      mode: 'ephemeral',
      targets: [],
    })
    expect(buildPlan({ ...base, 'dry-run': 'true' }).dryRun).toBe(true)
  })
})

describe('bad input (issue 3): refused naming the input, before anything is minted', () => {
  it.each<[string, Inputs, string, RegExp]>([
    ['no issuer', { issuer: undefined }, 'issuer', /is required: one of rack-gateway, http, rwx, hawzu, static/],
    ['unknown issuer', { issuer: 'vault' }, 'issuer', /"vault" is not an issuer/],
    ['plain http issuer URL', { 'issuer-url': 'http://gw.example.com' }, 'issuer-url', /must use https:\/\//],
    ['ftp even on loopback', { 'issuer-url': 'ftp://127.0.0.1' }, 'issuer-url', /must use https:\/\//],
    ['not a URL', { 'issuer-url': 'gw.example.com' }, 'issuer-url', /is not a URL/],
    [
      'credentials in the URL',
      { 'issuer-url': 'https://user:pw@gw.example.com' },
      'issuer-url',
      /must not carry credentials/,
    ],
    [
      'no issuer URL for rack-gateway',
      { 'issuer-url': undefined },
      'issuer-url',
      /is required for issuer rack-gateway/,
    ],
    ['plain http GitHub API', { 'github-api-url': 'http://api.github.example.com' }, 'github-api-url', /https/],
    ['no issuer credential', { 'issuer-token': undefined }, 'issuer-token', /is required to mint, list and revoke/],
    [
      'no GitHub credential',
      { 'github-token': undefined },
      'github-token',
      /Secrets write.*GITHUB_TOKEN cannot write secrets/,
    ],
    ['no CircleCI credential', { destinations: 'circleci:context/gh/acme/rwx' }, 'circleci-token', /is required/],
    ['no GitLab credential', { destinations: 'gitlab:group/acme' }, 'gitlab-token', /api scope/],
    ['half a GitHub App', { 'github-app-id': '1' }, 'github-app-id', /go together/],
    ['unparseable destination', { destinations: 'github:repo/acme' }, 'destinations', /github:repo\/OWNER\/REPO/],
    ['unknown platform', { destinations: 'bitbucket:repo/a/b' }, 'destinations', /PLATFORM:KIND\/PATH/],
    [
      'secret name GITHUB_*',
      { 'secret-name': 'GITHUB_X' },
      'secret-name',
      /"GITHUB_X" cannot be written to github:repo\/acme\/api: .*must not start with GITHUB_/,
    ],
    ['secret name with a leading digit', { 'secret-name': '9LIVES' }, 'secret-name', /must not start with a digit/],
    ['secret name with other characters', { 'secret-name': 'MY-TOKEN' }, 'secret-name', /only letters, digits and _/],
    [
      'bad ?name= on a line',
      { destinations: 'github:repo/acme/api?name=GITHUB_X' },
      'destinations',
      /secret name "GITHUB_X"/,
    ],
    [
      'no destinations',
      { destinations: undefined },
      'destinations',
      /is required .* only ephemeral and audit modes may omit it/,
    ],
    ['only comments', { destinations: '# only a comment\n\n' }, 'destinations', /lists no destination/],
    [
      'a rack-gateway role that does not exist',
      { 'token-role': 'root' },
      'token-role',
      /not a Rack Gateway role \(valid roles: viewer, ops, deployer, cicd, admin\)/,
    ],
    [
      'no role (create mode: nothing to copy)',
      { 'token-role': undefined, mode: 'create' },
      'token-role',
      /need a role/,
    ],
    [
      'revoke-first outside rotate',
      { mode: 'create', 'revoke-first': 'true' },
      'revoke-first',
      /use it with mode rotate/,
    ],
    [
      'revoke-first with a due check',
      { 'revoke-first': 'true', 'rotate-if-older-than': '90d' },
      'revoke-first',
      /drop rotate-if-older-than/,
    ],
    ['revoke-first maybe', { 'revoke-first': 'maybe' }, 'revoke-first', /must be true or false/],
    [
      'a token name starting with a space or punctuation',
      { 'token-name': '-ci' },
      'token-name',
      /must start with a letter or digit/,
    ],
    ['a token name too long', { 'token-name': 'a'.repeat(129) }, 'token-name', /at most 128/],
    ['concurrency 0', { concurrency: '0' }, 'concurrency', /1 to 100/],
    ['dry-run maybe', { 'dry-run': 'maybe' }, 'dry-run', /true or false/],
    ['shard 3/2', { shard: '3/2', mode: 'distribute', token: 't' }, 'shard', /K\/N/],
    ['shard outside distribute', { shard: '1/2' }, 'shard', /distribute/],
  ])('%s', (_what, inputs, input, rule) => {
    expectRefused(
      refusal(() => buildPlan({ ...base, ...inputs }, {})),
      input,
      rule,
    )
  })
})

describe('bad input (issue 5): refused naming the input, before anything is minted', () => {
  it.each<[string, Inputs, string, RegExp]>([
    [
      'expiry on rack-gateway',
      { ...base, 'token-expires-in': '1y' },
      'token-expires-in',
      /issuer rack-gateway has no token expiry/,
    ],
    [
      'expiry on rwx',
      { ...given('rwx'), 'token-expires-in': '30d' },
      'token-expires-in',
      /issuer rwx has no token expiry/,
    ],
    [
      'expiry on hawzu',
      { ...given('hawzu'), 'token-expires-in': '1w' },
      'token-expires-in',
      /issuer hawzu has no token expiry/,
    ],
    [
      'expiry on static',
      { ...given('static'), 'token-expires-in': 'never' },
      'token-expires-in',
      /issuer static has no token expiry/,
    ],
    [
      'projects on rack-gateway',
      { ...base, 'token-role': undefined, 'token-projects': 'p=editor' },
      'token-projects',
      /issuer rack-gateway has no project-scoped tokens/,
    ],
    [
      'projects on rwx',
      { ...given('rwx'), 'token-projects': 'p=editor' },
      'token-projects',
      /issuer rwx has no project-scoped tokens/,
    ],
    [
      'a project line without a role',
      { ...http, 'token-role': undefined, 'token-projects': 'proj-a' },
      'token-projects',
      /"proj-a" must be PROJECT_ID=ROLE/,
    ],
    [
      'a project listed twice',
      { ...http, 'token-role': undefined, 'token-projects': 'proj-a=viewer\nproj-a=admin' },
      'token-projects',
      /project proj-a is listed twice/,
    ],
    [
      'projects plus a workspace role',
      { ...http, 'token-projects': 'p=editor' },
      'token-projects',
      /carry a role per project/,
    ],
    [
      'an http token with no scope',
      { ...http, 'token-role': undefined, mode: 'create' },
      'token-role',
      /token-role \(workspace token\) or token-projects/,
    ],
    [
      'a malformed expiry',
      { ...http, 'token-expires-in': '3 weeks' },
      'token-expires-in',
      /"3 weeks" is not an expiry: use 1w, 1mo, 6mo, 1y, Nd, Nh, Nmin, an ISO date/,
    ],
    ['a zero expiry', { ...http, 'token-expires-in': '0d' }, 'token-expires-in', /not a duration/],
    [
      'an expiry beyond a century',
      { ...http, 'token-expires-in': '999y' },
      'token-expires-in',
      /longer than 100 years/,
    ],
    [
      'an expiry date in the past',
      { ...http, 'token-expires-in': '2026-01-01' },
      'token-expires-in',
      /2026-01-01 is in the past/,
    ],
    [
      'an expiry date that does not exist',
      { ...http, 'token-expires-in': '2027-02-30' },
      'token-expires-in',
      /"2027-02-30" is not a valid date/,
    ],
    [
      'a malformed rotate-if-older-than',
      { ...base, 'rotate-if-older-than': '90' },
      'rotate-if-older-than',
      /"90" is not a duration/,
    ],
    [
      'rotate-if-older-than on an issuer that cannot list',
      { ...given('rwx'), 'rotate-if-older-than': '90d' },
      'rotate-if-older-than',
      /issuer rwx cannot list tokens/,
    ],
    [
      'rotate-if-older-than when distributing',
      { ...http, mode: 'distribute', token: 't', 'rotate-if-older-than': '90d' },
      'rotate-if-older-than',
      /needs a mode that mints/,
    ],
    [
      'no token for rwx',
      { ...given('rwx'), token: undefined },
      'token',
      /is required in distribute mode: create the token in RWX \(cloud\.rwx\.com, Access Tokens\) and pass it as `token`/,
    ],
    [
      'no token for hawzu',
      { ...given('hawzu'), token: undefined },
      'token',
      /is required in distribute mode: create the token in Hawzu/,
    ],
    [
      'no token for static',
      { ...given('static'), token: undefined },
      'token',
      /is required in distribute mode: create the token in the system that issued it/,
    ],
    [
      'no token when distributing with http',
      { ...http, mode: 'distribute' },
      'token',
      /is required in distribute mode$/,
    ],
    ['a token while minting', { ...base, token: 'x' }, 'token', /only used in distribute mode \(mode is rotate\)/],
    [
      'role and permissions (rack-gateway)',
      { ...base, 'token-permissions': 'a' },
      'token-role',
      /give token-role or token-permissions, not both/,
    ],
    ['role and permissions (http)', { ...http, 'token-permissions': 'a:read' }, 'token-role', /not both/],
    [
      'an unknown mode',
      { ...base, mode: 'yolo' },
      'mode',
      /"yolo" is not a mode: use rotate, create, ephemeral, distribute/,
    ],
    [
      'minting with rwx',
      { ...given('rwx'), mode: 'rotate' },
      'mode',
      /issuer rwx has no API to mint tokens, so mode rotate is impossible: create the token in RWX/,
    ],
    [
      'creating with hawzu',
      { ...given('hawzu'), mode: 'create' },
      'mode',
      /issuer hawzu has no API to mint tokens, so mode create is impossible: create the token in Hawzu/,
    ],
    [
      'ephemeral with static',
      { ...given('static'), mode: 'ephemeral' },
      'mode',
      /issuer static has no API to mint tokens/,
    ],
    [
      'destinations in ephemeral mode',
      { ...base, mode: 'ephemeral' },
      'destinations',
      /must be empty in ephemeral mode/,
    ],
  ])('%s', (_what, inputs, input, rule) => {
    expectRefused(
      refusal(() => buildPlan(inputs, {}, NOW)),
      input,
      rule,
    )
  })
})

describe('destination grammar', () => {
  it('parses every form with its defaults', () => {
    const t = parseTargets(
      [
        '# a comment line',
        'github:repo/acme/api',
        'github:env/acme/api/team/prod   # environment names may contain /',
        'github:org/acme?visibility=selected&repos=api,web',
        'github:repo/acme/api?app=dependabot',
        'github:repos/acme?match=^svc-&topic=deploys&archived=true',
        'circleci:context/gh/acme/rwx',
        'circleci:project/gh/acme/api',
        'gitlab:group/acme/platform',
        'gitlab:project/acme/api?protected=true&masked=false&raw=false&scope=production&name=OTHER',
        '',
        'github:org/acme?app=codespaces&visibility=private',
        'circleci:context/bb/acme/deploy?create=false',
        'gitlab:group/acme?hidden=true',
      ].join('\n'),
      'RWX_ACCESS_TOKEN',
    )
    expect(t).toHaveLength(12)
    expect(t[0]).toMatchObject({
      platform: 'github',
      kind: 'repo',
      owner: 'acme',
      repo: 'api',
      app: 'actions',
      name: 'RWX_ACCESS_TOKEN',
      id: 'github:repo/acme/api',
    })
    expect(t[1]).toMatchObject({ kind: 'env', environment: 'team/prod', id: 'github:env/acme/api/team/prod' })
    expect(t[2]).toMatchObject({ kind: 'org', visibility: 'selected', repos: ['api', 'web'] })
    expect(t[3]).toMatchObject({ kind: 'repo', app: 'dependabot', id: 'github:repo/acme/api?app=dependabot' })
    expect(t[4]).toMatchObject({ kind: 'repos', org: 'acme', topic: 'deploys', archived: true })
    expect((t[4] as { match: RegExp }).match.test('svc-api')).toBe(true)
    expect(t[5]).toMatchObject({
      platform: 'circleci',
      kind: 'context',
      vcs: 'gh',
      org: 'acme',
      context: 'rwx',
      create: true,
    })
    expect(t[6]).toMatchObject({ platform: 'circleci', kind: 'project', repo: 'api' })
    expect(t[7]).toMatchObject({
      platform: 'gitlab',
      kind: 'group',
      path: 'acme/platform',
      masked: true,
      protected: false,
      raw: true,
      scope: '*',
      hidden: false,
    })
    expect(t[8]).toMatchObject({
      kind: 'project',
      protected: true,
      masked: false,
      raw: false,
      scope: 'production',
      name: 'OTHER',
      id: 'gitlab:project/acme/api?scope=production',
    })
    expect(t[9]).toMatchObject({
      kind: 'org',
      app: 'codespaces',
      visibility: 'private',
      id: 'github:org/acme?app=codespaces',
    })
    expect(t[10]).toMatchObject({ vcs: 'bb', context: 'deploy', create: false })
    expect(t[11]).toMatchObject({ hidden: true, masked: true })
  })

  it('lets one secret go to the same place under two names, but not the same name twice', () => {
    expect(parseTargets('github:repo/acme/api\ngithub:repo/acme/api?name=OTHER', 'T')).toHaveLength(2)
    expectRefused(
      refusal(() => parseTargets('github:repo/acme/api?name=t\ngithub:repo/acme/api', 'T')),
      'destinations',
      /listed twice/,
    )
  })

  it.each([
    ['github:repo/acme', /github:repo\/OWNER\/REPO/],
    ['github:repo/acme/api/extra', /github:repo\/OWNER\/REPO/],
    ['github:env/acme/api', /github:env\/OWNER\/REPO\/ENVIRONMENT/],
    ['github:team/acme/x', /unknown GitHub target "team"/],
    ['github:repo/ac me/api', /not a valid name segment/],
    ['github:repo/acme/api?color=red', /unknown option "color"/],
    ['github:repo/acme/api?app=pages', /"app" must be one of actions, dependabot, codespaces/],
    ['github:repo/acme/api?app=dependabot&app=actions', /given twice/],
    ['github:env/acme/api/prod?app=dependabot', /unknown option "app"/],
    ['github:org/acme?visibility=public', /"visibility" must be one of all, private, selected/],
    ['github:org/acme?repos=a', /repos= needs visibility=selected/],
    ['github:org/acme?visibility=selected', /needs repos=/],
    ['github:repos/acme?match=(', /not a valid regular expression/],
    ['github:repos/acme?archived=maybe', /true or false/],
    ['circleci:context/acme/rwx', /circleci:context\/VCS\/ORG\/CONTEXT/],
    ['circleci:project/gh/acme', /circleci:project\/VCS\/ORG\/REPO/],
    ['circleci:pipeline/gh/acme/x', /unknown CircleCI target/],
    ['circleci:context/gh/acme/rwx?name=1BAD', /CircleCI variable names must match/],
    ['gitlab:project/acme', /GROUP\/PROJECT/],
    ['gitlab:subgroup/acme', /unknown GitLab target/],
    ['gitlab:group/acme?hidden=true&masked=false', /hidden=true needs masked=true/],
    ['gitlab:group/acme?raw=yes', /true or false/],
    ['gitlab:group/acme?scope=', /scope= must not be empty/],
    ['bitbucket:repo/a/b', /PLATFORM:KIND\/PATH/],
    ['github:repo/acme/api\ngithub:repo/acme/api', /listed twice/],
    ['gitlab:group/acme,circleci:context/gh/acme/rwx', /holds more than one destination: put one per line/],
    ['github:repo/a/b, github:repo/a/c', /holds more than one destination: put one per line/],
    ['gitlab:group/acme gitlab:group/labs', /holds more than one destination: put one per line/],
  ])('%s is refused: %s', (line, rule) => {
    expectRefused(
      refusal(() => parseTargets(line, 'TOKEN')),
      'destinations',
      rule,
    )
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
    ['circleci', 'A'.repeat(300), undefined],
    ['circleci', 'A'.repeat(301), /300/],
    ['gitlab', '1_IS_FINE_HERE', undefined],
    ['gitlab', 'A'.repeat(255), undefined],
    ['gitlab', 'A'.repeat(256), /255/],
    ['gitlab', 'MY.TOKEN', /letters, digits and _/],
  ] as const)('%s %s', (platform, name, rule) => {
    const broken = nameRuleViolation(platform, name)
    if (rule === undefined) expect(broken).toBeUndefined()
    else expect(broken).toMatch(rule)
  })

  it('a secret-name legal on one platform but not another is refused for that destination', () => {
    // A leading digit is fine on GitLab, not on GitHub.
    expect(
      buildPlan({ ...base, 'secret-name': '1TOKEN', 'gitlab-token': 'gl', destinations: 'gitlab:group/acme' })
        .targets[0]!.name,
    ).toBe('1TOKEN')
    expectRefused(
      refusal(() =>
        buildPlan({
          ...base,
          'secret-name': '1TOKEN',
          'gitlab-token': 'gl',
          destinations: 'gitlab:group/acme\ngithub:repo/acme/api',
        }),
      ),
      'secret-name',
      /cannot be written to github:repo\/acme\/api/,
    )
  })
})

describe('durations and expiry', () => {
  it.each([
    ['12h', '2026-11-25T00:00:00.000Z'],
    ['30d', '2026-12-24T12:00:00.000Z'],
    ['1w', '2026-12-01T12:00:00.000Z'],
    ['30min', '2026-11-24T12:30:00.000Z'],
    ['1mo', '2026-12-24T12:00:00.000Z'],
    ['6mo', '2027-05-24T12:00:00.000Z'],
    ['1y', '2027-11-24T12:00:00.000Z'],
  ])('%s from %s', (text, expected) => {
    expect(addDuration(NOW, parseDuration('x', text)).toISOString()).toBe(expected)
    expect(expiryDate(parseExpiry('token-expires-in', text, NOW), NOW)?.toISOString()).toBe(expected)
  })

  it('adds calendar months, so Jan 31 + 1mo rolls into March like the calendar does', () => {
    expect(addDuration(new Date('2026-01-31T00:00:00Z'), parseDuration('x', '1mo')).toISOString()).toBe(
      '2026-03-03T00:00:00.000Z',
    )
  })

  it('parses never and ISO dates, with or without a time and offset', () => {
    expect(parseExpiry('e', 'never', NOW)).toEqual({ kind: 'never' })
    expect(expiryDate({ kind: 'never' }, NOW)).toBeUndefined()
    expect(parseExpiry('e', '2027-01-31', NOW)).toEqual({ kind: 'at', date: new Date('2027-01-31T00:00:00Z') })
    expect(parseExpiry('e', '2027-01-31T10:30:00Z', NOW)).toEqual({
      kind: 'at',
      date: new Date('2027-01-31T10:30:00Z'),
    })
    expect(parseExpiry('e', '2027-01-31T10:30:00+02:00', NOW)).toEqual({
      kind: 'at',
      date: new Date('2027-01-31T08:30:00Z'),
    })
    expect(parseExpiry('e', '2024-02-29T00:00:00Z', new Date('2024-01-01T00:00:00Z'))).toMatchObject({ kind: 'at' })
  })

  it.each([
    ['2026-11-24', /is in the past/],
    ['2026-11-24T12:00:00Z', /is in the past/],
    ['2027-02-29', /not a valid date/],
    ['2027-13-01', /not a valid date/],
    ['2027-04-31T00:00:00Z', /not a valid date/],
    ['0d', /not a duration/],
    ['101y', /longer than 100 years/],
    ['99999999999d', /longer than 100 years/],
    ['1 month', /not an expiry/],
    ['31/01/2027', /not an expiry/],
    ['-1d', /not an expiry/],
  ])('refuses %s', (text, rule) => {
    expectRefused(
      refusal(() => parseExpiry('token-expires-in', text, NOW)),
      'token-expires-in',
      rule,
    )
  })

  it.each(['30m', '6m', ' 1 m '])('refuses the bare m in %s as ambiguous, offering both readings', (text) => {
    const n = text.trim().replace(/\D/g, '')
    const rule = new RegExp(`is ambiguous: did you mean ${n}min or ${n}mo\\?`)
    expectRefused(
      refusal(() => parseDuration('rotate-if-older-than', text)),
      'rotate-if-older-than',
      rule,
    )
    expectRefused(
      refusal(() => parseExpiry('token-expires-in', text, NOW)),
      'token-expires-in',
      rule,
    )
  })

  it.each(['90', 'd', '1.5d', '90s', '-3d', '0h', '0min', '1mon', 'soon'])('refuses the duration %s', (text) => {
    expectRefused(
      refusal(() => parseDuration('rotate-if-older-than', text)),
      'rotate-if-older-than',
      /not a duration/,
    )
  })
})

describe('the expiry a dry run announces', () => {
  const note = (inputs: Inputs) => plannedExpiryNote(buildPlan(inputs, {}, NOW), NOW)
  it('names the date a real run would set and where it comes from', () => {
    expect(note({ ...http, 'token-expires-in': '30min' })).toBe(
      'the new token would expire 2026-11-24T12:30:00.000Z (token-expires-in 30min)',
    )
    expect(note({ ...http, 'token-expires-in': '6mo' })).toBe(
      'the new token would expire 2027-05-24T12:00:00.000Z (token-expires-in 6mo)',
    )
    expect(note({ ...http, 'token-expires-in': '2027-01-31' })).toBe(
      'the new token would expire 2027-01-31T00:00:00.000Z (token-expires-in)',
    )
    expect(note({ ...http, 'rotate-if-older-than': '30d' })).toBe(
      'the new token would expire 2027-01-23T12:00:00.000Z (60d, the bounded default; set token-expires-in to choose)',
    )
    expect(note({ ...http, mode: 'ephemeral', destinations: undefined })).toBe(
      'the new token would expire 2026-11-24T13:00:00.000Z (1h, the ephemeral default)',
    )
    expect(note({ ...http, 'token-expires-in': 'never' })).toBe(
      'the new token would never expire (token-expires-in never)',
    )
    expect(note(base)).toBeUndefined()
    expect(note(given('rwx'))).toBeUndefined()
  })
})

describe('token names', () => {
  it('mints names that sort, end with the run tag, and recognises only its own prefix', () => {
    const name = mintedName('rwx-access-token', new Date('2026-11-24T14:03:09Z'), 'a1b2c3')
    expect(name).toBe('rwx-access-token-20261124140309-a1b2c3')
    expect(isMintedWith('rwx-access-token', name)).toBe(true)
    // Names minted before the run tag still belong to their set.
    expect(isMintedWith('rwx-access-token', 'rwx-access-token-20261124140309')).toBe(true)
    expect(isMintedWith('rwx-access-token', 'rwx-access-token-staging-20261124140309')).toBe(false)
    expect(isMintedWith('rwx-access', name)).toBe(false)
    const at = (iso: string) => mintedName('p', new Date(iso), newRunTag())
    expect(at('2026-01-02T03:04:05Z') < at('2026-01-02T03:04:06Z')).toBe(true)
    expect(newRunTag()).toMatch(/^[0-9a-f]{6}$/)
  })
})

describe('rotation sets (token-per: line)', () => {
  const plan = (destinations: string, extra: Inputs = {}) =>
    buildPlan({
      ...base,
      'gitlab-token': 'glpat-x',
      'token-name': 'ci-deploy',
      'token-per': 'line',
      destinations,
      ...extra,
    })
  const names = (destinations: string, extra: Inputs = {}) => rotationSets(plan(destinations, extra)).map((s) => s.name)

  it('names each line readably under the run name, stable whatever the comments, blank lines, option order and line order', () => {
    const lines = ['github:repo/acme/api', 'github:repos/acme?topic=deploys&match=^svc-', 'gitlab:group/acme/ci']
    const [repo, repos, group] = names(lines.join('\n'))
    expect(repo).toMatch(/^ci-deploy\.github\.repo\.acme\.api\.[0-9a-f]{6}$/)
    expect(group).toMatch(/^ci-deploy\.gitlab\.group\.acme\.ci\.[0-9a-f]{6}$/)
    const shuffled = `# seeded by platform\n\ngitlab:group/acme/ci   # the group\ngithub:repos/acme?match=^svc-&topic=deploys\n\ngithub:repo/acme/api\n`
    expect(names(shuffled).sort()).toEqual([repo, repos, group].sort())
  })

  it('keeps distinct lines distinct, even when their readable parts look alike, and fits the issuer limit', () => {
    const alike = names('github:repo/acme/my_api\ngithub:repo/acme/my-api\ngithub:repo/acme/api?name=OTHER_TOKEN')
    expect(new Set(alike).size).toBe(3)
    const long = names(`gitlab:group/${Array.from({ length: 30 }, (_, i) => `level-${i}`).join('/')}`, {
      'token-name': 'x'.repeat(120),
    })
    // The name plus `-<UTC yyyymmddHHMMss>-<run tag>` stays within Rack Gateway's 150 characters.
    expect(long[0]!.length + 22).toBeLessThanOrEqual(150)
    expect(long[0]).toMatch(/\.[0-9a-f]{6}$/)
  })

  it('one set for the run without token-per, named by token-name', () => {
    expect(rotationSets(plan('github:repo/acme/api\ngitlab:group/acme', { 'token-per': 'run' }))).toMatchObject([
      { name: 'ci-deploy', targets: [{ id: 'github:repo/acme/api' }, { id: 'gitlab:group/acme' }] },
    ])
  })
})
