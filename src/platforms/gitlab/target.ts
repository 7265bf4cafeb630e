/** GitLab destination lines: `gitlab:group|project/...`. Pure. */
import { bool, checkSegments, fail, parseOptions, secretName, segments, type TargetBase } from '../target-syntax.js'

export interface GitLabTarget extends TargetBase {
  platform: 'gitlab'
  kind: 'group' | 'project' | 'instance'
  /** Full path of the group or project; empty for the instance. */
  path: string
  protected: boolean
  masked: boolean
  raw: boolean
  scope: string
  hidden: boolean
  /** The flags the line sets; on update, the others keep the variable's current value. */
  explicit: ('protected' | 'masked' | 'raw')[]
}

/** Instance variables have no environment scope and no hidden flag (GitLab's admin/ci/variables API). */
function parseGitLabInstance(line: string, rest: string | undefined, query: string | undefined, defaultName: string) {
  if (rest !== undefined) fail(line, 'gitlab:instance takes no path (it is the whole GitLab instance)')
  const opts = parseOptions(line, query, ['protected', 'masked', 'raw', 'scope', 'hidden', 'name'])
  for (const refused of ['scope', 'hidden'])
    if (opts.has(refused))
      fail(
        line,
        `instance-level variables have no ${refused === 'scope' ? 'environment scope' : 'hidden flag'}: drop ${refused}=`,
      )
  return {
    platform: 'gitlab',
    kind: 'instance',
    path: '',
    protected: bool(line, opts, 'protected', false),
    masked: bool(line, opts, 'masked', true),
    raw: bool(line, opts, 'raw', true),
    scope: '*',
    hidden: false,
    explicit: (['protected', 'masked', 'raw'] as const).filter((f) => opts.has(f)),
    id: 'gitlab:instance',
    name: secretName(line, 'gitlab', opts, defaultName),
  } satisfies GitLabTarget
}

export function parseGitLab(
  line: string,
  kind: string,
  rest: string | undefined,
  query: string | undefined,
  defaultName: string,
): GitLabTarget {
  if (kind === 'instance') return parseGitLabInstance(line, rest, query, defaultName)
  if (kind !== 'group' && kind !== 'project')
    fail(line, `unknown GitLab target "${kind}" (use group, project or instance)`)
  const opts = parseOptions(line, query, ['protected', 'masked', 'raw', 'scope', 'hidden', 'name'])
  const parts = segments(line, rest ?? '', 'many', `gitlab:${kind}/FULL/PATH`)
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
