/** GitHub destination lines: `github:repo|env|org|repos/...`. Pure. */
import { isDotSegment } from '../../transport/url.js'
import {
  bool,
  checkSegments,
  fail,
  oneOf,
  parseOptions,
  secretName,
  segments,
  type Options,
  type TargetBase,
} from '../target-syntax.js'

export type GitHubApp = 'actions' | 'dependabot' | 'codespaces'
export type OrgVisibility = 'all' | 'private' | 'selected'

export type GitHubTarget =
  | (TargetBase & { platform: 'github'; kind: 'repo'; owner: string; repo: string; app: GitHubApp })
  | (TargetBase & { platform: 'github'; kind: 'env'; owner: string; repo: string; environment: string; app: 'actions' })
  | (TargetBase & {
      platform: 'github'
      kind: 'org'
      org: string
      app: GitHubApp
      visibility?: OrgVisibility
      repos?: string[]
    })
  | (TargetBase & {
      platform: 'github'
      kind: 'repos'
      org: string
      app: GitHubApp
      match?: RegExp
      topic?: string
      archived: boolean
    })

/** GitHub's limit on environment names. */
const MAX_ENVIRONMENT_CHARS = 255

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

const APPS = ['actions', 'dependabot', 'codespaces'] as const

/**
 * The options that select repositories, in a fixed order: the same line written with its options in
 * another order is the same destination (and the same rotation set with token-per: line).
 */
function canonicalQuery(opts: Options): string {
  const pairs = [...opts]
    .filter(([k]) => k !== 'name')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v.replace(/[%&#\s]/g, encodeURIComponent)}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

export function parseGitHub(
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
        id: `github:repos/${org}${canonicalQuery(opts)}`,
        name: secretName(line, 'github', opts, defaultName),
      }
    }
    default:
      fail(line, `unknown GitHub target "${kind}" (use repo, env, org or repos)`)
  }
}
