/** Vault destination lines: `vault:kv/MOUNT/PATH?key=FIELD`. Pure. */
import { ConfigError } from '../../shared/errors.js'
import { isDotSegment } from '../../transport/url.js'
import { nameRuleViolation } from '../names.js'
import { fail, parseOptions, segments, type TargetBase } from '../target-syntax.js'

export interface VaultTarget extends TargetBase {
  platform: 'vault'
  kind: 'kv'
  /** Mount and secret path together (`team/kv/app/ci`): which part is the mount, Vault says at run time. */
  path: string
  /** The field of the KV secret this line writes (= name). */
  field: string
}

/**
 * Vault path segments: what KV paths commonly use; never empty, `.` or `..` (Vault would clean them to another
 * path).
 */
const VAULT_SEGMENT = /^[A-Za-z0-9_.@+=-]+$/

export function parseVault(
  line: string,
  kind: string,
  rest: string,
  query: string | undefined,
  defaultName: string,
): VaultTarget {
  if (kind !== 'kv') fail(line, `unknown Vault target "${kind}" (use kv: vault:kv/MOUNT/PATH)`)
  const opts = parseOptions(line, query, ['key', 'name'])
  const parts = segments(line, rest, 'many', 'vault:kv/MOUNT/PATH (e.g. vault:kv/secret/ci/rwx)')
  if (parts.length < 2) fail(line, 'expected vault:kv/MOUNT/PATH: a KV mount and a secret path under it')
  for (const p of parts) {
    if (isDotSegment(p)) fail(line, `"${p}" is not allowed as a path segment (. and .. would address another secret)`)
    if (!VAULT_SEGMENT.test(p)) fail(line, `"${p}" is not a valid Vault path segment (letters, digits and _ . @ + = -)`)
  }
  if (opts.has('key') && opts.has('name')) fail(line, 'key= and name= both name the field: give one')
  const field = opts.get('key') ?? opts.get('name') ?? defaultName
  const broken = nameRuleViolation('vault', field)
  if (broken) {
    if (opts.has('key') || opts.has('name')) fail(line, `field "${field}": ${broken}`)
    throw new ConfigError('secret-name', `"${field}" cannot be written to ${line}: ${broken}`)
  }
  const path = parts.join('/')
  return {
    platform: 'vault',
    kind,
    path,
    field,
    id: `vault:kv/${path}`,
    name: field,
  }
}
