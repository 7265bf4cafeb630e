/** AWS Secrets Manager destination lines: `aws:secret/NAME-OR-ARN?region=R&key=FIELD&create=false`. Pure. */
import { isDotSegment } from '../../transport/url.js'
import { bool, fail, parseOptions, type TargetBase } from '../target-syntax.js'

export interface AwsTarget extends TargetBase {
  platform: 'aws'
  kind: 'secret'
  /** The secret's name or full ARN, as Secrets Manager's SecretId takes it. */
  secretId: string
  /** From the ARN or `region=`; else the run's AWS_REGION / AWS_DEFAULT_REGION (checked by the plan). */
  region?: string
  /** A field of the JSON object the secret string holds; without it the whole string is the token. */
  field?: string
  create: boolean
}

/** Secrets Manager's rule for secret names. */
const AWS_SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/
const AWS_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):([^:]*):([^:]*):(\d{12}):(.*)$/
const AWS_REGION = /^([a-z]+-)+\d+$/

export function parseAws(line: string, kind: string, rest: string, query: string | undefined): AwsTarget {
  if (kind !== 'secret') fail(line, `unknown AWS target "${kind}" (use secret: aws:secret/NAME-OR-ARN)`)
  const opts = parseOptions(line, query, ['region', 'key', 'create'])
  if (!rest) fail(line, 'expected aws:secret/NAME-OR-ARN')
  let region = opts.get('region')
  let name = rest
  if (rest.startsWith('arn:')) {
    const arn = AWS_ARN.exec(rest)
    if (!arn) fail(line, 'is not a valid ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME)')
    const [, , service, arnRegion, , resource] = arn as unknown as [string, string, string, string, string, string]
    if (service !== 'secretsmanager')
      fail(
        line,
        `is an ARN of ${service || 'no service'}, not of a Secrets Manager secret (arn:aws:secretsmanager:...)`,
      )
    if (!resource.startsWith('secret:')) fail(line, 'is a Secrets Manager ARN but not of a secret (...:secret:NAME)')
    if (region !== undefined && region !== arnRegion)
      fail(line, `region=${region} contradicts the ARN's region ${arnRegion}`)
    region = arnRegion
    name = resource.slice('secret:'.length)
  }
  if (!AWS_SECRET_NAME.test(name))
    fail(line, `"${name}" is not a Secrets Manager secret name (1-512 of letters, digits and / _ + = . @ -)`)
  if (name.split('/').some(isDotSegment)) fail(line, `"${name}": . and .. are not allowed as parts of a secret name`)
  if (region !== undefined && !AWS_REGION.test(region))
    fail(line, `region "${region}" is not an AWS region (e.g. us-east-1)`)
  const field = opts.get('key')
  if (field !== undefined && !field) fail(line, 'key= must name a field of the JSON secret')
  const create = bool(line, opts, 'create', false)
  if (create && rest.startsWith('arn:'))
    fail(line, "create=true needs the secret's name, not an ARN (AWS makes the ARN)")
  const options = [...(opts.has('region') ? [`region=${region}`] : []), ...(field ? [`key=${field}`] : [])]
  return {
    platform: 'aws',
    kind,
    secretId: rest,
    region,
    field,
    create,
    id: `aws:secret/${rest}${options.length ? `?${options.join('&')}` : ''}`,
    name: field ?? name,
  }
}
