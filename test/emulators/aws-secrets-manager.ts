/**
 * AWS Secrets Manager emulator (JSON 1.1 protocol: `POST /`, `X-Amz-Target: secretsmanager.<Op>`),
 * for DescribeSecret, GetSecretValue, PutSecretValue and CreateSecret as the API reference describes:
 * - Every request's Signature V4 is verified with `@smithy/signature-v4` (the AWS SDK's signer; the
 *   product signs with `aws4`): unknown key 403 UnrecognizedClientException, wrong signature 403
 *   InvalidSignatureException, a date more than 5 minutes off 403 "Signature expired".
 * - Every body is checked against the Smithy model of aws/aws-sdk-js-v3
 *   (test/fixtures/aws-secrets-manager-model.json): unknown members, required members, lengths, patterns.
 * - Errors are HTTP 400 `{"__type": "...", "message": "..."}` (ResourceNotFoundException,
 *   ResourceExistsException, InvalidRequestException for a secret scheduled for deletion,
 *   AccessDeniedException per IAM action); throttling (switchable) is 400 ThrottlingException "Rate exceeded".
 * - ClientRequestToken is the version id: the same token with the same value is a no-op, with
 *   another value ResourceExistsException.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { Sha256 } from '@aws-crypto/sha256-js'
import { SignatureV4 } from '@smithy/signature-v4'
import {
  Emulator,
  json,
  PASS,
  RateWindow,
  type EmulatorOptions,
  type EmuRequest,
  type EmuResponse,
  type RateLimit,
} from './base.js'
import model from '../fixtures/aws-secrets-manager-model.json' with { type: 'json' }

const NS = 'com.amazonaws.secretsmanager#'
type Op = 'DescribeSecret' | 'GetSecretValue' | 'PutSecretValue' | 'CreateSecret'
const OPS: Op[] = ['DescribeSecret', 'GetSecretValue', 'PutSecretValue', 'CreateSecret']
const CONTENT_TYPE = 'application/x-amz-json-1.1'
const awsError = (type: string, message: string, status = 400) =>
  json(status, { __type: type, message }, { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() })
const ok = (body: unknown) => json(200, body, { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() })

interface Shape {
  type: string
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>
  member?: { target: string }
  traits?: Record<string, unknown>
}
const SHAPES = model.shapes as unknown as Record<string, Shape>

/** The problems of `value` against a Smithy shape (the subset the fixture holds). */
export function smithyProblems(target: string, value: unknown, at: string): string[] {
  const shape = SHAPES[target]
  if (!shape) return target.startsWith('smithy.api#') ? [] : [`${at}: no shape ${target} in the model fixture`]
  const length = shape.traits?.['smithy.api#length'] as { min?: number; max?: number } | undefined
  const tooLong = (n: number) =>
    length && ((length.min !== undefined && n < length.min) || (length.max !== undefined && n > length.max))
      ? [`${at}: length ${n} outside ${length.min ?? 0}..${length.max ?? 'any'}`]
      : []
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: expected an object`]
      const v = value as Record<string, unknown>
      const out = Object.keys(v)
        .filter((k) => !shape.members?.[k])
        .map((k) => `${at}.${k}: not a member of ${target.slice(NS.length)}`)
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        if (v[name] === undefined) {
          if (m.traits?.['smithy.api#required']) out.push(`${at}.${name}: required`)
        } else out.push(...smithyProblems(m.target, v[name], `${at}.${name}`))
      }
      return out
    }
    case 'string': {
      if (typeof value !== 'string') return [`${at}: expected a string`]
      const pattern = shape.traits?.['smithy.api#pattern'] as string | undefined
      return [
        ...tooLong([...value].length),
        ...(pattern && !new RegExp(pattern, 'u').test(value) ? [`${at}: does not match ${pattern}`] : []),
      ]
    }
    case 'blob':
      return typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(value)
        ? tooLong(Buffer.from(value, 'base64').length)
        : [`${at}: expected base64`]
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean`]
    case 'list':
      return Array.isArray(value)
        ? [...tooLong(value.length), ...value.flatMap((x, i) => smithyProblems(shape.member!.target, x, `${at}[${i}]`))]
        : [`${at}: expected a list`]
    default:
      return []
  }
}

interface Version {
  id: string
  value: string
  stages: string[]
  created: number
}
interface Secret {
  name: string
  arn: string
  versions: Version[]
  created: number
  deletedDate?: number
}
interface Credential {
  secretAccessKey: string
  sessionToken?: string
  allowed: Set<Op>
  principal: string
}

export interface AwsEmulatorOptions extends EmulatorOptions {
  region?: string
  account?: string
}

export class AwsSecretsManagerEmulator extends Emulator {
  readonly region: string
  readonly account: string
  /** Requests that broke the Smithy model or the protocol. */
  readonly modelViolations: string[] = []
  /** Requests whose signature did not verify. */
  readonly signatureFailures: string[] = []
  /** Signatures verified with @smithy/signature-v4. */
  verifiedSignatures = 0
  private readonly credentials = new Map<string, Credential>()
  private readonly secrets = new Map<string, Secret>()
  private throttle?: RateWindow

  constructor(options: AwsEmulatorOptions = {}) {
    super('aws-secrets-manager', options)
    this.region = options.region ?? 'us-east-1'
    this.account = options.account ?? '123456789012'
    this.guards.push((r) => this.limit(r))
    this.route('POST', '/', (r) => this.handleOp(r))
  }

  /** Turns ThrottlingException answers on (or off with undefined). */
  setThrottle(limit?: RateLimit): void {
    this.throttle = limit && new RateWindow(limit.limit, limit.windowMs)
  }

  /** An access key (a session token makes it temporary, as from OIDC) allowed the given actions. */
  addCredentials(
    accessKeyId: string,
    secretAccessKey: string,
    opts: { sessionToken?: string; allow?: Op[] } = {},
  ): void {
    this.credentials.set(accessKeyId, {
      secretAccessKey,
      sessionToken: opts.sessionToken,
      allowed: new Set(opts.allow ?? OPS),
      principal: `arn:aws:sts::${this.account}:assumed-role/token-action/${accessKeyId.slice(-6)}`,
    })
  }

  /** Creates a secret as if made earlier; returns its ARN. */
  seedSecret(name: string, value?: string, opts: { deleted?: boolean } = {}): string {
    const arn = `arn:aws:secretsmanager:${this.region}:${this.account}:secret:${name}-${randomBytes(3).toString('hex')}`
    const s: Secret = {
      name,
      arn,
      versions: [],
      created: Date.now(),
      deletedDate: opts.deleted ? Date.now() : undefined,
    }
    if (value !== undefined) s.versions.push({ id: randomUUID(), value, stages: ['AWSCURRENT'], created: Date.now() })
    this.secrets.set(name, s)
    return arn
  }

  /** The AWSCURRENT value of a secret (by name). */
  current(name: string): string | undefined {
    return this.secrets.get(name)?.versions.find((v) => v.stages.includes('AWSCURRENT'))?.value
  }

  versionCount(name: string): number {
    return this.secrets.get(name)?.versions.length ?? 0
  }

  private find(id: string): Secret | undefined {
    if (id.startsWith('arn:')) return [...this.secrets.values()].find((s) => s.arn === id)
    return this.secrets.get(id)
  }

  private limit(req: EmuRequest): EmuResponse {
    const waitMs = this.throttle?.take() ?? 0
    if (waitMs <= 0) return PASS
    void req
    return awsError('ThrottlingException', 'Rate exceeded')
  }

  /** Verifies Signature V4 by signing the same request again with @smithy/signature-v4. */
  private async verify(req: EmuRequest): Promise<EmuResponse | Credential> {
    const header = (n: string) => {
      const v = req.headers[n]
      return Array.isArray(v) ? v[0] : v
    }
    const auth = header('authorization') ?? ''
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        auth,
      )
    if (!m)
      return awsError(
        'IncompleteSignatureException',
        'Authorization header requires a valid AWS4-HMAC-SHA256 signature.',
        403,
      )
    const [, keyId, day, region, service, signedList, signature] = m as unknown as string[]
    const cred = this.credentials.get(keyId!)
    if (!cred)
      return awsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403)
    const amzDate = header('x-amz-date') ?? ''
    const dm = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
    if (!dm || !amzDate.startsWith(day!))
      return awsError(
        'IncompleteSignatureException',
        'X-Amz-Date is missing or does not match the credential scope.',
        403,
      )
    const signingDate = new Date(Date.UTC(+dm[1]!, +dm[2]! - 1, +dm[3]!, +dm[4]!, +dm[5]!, +dm[6]!))
    if (Math.abs(Date.now() - signingDate.getTime()) > 5 * 60_000)
      return awsError(
        'InvalidSignatureException',
        `Signature expired: ${amzDate} is now earlier or later than the 5 minute window.`,
        403,
      )
    if (region !== this.region || service !== 'secretsmanager')
      return awsError(
        'InvalidSignatureException',
        `Credential should be scoped to a valid region and service: ${this.region}/secretsmanager.`,
        403,
      )
    if (cred.sessionToken !== header('x-amz-security-token'))
      return awsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403)
    const signed = signedList!.split(';')
    for (const required of ['host', 'x-amz-date'])
      if (!signed.includes(required))
        return awsError('InvalidSignatureException', `'${required}' must be a signed header.`, 403)
    const headers: Record<string, string> = {}
    for (const n of signed) headers[n] = header(n) ?? ''
    const [hostname, port] = (headers.host ?? '').split(':')
    const signer = new SignatureV4({
      credentials: { accessKeyId: keyId!, secretAccessKey: cred.secretAccessKey, sessionToken: cred.sessionToken },
      region: region!,
      service: service!,
      sha256: Sha256,
      applyChecksum: false,
    })
    const expected = await signer.sign(
      {
        method: req.method,
        protocol: 'http:',
        hostname: hostname!,
        port: port ? Number(port) : undefined,
        path: req.path,
        query: {},
        headers,
        body: req.rawBody,
      },
      { signingDate, signableHeaders: new Set(signed) },
    )
    const want = /Signature=([0-9a-f]{64})/.exec(
      String(expected.headers.authorization ?? expected.headers.Authorization),
    )?.[1]
    if (want !== signature) {
      this.signatureFailures.push(`${header('x-amz-target')}: signature mismatch`)
      return awsError(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
        403,
      )
    }
    this.verifiedSignatures++
    return cred
  }

  private async handleOp(req: EmuRequest): Promise<EmuResponse> {
    const verified = await this.verify(req)
    if ('status' in verified) return verified
    const target = String(req.headers['x-amz-target'] ?? '')
    const op = target.replace(/^secretsmanager\./, '') as Op
    if (!target.startsWith('secretsmanager.') || !OPS.includes(op))
      return awsError('UnknownOperationException', `${target.slice(0, 80)} is not an operation of this emulator`)
    if (!String(req.headers['content-type'] ?? '').startsWith(CONTENT_TYPE)) {
      this.modelViolations.push(`${op}: content-type ${String(req.headers['content-type'])}`)
      return awsError('SerializationException', `expected ${CONTENT_TYPE}`)
    }
    const problems = smithyProblems(model.operations[op].input, req.body, op)
    if (problems.length) {
      this.modelViolations.push(...problems)
      return awsError('ValidationException', problems.join('; '))
    }
    const body = req.body as Record<string, string>
    const resource = body.SecretId ?? body.Name
    if (!verified.allowed.has(op))
      return awsError(
        'AccessDeniedException',
        `User: ${verified.principal} is not authorized to perform: secretsmanager:${op} on resource: ${resource} because no identity-based policy allows the secretsmanager:${op} action`,
      )
    return this[op](body)
  }

  private missing(): EmuResponse {
    return awsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.")
  }

  private DescribeSecret(b: Record<string, string>): EmuResponse {
    const s = this.find(b.SecretId!)
    if (!s) return this.missing()
    return ok({
      ARN: s.arn,
      Name: s.name,
      CreatedDate: s.created / 1000,
      LastChangedDate: (s.versions.at(-1)?.created ?? s.created) / 1000,
      ...(s.deletedDate ? { DeletedDate: s.deletedDate / 1000 } : {}),
      VersionIdsToStages: Object.fromEntries(s.versions.filter((v) => v.stages.length).map((v) => [v.id, v.stages])),
    })
  }

  private GetSecretValue(b: Record<string, string>): EmuResponse {
    const s = this.find(b.SecretId!)
    if (!s) return this.missing()
    if (s.deletedDate)
      return awsError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was marked for deletion.",
      )
    const v = s.versions.find((x) => x.stages.includes('AWSCURRENT'))
    if (!v)
      return awsError(
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
      )
    return ok({
      ARN: s.arn,
      Name: s.name,
      VersionId: v.id,
      SecretString: v.value,
      VersionStages: v.stages,
      CreatedDate: v.created / 1000,
    })
  }

  /** Adds a version (or finds the same one again: the ClientRequestToken rule). */
  private addVersion(s: Secret, token: string, value: string): EmuResponse | Version {
    const same = s.versions.find((v) => v.id === token)
    if (same) {
      if (same.value !== value)
        return awsError(
          'ResourceExistsException',
          "You can't modify an existing version, you can only create a new version.",
        )
      return same
    }
    const previous = s.versions.find((v) => v.stages.includes('AWSCURRENT'))
    for (const v of s.versions) v.stages = v.stages.filter((x) => x !== 'AWSPREVIOUS')
    if (previous) previous.stages = previous.stages.filter((x) => x !== 'AWSCURRENT').concat('AWSPREVIOUS')
    const v = { id: token, value, stages: ['AWSCURRENT'], created: Date.now() }
    s.versions.push(v)
    return v
  }

  private PutSecretValue(b: Record<string, string>): EmuResponse {
    const s = this.find(b.SecretId!)
    if (!s) return this.missing()
    if (s.deletedDate)
      return awsError(
        'InvalidRequestException',
        "You can't perform this operation on the secret because it was marked for deletion.",
      )
    if (!b.ClientRequestToken) return awsError('InvalidParameterException', 'You must provide a ClientRequestToken.')
    const v = this.addVersion(s, b.ClientRequestToken, b.SecretString!)
    if ('status' in v) return v
    return ok({ ARN: s.arn, Name: s.name, VersionId: v.id, VersionStages: v.stages })
  }

  private CreateSecret(b: Record<string, string>): EmuResponse {
    const existing = this.secrets.get(b.Name!)
    if (existing) {
      // The same request again (a lost answer's resend) is a no-op.
      if (
        b.ClientRequestToken &&
        existing.versions.some((v) => v.id === b.ClientRequestToken && v.value === b.SecretString)
      )
        return ok({ ARN: existing.arn, Name: existing.name, VersionId: b.ClientRequestToken })
      return awsError('ResourceExistsException', `The operation failed because the secret ${b.Name} already exists.`)
    }
    const arn = this.seedSecret(b.Name!)
    const s = this.secrets.get(b.Name!)!
    if (b.SecretString !== undefined) this.addVersion(s, b.ClientRequestToken ?? randomUUID(), b.SecretString)
    return ok({ ARN: arn, Name: s.name, VersionId: s.versions.at(-1)?.id })
  }
}
