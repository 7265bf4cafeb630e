/**
 * Issue 11, hostile or careless input: every bad value is refused in the plan with a ConfigError that
 * names the input and the rule (exit 2), before any request. A table of bad inputs against the
 * planner, then a subset through the committed dist/cli.js and dist/index.js against emulators that
 * must see no request at all, then the CLI's secret flags and its --token-file.
 */
import { generateKeyPairSync } from 'node:crypto'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { envName, SECRET_INPUTS } from '../src/front/cli-secrets.js'
import { checkWritableFile, writeFilePrivately } from '../src/shared/files.js'
import { parseTargets, stripComment } from '../src/plan/grammar.js'
import { buildPlan, type Inputs } from '../src/plan/plan.js'
import { ROOT, runAction, runCli } from './helpers/run-dist.js'
import { refusal } from './helpers/refusal.js'
import { useWorld } from './helpers/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')
const base: Inputs = {
  issuer: 'rack-gateway',
  'issuer-url': 'https://gw.example.com',
  'issuer-token': 'rgw_admin_credential_0000',
  'token-role': 'cicd',
  'token-name': 'rack-gateway-api-token',
  'github-token': 'ghp_plan_credential_0000',
  'circleci-token': 'circle_plan_credential',
  'gitlab-token': 'glpat_plan_credential',
  destinations: 'github:repo/acme/api',
}
const http: Inputs = {
  ...base,
  issuer: 'http',
  'issuer-url': 'https://tokens.example.com',
  'token-role': 'deployer',
  'secret-name': 'HZ',
}
const dest = (destinations: string, extra: Inputs = {}): Inputs => ({ ...base, destinations, ...extra })
const app = (extra: Inputs): Inputs => ({ ...base, 'github-token': undefined, ...extra })
const vlt = (destinations: string, extra: Inputs = {}): Inputs =>
  dest(destinations, { 'vault-url': 'https://vault.example.com', 'vault-token': 'hvs.plan_credential_0000', ...extra })

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const RSA_PRIVATE = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
const RSA_PUBLIC = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const EC_PRIVATE = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString()

/** [what, inputs, the input the error must name, the rule it must state] */
const BAD: [string, Inputs, string, RegExp][] = [
  // Path segments: . and .. everywhere, encoded or not.
  ['repo: ../..', dest('github:repo/../..'), 'destinations', /not allowed as a path segment/],
  ['repo: owner/..', dest('github:repo/acme/..'), 'destinations', /not allowed as a path segment/],
  ['repo: ./api', dest('github:repo/./api'), 'destinations', /not allowed as a path segment/],
  [
    'repo: percent-encoded ..',
    dest('github:repo/acme/%2e%2e'),
    'destinations',
    /"%2e%2e" is not allowed as a path segment/,
  ],
  [
    'env: environment ..',
    dest('github:env/acme/api/..'),
    'destinations',
    /\. and \.\. and empty parts are not allowed/,
  ],
  [
    'env: environment team/../prod',
    dest('github:env/acme/api/team/../prod'),
    'destinations',
    /\. and \.\. and empty parts/,
  ],
  ['env: environment .', dest('github:env/acme/api/.'), 'destinations', /\. and \.\. and empty parts/],
  ['env: owner ..', dest('github:env/../api/prod'), 'destinations', /not allowed as a path segment/],
  ['env: empty part', dest('github:env/acme/api/a//b'), 'destinations', /empty parts/],
  ['env: 256 characters', dest(`github:env/acme/api/${'e'.repeat(256)}`), 'destinations', /GitHub allows at most 255/],
  ['env: control character', dest('github:env/acme/api/prod\u0007'), 'destinations', /control characters/],
  ['org: ..', dest('github:org/..'), 'destinations', /not allowed as a path segment/],
  [
    'org repos=: ..',
    dest('github:org/acme?visibility=selected&repos=api,..'),
    'destinations',
    /"\.\." is not allowed as a path segment/,
  ],
  [
    'org repos=: .',
    dest('github:org/acme?visibility=selected&repos=.'),
    'destinations',
    /not allowed as a path segment/,
  ],
  [
    'org repos=: slash',
    dest('github:org/acme?visibility=selected&repos=a/b'),
    'destinations',
    /not a valid name segment/,
  ],
  ['repos: ..', dest('github:repos/..'), 'destinations', /not allowed as a path segment/],
  ['circleci context: org ..', dest('circleci:context/gh/../rwx'), 'destinations', /not allowed as a path segment/],
  ['circleci context: vcs ..', dest('circleci:context/../acme/rwx'), 'destinations', /not allowed as a path segment/],
  ['circleci context: name ..', dest('circleci:context/gh/acme/..'), 'destinations', /not a valid context name/],
  [
    'circleci context: NUL in the name',
    dest('circleci:context/gh/acme/rw\u0000x'),
    'destinations',
    /control characters/,
  ],
  [
    'circleci context: lone CR in the name',
    dest('circleci:context/gh/acme/rwx\r::warning::x'),
    'destinations',
    /control characters/,
  ],
  ['circleci context: tab in the name', dest('circleci:context/gh/acme/rw\tx'), 'destinations', /control characters/],
  ['circleci project: repo ..', dest('circleci:project/gh/acme/..'), 'destinations', /not allowed as a path segment/],
  ['circleci project: org .', dest('circleci:project/gh/./api'), 'destinations', /not allowed as a path segment/],
  ['gitlab group: a/../b', dest('gitlab:group/acme/../other'), 'destinations', /not allowed as a path segment/],
  ['gitlab group: ..', dest('gitlab:group/..'), 'destinations', /not allowed as a path segment/],
  ['gitlab project: ./', dest('gitlab:project/acme/./api'), 'destinations', /not allowed as a path segment/],
  [
    'gitlab scope=: encoded newline',
    dest('gitlab:project/acme/api?scope=prod%0A::warning::x'),
    'destinations',
    /option "scope" must not contain control characters/,
  ],
  [
    'gitlab scope=: encoded BEL',
    dest('gitlab:project/acme/api?scope=%07'),
    'destinations',
    /option "scope" must not contain control characters/,
  ],
  ['gitlab scope=: encoded CR', dest('gitlab:group/acme?scope=a%0Db'), 'destinations', /control characters/],
  ['gitlab scope=: raw tab', dest('gitlab:group/acme?scope=a\tb'), 'destinations', /control characters/],
  [
    'name=: encoded newline',
    dest('github:repo/acme/api?name=A%0AB'),
    'destinations',
    /option "name" must not contain control characters/,
  ],
  // Malformed percent-encoding names its input.
  [
    'malformed %: truncated sequence',
    dest('github:repo/acme/api?name=%E0%A4%A'),
    'destinations',
    /option "name" has malformed percent-encoding/,
  ],
  [
    'malformed %: lone %',
    dest('gitlab:group/acme?scope=%'),
    'destinations',
    /option "scope" has malformed percent-encoding/,
  ],
  ['malformed %: %zz', dest('gitlab:group/acme?scope=%zz'), 'destinations', /malformed percent-encoding/],
  // Other control characters in a line.
  ['ANSI escape in a line', dest('github:repo/acme/api\u001b[31m'), 'destinations', /control characters/],
  ['bidi override in a line', dest('github:repo/acme/api\u202e'), 'destinations', /control characters/],
  // Case-insensitive GitHub duplicates are one destination: refused as listed twice.
  [
    'duplicate repo in another case',
    dest('github:repo/acme/api\ngithub:repo/ACME/API'),
    'destinations',
    /listed twice \(GitHub names are case-insensitive/,
  ],
  ['duplicate org in another case', dest('github:org/acme\ngithub:org/Acme'), 'destinations', /listed twice/],
  [
    'duplicate environment in another case',
    dest('github:env/acme/api/Prod\ngithub:env/ACME/api/prod'),
    'destinations',
    /listed twice/,
  ],
  [
    'duplicate secret name in another case',
    dest('github:repo/acme/api\ngithub:repo/acme/api?name=rack_gateway_api_token'),
    'destinations',
    /listed twice/,
  ],
  // The secret-name error blames the input that supplied the name.
  [
    'secret-name: GITHUB_ prefix',
    { ...base, 'secret-name': 'GITHUB_DEPLOY' },
    'secret-name',
    /must not start with GITHUB_/,
  ],
  ['secret-name: leading digit', { ...base, 'secret-name': '1TOKEN' }, 'secret-name', /must not start with a digit/],
  [
    'secret-name: hyphen for GitLab',
    dest('gitlab:group/acme', { 'secret-name': 'MY-TOKEN' }),
    'secret-name',
    /GitLab variable keys may contain only/,
  ],
  ['?name=: GITHUB_ prefix', dest('github:repo/acme/api?name=GITHUB_X'), 'destinations', /secret name "GITHUB_X"/],
  // Base URLs: no query, no fragment, no control characters, https, no credentials.
  [
    'issuer-url with ?query',
    { ...base, 'issuer-url': 'https://gw.example.com/?next=/x' },
    'issuer-url',
    /must not have a \?query or #fragment/,
  ],
  [
    'issuer-url with #fragment',
    { ...base, 'issuer-url': 'https://gw.example.com/#x' },
    'issuer-url',
    /\?query or #fragment/,
  ],
  [
    'issuer-url with an empty ?',
    { ...base, 'issuer-url': 'https://gw.example.com/?' },
    'issuer-url',
    /\?query or #fragment/,
  ],
  [
    'github-api-url with ?query',
    { ...base, 'github-api-url': 'https://ghe.example.com/api/v3?x=1' },
    'github-api-url',
    /\?query or #fragment/,
  ],
  [
    'gitlab-url with #fragment',
    dest('gitlab:group/acme', { 'gitlab-url': 'https://gitlab.example.com/#top' }),
    'gitlab-url',
    /\?query or #fragment/,
  ],
  [
    'circleci-url with ?query',
    dest('circleci:context/gh/acme/rwx', { 'circleci-url': 'https://circleci.com?x' }),
    'circleci-url',
    /\?query or #fragment/,
  ],
  [
    'issuer-url with a newline inside',
    { ...base, 'issuer-url': 'https://gw.exa\nmple.com' },
    'issuer-url',
    /control characters/,
  ],
  [
    'issuer-url plain http off loopback',
    { ...base, 'issuer-url': 'http://gw.example.com' },
    'issuer-url',
    /must use https/,
  ],
  [
    'issuer-url with credentials',
    { ...base, 'issuer-url': 'https://user:pw@gw.example.com' },
    'issuer-url',
    /must not carry credentials/,
  ],
  // GitHub App inputs.
  [
    'github-token together with github-app-id',
    { ...base, 'github-app-id': '123', 'github-app-private-key': RSA_PRIVATE },
    'github-app-id',
    /github-token or github-app-id .* not both/,
  ],
  [
    'github-app-id not numeric',
    app({ 'github-app-id': 'my-app', 'github-app-private-key': RSA_PRIVATE }),
    'github-app-id',
    /numeric id/,
  ],
  [
    'github-app-id with a space',
    app({ 'github-app-id': '12 34', 'github-app-private-key': RSA_PRIVATE }),
    'github-app-id',
    /numeric id/,
  ],
  [
    'github-app-private-key is a public key',
    app({ 'github-app-id': '123', 'github-app-private-key': RSA_PUBLIC }),
    'github-app-private-key',
    /this is a public key/,
  ],
  [
    'github-app-private-key is not PEM',
    app({ 'github-app-id': '123', 'github-app-private-key': 'not a key at all' }),
    'github-app-private-key',
    /is not a PEM private key/,
  ],
  [
    'github-app-private-key is a truncated PEM',
    app({ 'github-app-id': '123', 'github-app-private-key': RSA_PRIVATE.slice(0, 200) }),
    'github-app-private-key',
    /is not a PEM private key/,
  ],
  [
    'github-app-private-key is an EC key',
    app({ 'github-app-id': '123', 'github-app-private-key': EC_PRIVATE }),
    'github-app-private-key',
    /ec key; GitHub App keys are RSA/,
  ],
  ['github-app-id without its key', app({ 'github-app-id': '123' }), 'github-app-id', /go together/],
  // Dates and durations are strict.
  [
    'expiry on a day that does not exist',
    { ...http, 'token-expires-in': '2027-02-30' },
    'token-expires-in',
    /not a valid date/,
  ],
  ['expiry in month 13', { ...http, 'token-expires-in': '2027-13-01' }, 'token-expires-in', /not a valid date/],
  [
    'an absurd duration in days',
    { ...http, 'token-expires-in': '99999999999d' },
    'token-expires-in',
    /longer than 100 years/,
  ],
  [
    'an absurd duration in years',
    { ...base, 'rotate-if-older-than': '999999y' },
    'rotate-if-older-than',
    /longer than 100 years/,
  ],
  ['a zero duration', { ...base, 'rotate-if-older-than': '0d' }, 'rotate-if-older-than', /positive number/],
  // One item per line: commas do not separate.
  [
    'permissions separated by commas',
    { ...http, 'token-role': undefined, 'token-permissions': 'deploy:write,logs:read' },
    'token-permissions',
    /one permission per line \(commas do not separate\)/,
  ],
  [
    'projects separated by commas',
    { ...http, 'token-role': undefined, 'token-projects': 'p1=viewer,p2=admin' },
    'token-projects',
    /one PROJECT_ID=ROLE per line/,
  ],
  // Control characters in every other input.
  ['token-role with NUL', { ...base, 'token-role': 'cicd\u0000' }, 'token-role', /control characters/],
  ['token-name with a newline', { ...base, 'token-name': 'ci\n::warning::x' }, 'token-name', /control characters/],
  ['secret-name with a newline', { ...base, 'secret-name': 'A\nB' }, 'secret-name', /control characters/],
  ['shard with NUL', { ...base, shard: '1\u0000/2' }, 'shard', /control characters/],
  [
    'issuer-token with a line break',
    { ...base, 'issuer-token': 'rgw_first_line\nsecond_line' },
    'issuer-token',
    /line break or control character/,
  ],
  [
    'github-token with BEL',
    { ...base, 'github-token': 'ghp_abc\u0007def' },
    'github-token',
    /line break or control character/,
  ],
  [
    'gitlab-token with ESC',
    dest('gitlab:group/acme', { 'gitlab-token': 'glpat\u001b[0m' }),
    'gitlab-token',
    /line break or control character/,
  ],
  // Vault: paths, mounts, fields and the Vault inputs.
  ['vault: secret/../other', vlt('vault:kv/secret/../other'), 'destinations', /not allowed as a path segment/],
  ['vault: percent-encoded ..', vlt('vault:kv/secret/%2E%2E/x'), 'destinations', /not allowed as a path segment/],
  ['vault: mount only', vlt('vault:kv/secret'), 'destinations', /a KV mount and a secret path under it/],
  ['vault: empty part', vlt('vault:kv/secret//x'), 'destinations', /expected vault:kv\/MOUNT\/PATH/],
  ['vault: space in a part', vlt('vault:kv/secret/a b'), 'destinations', /not a valid Vault path segment/],
  ['vault: another engine kind', vlt('vault:transit/keys/x'), 'destinations', /unknown Vault target "transit"/],
  ['vault: key= and name= both', vlt('vault:kv/secret/x?key=a&name=b'), 'destinations', /give one/],
  ['vault: field with a space', vlt('vault:kv/secret/x?key=a%20b'), 'destinations', /field "a b"/],
  ['vault-url missing', vlt('vault:kv/secret/x', { 'vault-url': undefined }), 'vault-url', /is required/],
  [
    'vault-url plain http',
    vlt('vault:kv/secret/x', { 'vault-url': 'http://vault.example.com' }),
    'vault-url',
    /must use https/,
  ],
  ['vault-token missing', vlt('vault:kv/secret/x', { 'vault-token': undefined }), 'vault-token', /is required/],
  [
    'vault-token with a line break',
    vlt('vault:kv/secret/x', { 'vault-token': 'hvs.a\nb' }),
    'vault-token',
    /line break or control character/,
  ],
  [
    'vault-role outside Actions',
    vlt('vault:kv/secret/x', { 'vault-token': undefined, 'vault-role': 'ci' }),
    'vault-role',
    /id-token: write/,
  ],
  ['vault-role and vault-token', vlt('vault:kv/secret/x', { 'vault-role': 'ci' }), 'vault-role', /not both/],
  [
    'vault-namespace ..',
    vlt('vault:kv/secret/x', { 'vault-namespace': 'team/..' }),
    'vault-namespace',
    /not a Vault path/,
  ],
  [
    'vault-auth-path with a space',
    vlt('vault:kv/secret/x', { 'vault-auth-path': 'jwt x' }),
    'vault-auth-path',
    /not a Vault path/,
  ],
  // AWS Secrets Manager: ARNs, names, options; credentials come from the environment only.
  [
    'aws: ARN of another service',
    dest('aws:secret/arn:aws:ssm:us-east-1:123456789012:parameter/x'),
    'destinations',
    /ARN of ssm, not of a Secrets Manager secret/,
  ],
  [
    'aws: Secrets Manager ARN not of a secret',
    dest('aws:secret/arn:aws:secretsmanager:us-east-1:123456789012:rotation:x'),
    'destinations',
    /not of a secret/,
  ],
  [
    'aws: malformed ARN',
    dest('aws:secret/arn:aws:secretsmanager:us-east-1:12:secret:x'),
    'destinations',
    /not a valid ARN/,
  ],
  [
    'aws: .. in the name',
    dest('aws:secret/ci/../prod?region=us-east-1'),
    'destinations',
    /\. and \.\. are not allowed/,
  ],
  [
    'aws: space in the name',
    dest('aws:secret/ci prod?region=us-east-1'),
    'destinations',
    /not a Secrets Manager secret name/,
  ],
  [
    'aws: region= contradicts the ARN',
    dest('aws:secret/arn:aws:secretsmanager:us-east-1:123456789012:secret:x?region=eu-west-1'),
    'destinations',
    /contradicts the ARN's region us-east-1/,
  ],
  ['aws: region= not a region', dest('aws:secret/x?region=EU'), 'destinations', /not an AWS region/],
  [
    'aws: create=true with an ARN',
    dest('aws:secret/arn:aws:secretsmanager:us-east-1:123456789012:secret:x?create=true'),
    'destinations',
    /needs the secret's name/,
  ],
  ['aws: name= is not an option', dest('aws:secret/x?name=Y'), 'destinations', /unknown option "name"/],
  ['aws: empty key=', dest('aws:secret/x?key='), 'destinations', /key= must name a field/],
  [
    'aws: no credentials in the environment',
    dest('aws:secret/x?region=us-east-1'),
    'AWS_ACCESS_KEY_ID',
    /is required for aws: destinations/,
  ],
  // GitLab instance variables: no environment scope, no hidden flag, no path.
  ['gitlab instance: scope=', dest('gitlab:instance?scope=production'), 'destinations', /no environment scope/],
  ['gitlab instance: hidden=', dest('gitlab:instance?hidden=true'), 'destinations', /no hidden flag/],
  ['gitlab instance: a path', dest('gitlab:instance/acme'), 'destinations', /takes no path/],
]

describe('bad input is refused in the plan, naming the input and the rule', () => {
  it('has at least 60 cases', () => expect(BAD.length).toBeGreaterThanOrEqual(60))

  it.each(BAD)('%s', (_what, inputs, input, rule) => {
    const err = refusal(() => buildPlan(inputs, {}, NOW))
    expect(err.input).toBe(input)
    expect(err.message.startsWith(`${input}: `), err.message).toBe(true)
    expect(err.message).toMatch(rule)
    // The message is one safe line, and a credential's value is never quoted.
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(err.message).not.toMatch(/[\r\n\u0000-\u001f]/)
    for (const secret of ['rgw_first_line', 'ghp_abc', 'glpat'])
      if (input.endsWith('-token')) expect(err.message).not.toContain(secret)
  })
})

describe('AWS settings come from the environment and are checked like inputs', () => {
  const env = { AWS_ACCESS_KEY_ID: 'AKIAPLANCHECK0000000', AWS_SECRET_ACCESS_KEY: 'plan-secret-key-0000' }
  it.each<[string, Record<string, string>, string, RegExp]>([
    ['no region anywhere', env, 'AWS_REGION', /is required for aws:secret\/x/],
    ['AWS_REGION not a region', { ...env, AWS_REGION: 'Europe' }, 'AWS_REGION', /not an AWS region/],
    [
      'an endpoint over plain http',
      { ...env, AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://aws.example.com' },
      'AWS_ENDPOINT_URL',
      /must use https/,
    ],
    [
      'an access key id that is not one',
      { ...env, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'key id' },
      'AWS_ACCESS_KEY_ID',
      /not an AWS access key id/,
    ],
  ])('%s', (_what, environment, input, rule) => {
    const err = refusal(() => buildPlan(dest('aws:secret/x'), environment, NOW))
    expect(err.input).toBe(input)
    expect(err.message).toMatch(rule)
    expect(err.message).not.toContain(env.AWS_SECRET_ACCESS_KEY)
  })
})

describe('file paths are checked before anything is minted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-action-files-'))
  const cases: [string, string, string, RegExp][] = [
    [
      'report-file in a missing directory',
      'report-file',
      join(dir, 'missing', 'report.json'),
      /directory .* does not exist/,
    ],
    ['report-file that is a directory', 'report-file', dir, /is a directory/],
    ['token-file under a regular file', 'token-file', join(dir, 'plain', 'token'), /is not a directory/],
    ['token-file in a read-only directory', 'token-file', join(dir, 'ro', 'token'), /is not writable/],
  ]
  writeFileSync(join(dir, 'plain'), 'x')
  mkdirSync(join(dir, 'ro'))
  chmodSync(join(dir, 'ro'), 0o500)
  const root = process.getuid?.() === 0

  it.each(cases)('%s', (what, input, path, rule) => {
    if (root && what.includes('read-only')) return // root writes anywhere
    const err = refusal(() => checkWritableFile(input, path))
    expect(err.input).toBe(input)
    expect(err.message).toMatch(rule)
  })

  it('writes 0600 over an existing 0644 file and replaces a symlink instead of following it', () => {
    const existing = join(dir, 'existing')
    writeFileSync(existing, 'old', { mode: 0o644 })
    writeFilePrivately(existing, 'new-secret')
    expect(statSync(existing).mode & 0o777).toBe(0o600)
    expect(readFileSync(existing, 'utf8')).toBe('new-secret')
    const victim = join(dir, 'victim')
    writeFileSync(victim, 'must stay', { mode: 0o644 })
    const link = join(dir, 'link')
    symlinkSync(victim, link)
    writeFilePrivately(link, 'new-secret')
    expect(readFileSync(victim, 'utf8')).toBe('must stay')
    expect(lstatSync(link).isSymbolicLink()).toBe(false)
    expect(statSync(link).mode & 0o777).toBe(0o600)
  })
})

describe('the destination parser is linear', () => {
  it('strips comments by scanning, not with a backtracking /\\s+#.*$/ regex', () => {
    const source = readFileSync(join(ROOT, 'src', 'plan', 'grammar.ts'), 'utf8')
    expect(source).not.toMatch(/replace\(\/\\s\+#/)
    const plan = readFileSync(join(ROOT, 'src', 'plan', 'values.ts'), 'utf8')
    expect(plan).not.toMatch(/replace\(\/\\\/\+\$\//)
    expect(stripComment('github:repo/a/b   # note')).toBe('github:repo/a/b   ')
    expect(stripComment('github:repos/a?match=x#y')).toBe('github:repos/a?match=x#y')
    expect(stripComment('# whole line')).toBe('')
    expect(stripComment('\t# tab')).toBe('\t')
  })

  // Took 11 s with the quadratic regex; the timeout only guards against a regression of that kind.
  it('parses a 120 KB line of spaces (and one with a destination inside) at once', { timeout: 5000 }, () => {
    const spaces = ' '.repeat(120_000)
    expect(parseTargets(spaces, 'T')).toEqual([])
    expect(parseTargets(`${spaces}github:repo/acme/api${spaces}`, 'T').map((t) => t.id)).toEqual([
      'github:repo/acme/api',
    ])
    const err = refusal(() => parseTargets(`${spaces}x${spaces}y`, 'T'))
    expect(err.message.length).toBeLessThan(1200)
    expect(
      refusal(() => buildPlan({ ...base, 'issuer-url': `https://gw.example.com${'/'.repeat(120_000)}x?` })).input,
    ).toBe('issuer-url')
  })
})

// ---- through the committed bundles: exit 2, and no emulator sees a request -------------------

const world = useWorld()
const { gh, rgw, cci, gl, http: hz } = world
const emulators = () => [gh, rgw, cci, gl, hz]
beforeEach(() => {
  for (const e of emulators()) e.requests.length = 0
})

/** Inputs that would run (and reach every emulator) but for the one bad value. */
function live(extra: Inputs): Inputs {
  return {
    issuer: 'rack-gateway',
    'issuer-url': rgw.url,
    'issuer-token': 'rgw_admin_credential_0000',
    'token-role': 'cicd',
    'token-name': 'rack-gateway-api-token',
    'github-token': 'ghp_dist_credential_0000',
    'github-api-url': gh.url,
    'circleci-token': 'circle_dist_credential',
    'circleci-url': cci.url,
    'gitlab-token': 'glpat_dist_credential',
    'gitlab-url': gl.url,
    destinations: 'github:repo/acme/api\ncircleci:context/gh/acme/rwx\ngitlab:group/acme',
    ...extra,
  }
}

const DIST: [string, () => Inputs, string, RegExp][] = [
  [
    'github:repo/../.. (the path that reached /actions/secrets/public-key)',
    () => live({ destinations: 'github:repo/../..' }),
    'destinations',
    /not allowed as a path segment/,
  ],
  ['environment ..', () => live({ destinations: 'github:env/acme/api/..' }), 'destinations', /\. and \.\./],
  [
    'gitlab scope with an encoded newline',
    () => live({ destinations: 'gitlab:group/acme?scope=x%0A::stop-commands::y' }),
    'destinations',
    /control characters/,
  ],
  [
    'malformed percent-encoding',
    () => live({ destinations: 'gitlab:group/acme?scope=%E0%A4%A' }),
    'destinations',
    /malformed percent-encoding/,
  ],
  [
    'case-insensitive duplicate',
    () => live({ destinations: 'github:repo/acme/api\ngithub:repo/Acme/Api' }),
    'destinations',
    /listed twice/,
  ],
  ['issuer-url with a query', () => live({ 'issuer-url': `${rgw.url}/?x=1` }), 'issuer-url', /\?query or #fragment/],
  [
    'github-api-url with a fragment',
    () => live({ 'github-api-url': `${gh.url}/#x` }),
    'github-api-url',
    /\?query or #fragment/,
  ],
  [
    'github-app-private-key that is a public key',
    () => live({ 'github-token': undefined, 'github-app-id': '42', 'github-app-private-key': RSA_PUBLIC }),
    'github-app-private-key',
    /public key/,
  ],
  [
    'github-token with github-app-id',
    () => live({ 'github-app-id': '42', 'github-app-private-key': RSA_PRIVATE }),
    'github-app-id',
    /not both/,
  ],
  [
    'an absurd expiry',
    () =>
      live({
        issuer: 'http',
        'issuer-url': hz.url,
        'token-role': 'deployer',
        'secret-name': 'HZ',
        'token-expires-in': '99999999999d',
      }),
    'token-expires-in',
    /longer than 100 years/,
  ],
  [
    'report-file in a missing directory',
    () => live({ 'report-file': join(tmpdir(), 'no-such-dir-token-action', 'r.json') }),
    'report-file',
    /does not exist/,
  ],
]

function expectNoRequest(): void {
  for (const e of emulators()) expect(e.requests, e.name).toEqual([])
}

describe('through dist/cli.js: exit 2 and no request', () => {
  it.each(DIST)('%s', async (_what, make, input, rule) => {
    const env = Object.fromEntries(
      Object.entries(make()).flatMap(([k, v]) => (v === undefined ? [] : [[envName(k), v]])),
    )
    const run = await runCli(['rotate'], { env })
    expect(run.code, run.log).toBe(2)
    // The CLI names inputs as its flags; a secret, whose flag is refused, as its variable.
    const secret = (SECRET_INPUTS as readonly string[]).includes(input)
    expect(run.stderr).toContain(`error: ${secret ? envName(input) : `--${input}`}`)
    expect(run.stderr).toMatch(rule)
    expectNoRequest()
  })
})

describe('through dist/index.js (the Action): exit 2 and no request', () => {
  it.each(DIST.filter((_, i) => i % 2 === 0))('%s', async (_what, make, input, rule) => {
    const run = await runAction(make())
    expect(run.code, run.log).toBe(2)
    expect(run.stdout).toContain(`::error::${input}: `)
    expect(run.stdout).toMatch(rule)
    expect(run.stdout).not.toMatch(/^::(?!error|add-mask)/m)
    expectNoRequest()
  })
})

describe('CLI secrets never come from argv', () => {
  const SECRET_FLAGS = [
    'issuer-token',
    'token',
    'github-token',
    'circleci-token',
    'gitlab-token',
    'github-app-private-key',
  ]

  it.each(SECRET_FLAGS)(
    '--%s VALUE is refused with exit 2, naming its TOKEN_ACTION_* variable, without echoing the value',
    async (flag) => {
      const value = 'argv-secret-value-0123456789'
      const env = Object.fromEntries(
        Object.entries(live({ [flag]: undefined })).flatMap(([k, v]) => (v === undefined ? [] : [[envName(k), v]])),
      )
      const run = await runCli(['rotate', `--${flag}`, value], { env })
      expect(run.code, run.log).toBe(2)
      expect(run.stderr).toContain(
        `error: --${flag}: a secret is never a command-line flag: other users of the machine can read a command line`,
      )
      expect(run.stderr).toContain(envName(flag))
      expect(run.log).not.toContain(value)
      expectNoRequest()
    },
  )

  it('--flag=VALUE is refused the same way', async () => {
    const run = await runCli(['plan', '--issuer', 'rack-gateway', '--issuer-token=argv-secret-value-0123456789'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('TOKEN_ACTION_ISSUER_TOKEN')
    expect(run.log).not.toContain('argv-secret-value')
  })

  it('--help shows only the safe forms', async () => {
    const run = await runCli(['rotate', '--help'])
    expect(run.code).toBe(0)
    for (const flag of SECRET_FLAGS) expect(run.stdout).not.toMatch(new RegExp(`--${flag} <value>`))
    expect(run.stdout).toContain('--issuer-token-file <path>')
    expect(run.stdout).toContain('--github-app-private-key-file <path>')
    expect(run.stdout).toContain('TOKEN_ACTION_ISSUER_TOKEN')
    expect(run.stdout).not.toMatch(/--token "\$/)
  })

  it('--issuer-token-file reads the credential from a file; an unreadable one is exit 2 with no request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-secret-file-'))
    const file = join(dir, 'admin')
    const admin = rgw.addAdminToken()
    writeFileSync(file, `${admin}\n`, { mode: 0o600 })
    const env = Object.fromEntries(
      Object.entries(live({ 'issuer-token': undefined, destinations: 'gitlab:group/acme' })).flatMap(([k, v]) =>
        v === undefined ? [] : [[envName(k), v]],
      ),
    )
    gl.addGroup('acme')
    gl.addToken('glpat_dist_credential', { username: 'owner', access: { acme: 50 } })
    const ok = await runCli(['plan', '--issuer-token-file', file], { env })
    expect(ok.code, ok.log).toBe(0)
    expect(rgw.requests.some((r) => r.path === '/api/v1/api-tokens')).toBe(true)
    for (const e of emulators()) e.requests.length = 0
    const missing = await runCli(['plan', '--issuer-token-file', join(dir, 'nope')], { env })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/issuer-token-file: cannot read .*ENOENT/)
    expectNoRequest()
  })

  it('--token-file in a missing directory is exit 2 before anything is minted', async () => {
    const env = Object.fromEntries(
      Object.entries(live({ destinations: 'gitlab:group/acme' })).flatMap(([k, v]) =>
        v === undefined ? [] : [[envName(k), v]],
      ),
    )
    const run = await runCli(['create', '--token-file', join(tmpdir(), 'no-such-dir-token-action', 'token')], { env })
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/token-file: cannot write .* does not exist/)
    expectNoRequest()
  })

  it('--token-file replaces an existing 0644 file and a planted symlink with a 0600 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-token-file-'))
    const victim = join(dir, 'victim')
    writeFileSync(victim, 'do not overwrite', { mode: 0o644 })
    const tokenFile = join(dir, 'token')
    symlinkSync(victim, tokenFile)
    gl.addGroup('acme')
    gl.addToken('glpat_dist_credential', { username: 'owner', access: { acme: 50 } })
    const env = Object.fromEntries(
      Object.entries(
        live({
          'issuer-token': rgw.addAdminToken(),
          'token-name': 'hostile-input-token-file',
          destinations: 'gitlab:group/acme?name=TOKEN_FILE_TEST',
        }),
      ).flatMap(([k, v]) => (v === undefined ? [] : [[envName(k), v]])),
    )
    const run = await runCli(['create', '--token-file', tokenFile], { env })
    expect(run.code, run.log).toBe(0)
    expect(readFileSync(victim, 'utf8')).toBe('do not overwrite')
    expect(lstatSync(tokenFile).isSymbolicLink()).toBe(false)
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(tokenFile, 'utf8')).toMatch(/^rgw_/)
    expect(() => readlinkSync(tokenFile)).toThrow()
  })
})
