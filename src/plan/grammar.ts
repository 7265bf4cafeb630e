/**
 * The destination grammar (one per line, `#` comments):
 *   github:repo/OWNER/REPO  github:env/OWNER/REPO/ENV  github:org/ORG  github:repos/ORG
 *   circleci:context/VCS/ORG/CONTEXT  circleci:project/VCS/ORG/REPO
 *   gitlab:group/FULL/PATH  gitlab:project/FULL/PATH
 * each optionally followed by `?key=value&...`. Pure: no I/O.
 */
import { ConfigError } from '../shared/errors.js'
import { isDotSegment } from '../transport/url.js'
import { nameRuleViolation, type Platform } from '../platforms/names.js'
import { hasUnsafeChars } from '../shared/sanitize.js'

export type GitHubApp = 'actions' | 'dependabot' | 'codespaces'
export type OrgVisibility = 'all' | 'private' | 'selected'

interface Base {
  /** Canonical id shown in reports, e.g. `github:repo/acme/api`. */
  id: string
  /** Secret/variable name this line writes. */
  name: string
}
export type GitHubTarget =
  | (Base & { platform: 'github'; kind: 'repo'; owner: string; repo: string; app: GitHubApp })
  | (Base & { platform: 'github'; kind: 'env'; owner: string; repo: string; environment: string; app: 'actions' })
  | (Base & {
      platform: 'github'
      kind: 'org'
      org: string
      app: GitHubApp
      visibility?: OrgVisibility
      repos?: string[]
    })
  | (Base & {
      platform: 'github'
      kind: 'repos'
      org: string
      app: GitHubApp
      match?: RegExp
      topic?: string
      archived: boolean
    })
export type CircleCITarget =
  | (Base & { platform: 'circleci'; kind: 'context'; vcs: string; org: string; context: string; create: boolean })
  | (Base & { platform: 'circleci'; kind: 'project'; vcs: string; org: string; repo: string })
export interface GitLabTarget extends Base {
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
export type Target = GitHubTarget | CircleCITarget | GitLabTarget

const INPUT = 'destinations'
const SEGMENT = /^[A-Za-z0-9_.-]+$/
/** GitHub's limit on environment names. */
const MAX_ENVIRONMENT_CHARS = 255

type Options = Map<string, string>

/** Quotes the offending line, cut to a readable length (a 120 KB line must not become a 120 KB message). */
function fail(line: string, rule: string): never {
  throw new ConfigError(INPUT, `"${line.length > 1000 ? `${line.slice(0, 1000)}...` : line}": ${rule}`)
}

function segments(line: string, rest: string, count: number | 'many', what: string): string[] {
  const parts = rest.split('/')
  const ok = count === 'many' ? parts.length >= 1 : parts.length === count
  if (!ok || parts.some((p) => p === '')) fail(line, `expected ${what}`)
  return parts
}

function parseOptions(line: string, query: string | undefined, allowed: string[]): Options {
  const opts: Options = new Map()
  if (query === undefined) return opts
  for (const pair of query.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    let value = ''
    try {
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1))
    } catch {
      fail(line, `option "${key}" has malformed percent-encoding (write %25 for a literal %)`)
    }
    if (hasUnsafeChars(value)) fail(line, `option "${key}" must not contain control characters or line breaks`)
    if (!allowed.includes(key)) fail(line, `unknown option "${key}" (allowed here: ${allowed.join(', ')})`)
    if (opts.has(key)) fail(line, `option "${key}" given twice`)
    opts.set(key, value)
  }
  return opts
}

function bool(line: string, opts: Options, key: string, fallback: boolean): boolean {
  const v = opts.get(key)
  if (v === undefined) return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  fail(line, `option "${key}" must be true or false, not "${v}"`)
}

function oneOf<T extends string>(line: string, opts: Options, key: string, values: readonly T[], fallback: T): T {
  const v = opts.get(key) ?? fallback
  if (!(values as readonly string[]).includes(v))
    fail(line, `option "${key}" must be one of ${values.join(', ')}, not "${v}"`)
  return v as T
}

/** Owner, repository, organisation, group and VCS segments: letters, digits, `_`, `.`, `-`; never `.` or `..` (they would address another resource). */
function checkSegments(line: string, parts: string[]): void {
  for (const p of parts) {
    if (isDotSegment(p)) fail(line, `"${p}" is not allowed as a path segment (. and .. would address another resource)`)
    if (!SEGMENT.test(p)) fail(line, `"${p}" is not a valid name segment`)
  }
}

/** GitHub's environment rules: at most 255 characters, no control characters, no . or .. part. */
function checkEnvironment(line: string, environment: string): void {
  if (environment.length > MAX_ENVIRONMENT_CHARS)
    fail(
      line,
      `the environment name is ${environment.length} characters; GitHub allows at most ${MAX_ENVIRONMENT_CHARS}`,
    )
  if (environment !== environment.trim()) fail(line, 'the environment name must not start or end with whitespace')
  if (environment.split('/').some((p) => isDotSegment(p) || p === ''))
    fail(line, `environment "${environment}": . and .. and empty parts are not allowed`)
}

function secretName(line: string, platform: Platform, opts: Options, fallback: string): string {
  const name = opts.get('name') ?? fallback
  const broken = nameRuleViolation(platform, name)
  if (!broken) return name
  // Blame the input the name came from: the line's ?name= or the secret-name input.
  if (opts.has('name')) fail(line, `secret name "${name}": ${broken}`)
  throw new ConfigError('secret-name', `"${name}" cannot be written to ${line}: ${broken}`)
}

const APPS = ['actions', 'dependabot', 'codespaces'] as const

function parseGitHub(
  line: string,
  kind: string,
  rest: string,
  query: string | undefined,
  defaultName: string,
): GitHubTarget {
  switch (kind) {
    case 'repo': {
      const opts = parseOptions(line, query, ['app', 'name'])
      const [owner, repo] = segments(line, rest, 2, 'github:repo/OWNER/REPO') as [string, string]
      checkSegments(line, [owner, repo])
      const app = oneOf(line, opts, 'app', APPS, 'actions')
      const suffix = app === 'actions' ? '' : `?app=${app}`
      return {
        platform: 'github',
        kind,
        owner,
        repo,
        app,
        id: `github:repo/${owner}/${repo}${suffix}`,
        name: secretName(line, 'github', opts, defaultName),
      }
    }
    case 'env': {
      const opts = parseOptions(line, query, ['name'])
      const parts = rest.split('/')
      if (parts.length < 3 || parts.slice(0, 3).some((p) => !p))
        fail(line, 'expected github:env/OWNER/REPO/ENVIRONMENT')
      const [owner, repo] = parts as [string, string]
      checkSegments(line, [owner, repo])
      // Environment names may themselves contain `/` (it is URL-encoded when sent).
      const environment = parts.slice(2).join('/')
      checkEnvironment(line, environment)
      return {
        platform: 'github',
        kind,
        owner,
        repo,
        environment,
        app: 'actions',
        id: `github:env/${owner}/${repo}/${environment}`,
        name: secretName(line, 'github', opts, defaultName),
      }
    }
    case 'org': {
      const opts = parseOptions(line, query, ['visibility', 'repos', 'app', 'name'])
      const [org] = segments(line, rest, 1, 'github:org/ORG') as [string]
      checkSegments(line, [org])
      const app = oneOf(line, opts, 'app', APPS, 'actions')
      const visibility = opts.has('visibility')
        ? oneOf(line, opts, 'visibility', ['all', 'private', 'selected'] as const, 'all')
        : undefined
      const repos = opts
        .get('repos')
        ?.split(',')
        .map((r) => r.trim())
        .filter(Boolean)
      if (repos && visibility !== 'selected') fail(line, 'repos= needs visibility=selected')
      if (visibility === 'selected' && !repos?.length) fail(line, 'visibility=selected needs repos=NAME,NAME')
      if (repos) checkSegments(line, repos)
      const suffix = app === 'actions' ? '' : `?app=${app}`
      return {
        platform: 'github',
        kind,
        org,
        app,
        visibility,
        repos,
        id: `github:org/${org}${suffix}`,
        name: secretName(line, 'github', opts, defaultName),
      }
    }
    case 'repos': {
      const opts = parseOptions(line, query, ['match', 'topic', 'archived', 'app', 'name'])
      const [org] = segments(line, rest, 1, 'github:repos/ORG') as [string]
      checkSegments(line, [org])
      let match: RegExp | undefined
      const pattern = opts.get('match')
      if (pattern !== undefined) {
        try {
          match = new RegExp(pattern)
        } catch (err) {
          fail(line, `match= is not a valid regular expression: ${(err as Error).message}`)
        }
      }
      const app = oneOf(line, opts, 'app', APPS, 'actions')
      return {
        platform: 'github',
        kind,
        org,
        app,
        match,
        topic: opts.get('topic'),
        archived: bool(line, opts, 'archived', false),
        id: `github:repos/${org}${query ? `?${query}` : ''}`,
        name: secretName(line, 'github', opts, defaultName),
      }
    }
    default:
      fail(line, `unknown GitHub target "${kind}" (use repo, env, org or repos)`)
  }
}

function parseCircleCI(
  line: string,
  kind: string,
  rest: string,
  query: string | undefined,
  defaultName: string,
): CircleCITarget {
  if (kind === 'context') {
    const opts = parseOptions(line, query, ['create', 'name'])
    const [vcs, org, context] = segments(
      line,
      rest,
      3,
      'circleci:context/VCS/ORG/CONTEXT (e.g. circleci:context/gh/acme/rwx)',
    ) as [string, string, string]
    checkSegments(line, [vcs, org])
    if (!/^[^\s/][^/]*$/.test(context) || isDotSegment(context)) fail(line, `"${context}" is not a valid context name`)
    return {
      platform: 'circleci',
      kind,
      vcs,
      org,
      context,
      create: bool(line, opts, 'create', true),
      id: `circleci:context/${vcs}/${org}/${context}`,
      name: secretName(line, 'circleci', opts, defaultName),
    }
  }
  if (kind === 'project') {
    const opts = parseOptions(line, query, ['name'])
    const [vcs, org, repo] = segments(
      line,
      rest,
      3,
      'circleci:project/VCS/ORG/REPO (e.g. circleci:project/gh/acme/api)',
    ) as [string, string, string]
    checkSegments(line, [vcs, org, repo])
    return {
      platform: 'circleci',
      kind,
      vcs,
      org,
      repo,
      id: `circleci:project/${vcs}/${org}/${repo}`,
      name: secretName(line, 'circleci', opts, defaultName),
    }
  }
  fail(line, `unknown CircleCI target "${kind}" (use context or project)`)
}

function parseGitLab(
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

/** Parses one destination line (already trimmed, not a comment). */
export function parseTarget(line: string, defaultName: string): Target {
  // A tab, lone CR or other control character has no place in a destination (and would reach logs and URLs).
  if (hasUnsafeChars(line)) fail(line, 'must not contain control characters (tabs, carriage returns, ...)')
  // `a,b` or `a b` reads naturally but is one line: say so, rather than blame a name segment.
  if (line.split(/[\s,]+/).filter((part) => /^(github|circleci|gitlab):/.test(part)).length > 1)
    fail(
      line,
      'holds more than one destination: put one per line (a YAML block `|` in a workflow; repeat --destinations on the command line)',
    )
  const m = /^(github|circleci|gitlab):([a-z]+)\/([^?]*)(?:\?(.*))?$/.exec(line)
  if (!m)
    fail(
      line,
      'expected PLATFORM:KIND/PATH, e.g. github:repo/acme/api, circleci:context/gh/acme/rwx, gitlab:group/acme',
    )
  const [, platform, kind, rest, query] = m as unknown as [string, string, string, string, string | undefined]
  if (platform === 'github') return parseGitHub(line, kind, rest, query, defaultName)
  if (platform === 'circleci') return parseCircleCI(line, kind, rest, query, defaultName)
  return parseGitLab(line, kind, rest, query, defaultName)
}

/**
 * Cuts a trailing `# comment` (a `#` at the start or after whitespace). A scan, not a regex like
 * /\s+#.*$/, which backtracks quadratically on a long run of spaces.
 */
export function stripComment(raw: string): string {
  for (let i = raw.indexOf('#'); i >= 0; i = raw.indexOf('#', i + 1)) {
    if (i === 0 || /\s/.test(raw[i - 1]!)) return raw.slice(0, i)
  }
  return raw
}

/**
 * The identity of a destination for duplicate detection. GitHub owner, repository, organisation and
 * environment names are case-insensitive, so `acme/api` and `ACME/API` are the same destination:
 * listing both is refused as a duplicate (not silently merged), like any other line listed twice.
 * Secret names are case-insensitive on every platform we write to.
 */
export function destinationKey(t: Target): string {
  const id =
    t.platform !== 'github'
      ? t.id
      : t.kind === 'repos'
        ? `github:repos/${t.org.toLowerCase()}${t.id.slice(`github:repos/${t.org}`.length)}`
        : t.id.toLowerCase()
  return `${id}|${t.name.toUpperCase()}`
}

/** Parses the `destinations` input: one per line, blank lines and `#` comments ignored, duplicates rejected. */
export function parseTargets(text: string, defaultName: string): Target[] {
  const targets: Target[] = []
  const seen = new Set<string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = stripComment(raw).trim()
    if (!line) continue
    const t = parseTarget(line, defaultName)
    const key = destinationKey(t)
    if (seen.has(key))
      fail(
        line,
        t.platform === 'github'
          ? 'listed twice (GitHub names are case-insensitive: this line names the same destination as an earlier one)'
          : 'listed twice',
      )
    seen.add(key)
    targets.push(t)
  }
  return targets
}
