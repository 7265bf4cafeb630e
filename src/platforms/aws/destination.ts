/**
 * AWS Secrets Manager (`aws:secret/NAME-OR-ARN`): the JSON 1.1 protocol (`X-Amz-Target:
 * secretsmanager.<Op>`), every attempt signed with Signature V4 by the `aws4` library. Without
 * `key=` the secret string is the token; with it the string is a JSON object and only that field
 * changes. Every PutSecretValue/CreateSecret carries a ClientRequestToken unique to the run and the
 * destination, so sending it again after a lost answer is a no-op by AWS's own rule.
 */
import { randomUUID } from 'node:crypto'
import aws4 from 'aws4'
import { makeClient, type Transport } from '../../transport/transport.js'
import { AuthError, ConfigError, NotFoundError, TokenActionError, UntrustedResponseError } from '../../shared/errors.js'
import { RequestScheduler } from '../../transport/scheduler.js'
import type { HttpClient } from '../../transport/client.js'
import type { AwsTarget } from './target.js'
import type { Destination, WriteOutcome, WriteResult } from '../../shared/types.js'

/** SecretStringType's length limit in the Smithy model. */
const MAX_SECRET_STRING = 65_536
/**
 * Secrets Manager's documented quota for PutSecretValue (and the other control-plane writes) is 50
 * requests a second per region; reads allow far more. Pacing every call to it keeps a large fan-out
 * under the lowest quota that applies.
 */
const REQUESTS_PER_SECOND = 50

/** The AWS error kind the client puts first in the message ("ResourceNotFoundException: ..."). */
const kindOf = (err: unknown) =>
  err instanceof TokenActionError ? /^(\w+)(?::|$)/.exec(err.platformMessage ?? '')?.[1] : undefined

interface Described {
  DeletedDate?: unknown
  ARN?: unknown
}

/** One signed client per region (and endpoint). */
/** AWS credentials, region and endpoint, read from the environment as every AWS tool reads them. */
export interface AwsSettings {
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  /** AWS_REGION, else AWS_DEFAULT_REGION: for lines whose ARN or region= does not say. */
  region?: string
  /** AWS_ENDPOINT_URL_SECRETS_MANAGER, else AWS_ENDPOINT_URL: replaces the regional endpoint. */
  endpoint?: string
}

export class SecretsManager {
  constructor(
    readonly client: HttpClient,
    readonly region: string,
  ) {}

  async call<T>(op: string, body: Record<string, unknown>, idempotent: boolean): Promise<T> {
    const res = await this.client.request<T>('POST', '/', {
      body,
      headers: { 'x-amz-target': `secretsmanager.${op}` },
      idempotent,
    })
    return res.data
  }
}

class AwsSecretDestination implements Destination {
  readonly id: string
  readonly secretName: string
  /** Unique to this run and destination: a resend after a lost answer is the same request to AWS. */
  private readonly requestToken = randomUUID()
  private exists?: boolean
  private hasField = false

  constructor(
    private readonly t: AwsTarget,
    private readonly sm: SecretsManager,
  ) {
    this.id = t.id
    this.secretName = t.name
  }

  private where(): string {
    return `${this.t.secretId} in ${this.sm.region}`
  }

  private rethrow(err: unknown, action: string): never {
    if (
      ['UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignatureException'].includes(
        kindOf(err) ?? '',
      )
    )
      throw new AuthError(
        `${this.id}: AWS refused the credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN: "${(err as TokenActionError).platformMessage}")`,
        'aws',
        403,
        (err as TokenActionError).platformMessage,
      )
    if (kindOf(err) === 'AccessDeniedException' || (err instanceof AuthError && err.status === 403))
      throw new AuthError(
        `${this.id}: the AWS credentials may not secretsmanager:${action} on ${this.where()} ("${(err as TokenActionError).platformMessage}")`,
        'aws',
        403,
        (err as TokenActionError).platformMessage,
      )
    throw err
  }

  async preflight(): Promise<void> {
    let described: Described
    try {
      described = await this.sm.call<Described>('DescribeSecret', { SecretId: this.t.secretId }, true)
    } catch (err) {
      if (kindOf(err) !== 'ResourceNotFoundException') this.rethrow(err, 'DescribeSecret')
      if (!this.t.create)
        throw new NotFoundError(
          `${this.id}: there is no secret ${this.where()} (or the credentials cannot see it); add create=true to the line to create it`,
          'aws',
          400,
        )
      this.exists = false
      return
    }
    if (described?.DeletedDate !== undefined)
      throw new ConfigError(this.id, `the secret ${this.where()} is scheduled for deletion: restore it first`)
    this.exists = true
    if (this.t.field !== undefined) this.hasField = this.t.field in (await this.currentObject())
  }

  /** The secret string as a JSON object (`key=`); a secret without a value yet counts as `{}`. */
  private async currentObject(): Promise<Record<string, unknown>> {
    let text: unknown
    try {
      const res = await this.sm.call<{ SecretString?: unknown; SecretBinary?: unknown }>(
        'GetSecretValue',
        { SecretId: this.t.secretId },
        true,
      )
      if (res?.SecretString === undefined && res?.SecretBinary !== undefined)
        throw new ConfigError(this.id, 'the secret holds binary data; key= needs a JSON object in the secret string')
      text = res?.SecretString
    } catch (err) {
      if (kindOf(err) === 'ResourceNotFoundException') return {}
      this.rethrow(err, 'GetSecretValue')
    }
    if (typeof text !== 'string')
      throw new UntrustedResponseError(`aws: ${this.where()} was answered without its string`, 'aws')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new ConfigError(
        this.id,
        `with key= the secret string must be a JSON object; ${this.where()} holds something else`,
      )
    return parsed as Record<string, unknown>
  }

  async wouldWrite(): Promise<WriteResult> {
    return this.exists && (this.t.field === undefined || this.hasField) ? 'updated' : 'created'
  }

  checkValue(secret: string): void {
    if (secret.length > MAX_SECRET_STRING)
      throw new ConfigError(this.id, `Secrets Manager secret strings are at most ${MAX_SECRET_STRING} characters`)
  }

  private async secretString(secret: string): Promise<string> {
    if (this.t.field === undefined) return secret
    const text = JSON.stringify({ ...(this.exists ? await this.currentObject() : {}), [this.t.field]: secret })
    this.checkValue(text)
    return text
  }

  async write(secret: string): Promise<WriteOutcome> {
    this.checkValue(secret)
    const result = await this.wouldWrite()
    const SecretString = await this.secretString(secret)
    if (!this.exists) {
      try {
        await this.sm.call(
          'CreateSecret',
          { Name: this.t.secretId, SecretString, ClientRequestToken: this.requestToken },
          true,
        )
        return { result: 'created' }
      } catch (err) {
        // Created meanwhile by someone else: continue as an update.
        if (kindOf(err) !== 'ResourceExistsException') this.rethrow(err, 'CreateSecret')
        this.exists = true
        const merged = await this.secretString(secret)
        await this.put(merged)
        return { result: 'updated', changes: ['the secret appeared after preflight; updated instead of created'] }
      }
    }
    await this.put(SecretString)
    return { result }
  }

  private async put(SecretString: string): Promise<void> {
    try {
      await this.sm.call(
        'PutSecretValue',
        { SecretId: this.t.secretId, SecretString, ClientRequestToken: this.requestToken },
        true,
      )
    } catch (err) {
      this.rethrow(err, 'PutSecretValue')
    }
  }

  async confirm(secret: string): Promise<boolean | undefined> {
    try {
      if (this.t.field !== undefined) return (await this.currentObject())[this.t.field] === secret
      const res = await this.sm.call<{ SecretString?: unknown }>('GetSecretValue', { SecretId: this.t.secretId }, true)
      return res?.SecretString === secret
    } catch (err) {
      return kindOf(err) === 'ResourceNotFoundException' ? false : undefined
    }
  }
}

/** The regional endpoint, unless AWS_ENDPOINT_URL(_SECRETS_MANAGER) replaces it. */
function endpointOf(settings: AwsSettings, region: string): string {
  return settings.endpoint ?? `https://secretsmanager.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`
}

function secretsManager(settings: AwsSettings, region: string, transport: Transport): SecretsManager {
  const credentials = {
    accessKeyId: settings.accessKeyId!,
    secretAccessKey: settings.secretAccessKey!,
    sessionToken: settings.sessionToken,
  }
  const scheduler = new RequestScheduler({
    concurrency: transport.readConcurrency,
    pointsPerWindow: REQUESTS_PER_SECOND,
    windowMs: 1000,
    clock: transport.clock,
  })
  const client = makeClient(
    transport,
    'aws',
    endpointOf(settings, region),
    { 'content-type': 'application/x-amz-json-1.1' },
    scheduler,
    {
      // The quotas are per second and AWS names no wait: back off a second, not GitHub's minute.
      rateLimitFallbackMs: 1000,
      sign: ({ method, url, headers, body }) => {
        const signed = aws4.sign(
          {
            host: url.host,
            path: `${url.pathname}${url.search}`,
            method,
            headers: { ...headers },
            body,
            service: 'secretsmanager',
            region,
          },
          credentials,
        )
        const out: Record<string, string> = {}
        // undici sends Host itself, from the URL the signature was made for.
        for (const [k, v] of Object.entries(signed.headers ?? {})) if (k.toLowerCase() !== 'host') out[k] = String(v)
        return out
      },
    },
  )
  return new SecretsManager(client, region)
}

/** One client per region; one destination per line. */
export function createAwsDestinations(
  targets: AwsTarget[],
  settings: AwsSettings,
  transport: Transport,
): Destination[] {
  const byRegion = new Map<string, SecretsManager>()
  return targets.map((t) => {
    const region = t.region ?? settings.region!
    if (!byRegion.has(region)) byRegion.set(region, secretsManager(settings, region, transport))
    return new AwsSecretDestination(t, byRegion.get(region)!)
  })
}
