/** GitLab destination lines: `gitlab:group|project/...`. Pure. */
import { bool, checkSegments, fail, parseOptions, secretName, segments, type TargetBase } from '../target-syntax.js'

export interface GitLabTarget extends TargetBase {
  platform: 'gitlab'
  kind: 'group' | 'project'
  path: string
  protected: boolean
  masked: boolean
  raw: boolean
  scope: string
  hidden: boolean
  /** The flags the line sets; on update, the others keep the variable's current value. */
  explicit: ('protected' | 'masked' | 'raw')[]
}

export function parseGitLab(
  line: string,
  kind: string,
  rest: string,
  query: string | undefined,
  defaultName: string,
): GitLabTarget {
  if (kind !== 'group' && kind !== 'project') fail(line, `unknown GitLab target "${kind}" (use group or project)`)
  const opts = parseOptions(line, query, ['protected', 'masked', 'raw', 'scope', 'hidden', 'name'])
  const parts = segments(line, rest, 'many', `gitlab:${kind}/FULL/PATH`)
  if (kind === 'project' && parts.length < 2) fail(line, 'expected gitlab:project/GROUP/PROJECT')
  checkSegments(line, parts)
  const masked = bool(line, opts, 'masked', true)
  const hidden = bool(line, opts, 'hidden', false)
  if (hidden && !masked) fail(line, 'hidden=true needs masked=true (GitLab hides only masked variables)')
  const scope = opts.get('scope') ?? '*'
  if (!scope) fail(line, 'scope= must not be empty')
  return {
    platform: 'gitlab',
    kind,
    path: parts.join('/'),
    protected: bool(line, opts, 'protected', false),
    masked,
    raw: bool(line, opts, 'raw', true),
    scope,
    hidden,
    explicit: (['protected', 'masked', 'raw'] as const).filter((f) => opts.has(f)),
    id: `gitlab:${kind}/${parts.join('/')}${scope === '*' ? '' : `?scope=${scope}`}`,
    name: secretName(line, 'gitlab', opts, defaultName),
  }
}
