/**
 * The Vault, AWS Secrets Manager and GitLab instance-variable emulators answer like the real
 * services and refuse what the published descriptions do not allow: raw HTTP against them.
 */
import aws4 from 'aws4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AwsSecretsManagerEmulator } from './aws-secrets-manager.js'
import { GitLabEmulator } from './gitlab.js'
import { VaultEmulator } from './vault.js'

const vault = new VaultEmulator()
const aws = new AwsSecretsManagerEmulator()
const gl = new GitLabEmulator()
const KEY = { accessKeyId: 'AKIAEMULATORTEST0000', secretAccessKey: 'emulator-test-secret-key-000' }

beforeAll(async () => {
  await Promise.all([vault.start(), aws.start(), gl.start()])
  vault.addMount('secret', { version: 2 })
  vault.addToken('hvs.t', { 'secret/*': ['create', 'read', 'update'] })
  aws.addCredentials(KEY.accessKeyId, KEY.secretAccessKey)
  gl.addToken('glpat-admin', { username: 'root', access: {}, admin: true })
  gl.addToken('glpat-user', { username: 'user', access: {} })
})
afterAll(async () => Promise.all([vault.close(), aws.close(), gl.close()]))

async function vaultCall(method: string, path: string, body?: unknown) {
  const res = await fetch(`${vault.url}/v1${path}`, {
    method,
    headers: { 'x-vault-token': 'hvs.t', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 204 ? undefined : ((await res.json()) as Record<string, unknown>) }
}

/** A Secrets Manager call signed by aws4; `tamper` changes the body after signing. */
async function awsCall(op: string, body: unknown, tamper?: (signed: string) => string) {
  const url = new URL(aws.url)
  const text = JSON.stringify(body)
  const signed = aws4.sign(
    {
      host: url.host,
      path: '/',
      method: 'POST',
      service: 'secretsmanager',
      region: aws.region,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `secretsmanager.${op}` },
      body: text,
    },
    KEY,
  )
  const headers = Object.fromEntries(
    Object.entries(signed.headers ?? {}).filter(([k]) => !/^(host|content-length)$/i.test(k)),
  ) as Record<string, string>
  const res = await fetch(aws.url, { method: 'POST', headers, body: tamper ? tamper(text) : text })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

describe('Vault emulator', () => {
  it('finds the mount and KV version of a path the way the Vault CLI asks', async () => {
    const res = await vaultCall('GET', '/sys/internal/ui/mounts/secret/app/ci')
    expect(res.status).toBe(200)
    expect(res.body!.data).toMatchObject({ path: 'secret/', type: 'kv', options: { version: '2' } })
    expect((await vaultCall('GET', '/sys/internal/ui/mounts/nowhere/x')).status).toBe(403)
  })

  it("check-and-set: a stale version is 400 with Vault's words; a body outside the description is refused", async () => {
    expect((await vaultCall('POST', '/secret/data/cas', { data: { a: '1' }, options: { cas: 0 } })).status).toBe(200)
    const stale = await vaultCall('POST', '/secret/data/cas', { data: { a: '2' }, options: { cas: 0 } })
    expect(stale).toEqual({
      status: 400,
      body: { errors: ['check-and-set parameter did not match the current version'] },
    })
    const typo = await vaultCall('POST', '/secret/data/cas', { data: { a: '3' }, option: { cas: 1 } })
    expect(typo.status).toBe(400)
    expect(vault.openApiViolations.join('\n')).toMatch(/must NOT have additional properties/)
  })
})

describe('AWS Secrets Manager emulator', () => {
  it('accepts a request signed by aws4 after verifying it with @smithy/signature-v4', async () => {
    aws.seedSecret('emu/ok', 'v1')
    const before = aws.verifiedSignatures
    const res = await awsCall('GetSecretValue', { SecretId: 'emu/ok' })
    expect(res).toMatchObject({ status: 200, body: { Name: 'emu/ok', SecretString: 'v1' } })
    expect(aws.verifiedSignatures).toBe(before + 1)
  })

  it('a body changed after signing fails the signature check', async () => {
    const res = await awsCall('GetSecretValue', { SecretId: 'emu/ok' }, (t) => t.replace('emu/ok', 'emu/other'))
    expect(res).toMatchObject({ status: 403, body: { __type: 'InvalidSignatureException' } })
  })

  it('the Smithy model is enforced: unknown members, lengths', async () => {
    const res = await awsCall('PutSecretValue', {
      SecretId: 'emu/ok',
      SecretString: 'x',
      ClientRequestToken: 'short',
      Extra: 1,
    })
    expect(res.body.__type).toBe('ValidationException')
    expect(aws.modelViolations.join('\n')).toMatch(/Extra: not a member/)
    expect(aws.modelViolations.join('\n')).toMatch(/ClientRequestToken: length 5 outside 32\.\.64/)
  })

  it('ClientRequestToken: the same again is a no-op, the same with another value ResourceExistsException', async () => {
    const token = '0123456789abcdef0123456789abcdef'
    const put = (value: string) =>
      awsCall('PutSecretValue', { SecretId: 'emu/ok', SecretString: value, ClientRequestToken: token })
    expect((await put('v2')).status).toBe(200)
    expect((await put('v2')).status).toBe(200)
    expect(aws.versionCount('emu/ok')).toBe(2)
    expect((await put('v3')).body.__type).toBe('ResourceExistsException')
  })

  it('throttling answers 400 ThrottlingException when switched on', async () => {
    aws.setThrottle({ limit: 0, windowMs: 60_000 })
    const res = await awsCall('DescribeSecret', { SecretId: 'emu/ok' })
    aws.setThrottle(undefined)
    expect(res).toEqual({ status: 400, body: { __type: 'ThrottlingException', message: 'Rate exceeded' } })
  })
})

describe('GitLab instance-level variables', () => {
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${gl.url}/api/v4/admin/ci/variables${path}`, {
      method,
      headers: { 'private-token': token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it('administrators only; no environment scope or hidden flag in the answer', async () => {
    expect((await call('glpat-user', 'GET', '')).status).toBe(403)
    const made = await call('glpat-admin', 'POST', '', {
      key: 'EMU_VAR',
      value: 'value-12345',
      masked: true,
      raw: true,
    })
    expect(made.status).toBe(201)
    const body = (await made.json()) as Record<string, unknown>
    expect(body).toMatchObject({ key: 'EMU_VAR', value: 'value-12345', masked: true })
    expect(body).not.toHaveProperty('environment_scope')
    expect(body).not.toHaveProperty('hidden')
    expect((await call('glpat-admin', 'GET', '/EMU_VAR')).status).toBe(200)
    expect((await call('glpat-admin', 'GET', '/NOPE')).status).toBe(404)
  })
})
