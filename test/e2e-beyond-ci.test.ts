/**
 * Issue 20's end-to-end, through the committed dist/index.js: a rotation into HashiCorp Vault (KV v2
 * and v1), AWS Secrets Manager (plain and key=), a GitLab instance-level variable and GitHub
 * Enterprise Server (repo and org secrets, GitHub App too, the emulator mounted under /api/v3); lost
 * answers at each new destination; and preflight failures that stop a run before anything is minted.
 */
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AwsSecretsManagerEmulator } from './emulators/aws-secrets-manager.js'
import { PASS, type EmuRequest, type EmuResponse } from './emulators/base.js'
import { GitHubEmulator } from './emulators/github.js'
import { ActionsOidcEmulator, VaultEmulator } from './emulators/vault.js'
import { leakedForms, runAction, runCli } from './helpers/run-dist.js'
import { ACCOUNTS, useWorld } from './helpers/world.js'

const world = useWorld()
const { rgw, gl } = world
const ghes = new GitHubEmulator({ basePath: '/api/v3' })
const oidc = new ActionsOidcEmulator()
const vault = new VaultEmulator({ oidc })
const aws = new AwsSecretsManagerEmulator({ region: 'eu-west-1' })

const VAULT_TOKEN = 'hvs.writer-0000000000000000000000'
const ADMIN_GITLAB = 'glpat-admin-000000000000000000000'
const AWS_KEY = {
  id: 'ASIAEMULATOR00000001',
  secret: 'aws-secret-key/emulated+0000000000000000',
  session: 'IQoJb3JpZ2luX2VjEMULATEDsession0000',
}
const NAME = 'RACK_GATEWAY_API_TOKEN'
let admin: string
let run = 0

beforeAll(async () => {
  await Promise.all([ghes.start(), oidc.start(), vault.start(), aws.start()])
  ghes.addToken(ACCOUNTS.githubToken, { login: 'rotator' })
  ghes.addOrg('acme')
  ghes.addRepo('acme', 'api')
  ghes.installApp('acme', 4242)
  vault.addMount('secret', { version: 2 })
  vault.addMount('team/kv', { version: 2 })
  vault.addMount('kv1', { version: 1 })
  vault.addMount('transit', { type: 'transit' })
  vault.addMount('kv', { version: 2, namespace: 'team-a' })
  vault.addToken('hvs.team-a-00000000000000000000', { 'kv/data/*': ['create', 'read', 'update'] }, 'team-a')
  vault.addToken(VAULT_TOKEN, {
    'secret/data/*': ['create', 'read', 'update'],
    'kv1/*': ['create', 'read', 'update'],
    'team/kv/data/*': ['create', 'read', 'update'],
  })
  vault.addRole('rotator', { repository: 'acme/api', policy: { 'secret/data/*': ['create', 'read', 'update'] } })
  aws.addCredentials(AWS_KEY.id, AWS_KEY.secret, { sessionToken: AWS_KEY.session })
  gl.addToken(ADMIN_GITLAB, { username: 'root', access: {}, admin: true })
})
afterAll(async () => {
  await Promise.all([ghes.close(), oidc.close(), vault.close(), aws.close()])
})
beforeEach(() => {
  admin = rgw.addAdminToken()
  run++
  for (const e of [ghes, vault, aws, gl]) e.setFaults([])
})

function awsEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: AWS_KEY.id,
    AWS_SECRET_ACCESS_KEY: AWS_KEY.secret,
    AWS_SESSION_TOKEN: AWS_KEY.session,
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
  }
}

function inputs(destinations: string[], extra: Record<string, string> = {}): Record<string, string> {
  return world.inputs({
    'issuer-token': admin,
    'token-name': `beyond-ci-${run}`,
    'github-api-url': ghes.url,
    'vault-url': vault.url,
    'vault-token': VAULT_TOKEN,
    'gitlab-token': ADMIN_GITLAB,
    destinations: destinations.join('\n'),
    ...extra,
  })
}

const liveTokens = (prefix: string) => rgw.tokens().filter((t) => t.name.startsWith(prefix))

describe('beyond CI: Vault, AWS Secrets Manager, GitLab instance, GHES', () => {
  it('rotates into every new destination, keeps other fields, revokes the previous token, leaks no credential', async () => {
    vault.seedSecret(`secret/ci/rwx-${run}`, { other: 'kept', [NAME]: 'old' })
    vault.seedSecret(`kv1/ci/rwx-${run}`, { other: 'kept-v1' })
    aws.seedSecret(`ci/plain-${run}`, 'old')
    aws.seedSecret(`ci/bundle-${run}`, JSON.stringify({ other: 'kept-json', RACK: 'old' }))
    const lines = [
      `vault:kv/secret/ci/rwx-${run}`,
      `vault:kv/kv1/ci/rwx-${run}?key=token`,
      `vault:kv/team/kv/app/ci-${run}`,
      `aws:secret/ci/plain-${run}`,
      `aws:secret/ci/bundle-${run}?key=RACK`,
      'gitlab:instance',
      'github:repo/acme/api',
      'github:org/acme',
    ]
    const first = await runAction(inputs(lines), { env: awsEnv() })
    expect(first.code, first.log).toBe(0)
    expect(first.outputs.outcome).toBe('rotated')
    rgw.ageToken(first.outputs['token-id']!, 1)
    const second = await runAction(inputs(lines), { env: awsEnv() })
    expect(second.code, second.log).toBe(0)
    expect(JSON.parse(second.outputs['revoked-ids']!)).toEqual([first.outputs['token-id']])

    const secret = ghes.secretValue({ repo: 'acme/api' }, NAME)!
    expect(rgw.isValid(secret)).toBe(true)
    expect(ghes.orgSecret('acme', NAME)?.value).toBe(secret)
    expect(vault.secret(`secret/ci/rwx-${run}`)).toEqual({ other: 'kept', [NAME]: secret })
    expect(vault.versions(`secret/ci/rwx-${run}`)).toBe(3)
    expect(vault.secret(`kv1/ci/rwx-${run}`)).toEqual({ other: 'kept-v1', token: secret })
    expect(vault.secret(`team/kv/app/ci-${run}`)).toEqual({ [NAME]: secret })
    expect(aws.current(`ci/plain-${run}`)).toBe(secret)
    expect(JSON.parse(aws.current(`ci/bundle-${run}`)!)).toEqual({ other: 'kept-json', RACK: secret })
    expect(gl.instanceVariable(NAME)).toMatchObject({ value: secret, masked: true, protected: false, raw: true })

    expect(aws.verifiedSignatures).toBeGreaterThan(0)
    expect(aws.signatureFailures).toEqual([])
    expect(aws.modelViolations).toEqual([])
    expect(vault.openApiViolations).toEqual([])
    expect(ghes.openApiViolations).toEqual([])
    for (const credential of [secret, VAULT_TOKEN, AWS_KEY.secret, AWS_KEY.session])
      expect(leakedForms(credential, second.log + second.summary + second.outputs.report)).toEqual([])
    for (const credential of [VAULT_TOKEN, AWS_KEY.secret, AWS_KEY.session])
      expect(second.log).toContain(`::add-mask::${credential}`)
    expect(second.summary).toContain('`gitlab:instance`')
  })

  it('KV v2 check-and-set: another writer changing the secret between read and write is merged, not overwritten', async () => {
    const path = `secret/contended-${run}`
    vault.seedSecret(path, { first: 'kept' })
    let raced = false
    const race = (req: EmuRequest): EmuResponse => {
      if (!raced && req.method === 'POST' && req.path === `/v1/secret/data/contended-${run}`) {
        raced = true
        vault.seedSecret(path, { first: 'kept', second: 'written meanwhile' })
      }
      return PASS
    }
    vault.guards.unshift(race)
    try {
      const result = await runAction(inputs([`vault:kv/${path}`]))
      expect(result.code, result.log).toBe(0)
      expect(raced).toBe(true)
      const data = vault.secret(path)!
      expect(data).toMatchObject({ first: 'kept', second: 'written meanwhile' })
      expect(rgw.isValid(data[NAME] as string)).toBe(true)
      expect(result.outputs.report).toContain('another writer changed the secret meanwhile')
    } finally {
      vault.guards.splice(vault.guards.indexOf(race), 1)
    }
  })

  it('vault-namespace sends X-Vault-Namespace: the mount and the token live in that namespace', async () => {
    const result = await runAction(
      inputs([`vault:kv/kv/ns-${run}`], {
        'vault-token': 'hvs.team-a-00000000000000000000',
        'vault-namespace': 'team-a',
      }),
    )
    expect(result.code, result.log).toBe(0)
    expect(rgw.isValid(vault.secret(`kv/ns-${run}`, 'team-a')![NAME] as string)).toBe(true)
    expect(vault.secret(`kv/ns-${run}`)).toBeUndefined()
  })

  it('GHES with a GitHub App: the installation token is minted at the /api/v3 base too, and revoked', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const before = ghes.requests.length
    const result = await runAction(
      inputs(['github:repo/acme/api', 'github:org/acme'], {
        'github-token': '',
        'github-app-id': '12345',
        'github-app-private-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    )
    expect(result.code, result.log).toBe(0)
    const paths = ghes.requests.slice(before).map((r) => `${r.method} ${r.path}`)
    expect(paths).toContain('POST /app/installations/4242/access_tokens')
    expect(paths).toContain('DELETE /installation/token')
    expect(rgw.isValid(ghes.secretValue({ repo: 'acme/api' }, NAME)!)).toBe(true)
  })

  it("vault-role logs in with the job's OIDC token and revokes its Vault token at the end", async () => {
    const result = await runAction(
      inputs([`vault:kv/secret/oidc-${run}`], { 'vault-token': '', 'vault-role': 'rotator' }),
      { env: { ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken } },
    )
    expect(result.code, result.log).toBe(0)
    expect(rgw.isValid(vault.secret(`secret/oidc-${run}`)![NAME] as string)).toBe(true)
    expect(vault.revoked.length).toBeGreaterThan(0)
    expect(vault.liveLoginTokens()).toEqual([])
    expect(result.log).toContain(`::add-mask::${oidc.requestToken}`)
  })

  it('CLI in GitLab CI: vault-role logs in with the id_tokens JWT (VAULT_ID_TOKEN), then revokes; the JWT never shows', async () => {
    const issued = (await (
      await fetch(oidc.requestUrl, { headers: { authorization: `Bearer ${oidc.requestToken}` } })
    ).json()) as { value: string }
    const revokedBefore = vault.revoked.length
    const result = await runCli(['rotate', '--vault-role', 'rotator'], {
      env: {
        TOKEN_ACTION_ISSUER: 'rack-gateway',
        TOKEN_ACTION_ISSUER_URL: rgw.url,
        TOKEN_ACTION_ISSUER_TOKEN: admin,
        TOKEN_ACTION_TOKEN_ROLE: 'cicd',
        TOKEN_ACTION_TOKEN_NAME: `beyond-ci-cli-${run}`,
        TOKEN_ACTION_DESTINATIONS: `vault:kv/secret/gitlab-${run}`,
        VAULT_ADDR: vault.url,
        VAULT_ID_TOKEN: issued.value,
      },
    })
    expect(result.code, result.log).toBe(0)
    expect(rgw.isValid(vault.secret(`secret/gitlab-${run}`)![NAME] as string)).toBe(true)
    expect(vault.revoked.length).toBe(revokedBefore + 1)
    expect(vault.liveLoginTokens()).toEqual([])
    expect(leakedForms(issued.value, result.log)).toEqual([])
  })

  it('a lost answer at each new destination ends with every destination on the valid token and an honest report', async () => {
    vault.seedSecret(`secret/lost-${run}`, { other: 'kept' })
    aws.seedSecret(`ci/lost-${run}`, 'old')
    vault.setFaults([
      { match: new RegExp(`^POST /v1/secret/data/lost-${run}$`), rate: 1, kind: 'lost-502', limit: 1 },
      { match: new RegExp(`^POST /v1/kv1/lost-${run}$`), rate: 1, kind: 'lost-reset', limit: 1 },
    ])
    // DescribeSecret answers first; the second request to / is the PutSecretValue.
    aws.setFaults([{ match: /^POST \/$/, rate: 1, kind: 'lost-502', limit: 1, after: 1 }])
    gl.setFaults([{ match: /^(POST|PUT) \/api\/v4\/admin\/ci\/variables/, rate: 1, kind: 'lost-502', limit: 1 }])
    const result = await runAction(
      inputs([
        `vault:kv/secret/lost-${run}`,
        `vault:kv/kv1/lost-${run}`,
        `aws:secret/ci/lost-${run}`,
        'gitlab:instance',
      ]),
      { env: awsEnv() },
    )
    expect(result.code, result.log).toBe(0)
    const report = JSON.parse(result.outputs.report!) as { destinations: { id: string; status: string }[] }
    expect(report.destinations.map((d) => d.status)).not.toContain('failed')
    const secret = aws.current(`ci/lost-${run}`)!
    expect(rgw.isValid(secret)).toBe(true)
    expect(vault.secret(`secret/lost-${run}`)).toEqual({ other: 'kept', [NAME]: secret })
    expect(vault.secret(`kv1/lost-${run}`)).toEqual({ [NAME]: secret })
    expect(gl.instanceVariable(NAME)?.value).toBe(secret)
    // The resend carried the same ClientRequestToken: one new version, not two.
    expect(aws.versionCount(`ci/lost-${run}`)).toBe(2)
  })

  it.each<{ what: string; setup: () => void; line: () => string; extra: Record<string, string>; names: string }>([
    {
      what: 'a Vault token without the write capability',
      setup: () => vault.addToken('hvs.reader-000000000000000000000', { 'secret/data/*': ['read'] }),
      line: () => `vault:kv/secret/readonly-${run}`,
      extra: { 'vault-token': 'hvs.reader-000000000000000000000' },
      names: 'vault-token lacks "create"',
    },
    {
      what: 'a missing AWS secret without create=true',
      setup: () => undefined,
      line: () => `aws:secret/ci/missing-${run}`,
      extra: {},
      names: 'add create=true',
    },
    {
      what: 'a GitLab token that is not an administrator',
      setup: () => undefined,
      line: () => 'gitlab:instance',
      extra: { 'gitlab-token': ACCOUNTS.gitlabToken },
      names: 'gitlab-token may not manage instance-level CI/CD variables',
    },
  ])(
    '$what fails the dry run and the rotation before anything is minted, naming it',
    async ({ setup, line, extra, names }) => {
      setup()
      const prefix = `beyond-ci-${run}`
      for (const dry of ['true', 'false']) {
        const result = await runAction(inputs([line()], { ...extra, 'dry-run': dry }), { env: awsEnv() })
        expect(result.code, result.log).not.toBe(0)
        expect(result.log).toContain(names)
        expect(liveTokens(prefix)).toEqual([])
      }
    },
  )

  it('create=true makes a missing AWS secret; an ARN of another service is refused before any request', async () => {
    const made = await runAction(inputs([`aws:secret/ci/new-${run}?create=true`]), { env: awsEnv() })
    expect(made.code, made.log).toBe(0)
    expect(rgw.isValid(aws.current(`ci/new-${run}`)!)).toBe(true)
    const refused = await runAction(inputs(['aws:secret/arn:aws:ssm:eu-west-1:123456789012:parameter/x']), {
      env: awsEnv(),
    })
    expect(refused.code).toBe(2)
    expect(refused.log).toContain('not of a Secrets Manager secret')
  })
})
