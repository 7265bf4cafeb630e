/**
 * The destination grammar (one per line, `#` comments):
 *   github:repo/OWNER/REPO  github:env/OWNER/REPO/ENV  github:org/ORG  github:repos/ORG
 *   circleci:context/VCS/ORG/CONTEXT  circleci:project/VCS/ORG/REPO
 *   gitlab:group/FULL/PATH  gitlab:project/FULL/PATH  gitlab:instance
 *   vault:kv/MOUNT/PATH  aws:secret/NAME-OR-ARN
 * each optionally followed by `?key=value&...`. Pure: no I/O.
 */
import { parseCircleCI } from '../platforms/circleci/target.js'
import { parseGitHub } from '../platforms/github/target.js'
import { parseGitLab } from '../platforms/gitlab/target.js'
import { parseVault } from '../platforms/vault/target.js'
import { parseAws } from '../platforms/aws/target.js'
import { fail } from '../platforms/target-syntax.js'
import { hasUnsafeChars } from '../shared/sanitize.js'

export type { CircleCITarget } from '../platforms/circleci/target.js'
export type { GitHubApp, GitHubTarget, OrgVisibility } from '../platforms/github/target.js'
export type { GitLabTarget } from '../platforms/gitlab/target.js'
export type { VaultTarget } from '../platforms/vault/target.js'
export type { AwsTarget } from '../platforms/aws/target.js'
export type { Target } from '../platforms/targets.js'
import type { Target } from '../platforms/targets.js'

/** Parses one destination line (already trimmed, not a comment). */
export function parseTarget(line: string, defaultName: string): Target {
  // A tab, lone CR or other control character has no place in a destination (and would reach logs and URLs).
  if (hasUnsafeChars(line)) fail(line, 'must not contain control characters (tabs, carriage returns, ...)')
  // `a,b` or `a b` reads naturally but is one line: say so, rather than blame a name segment.
  if (line.split(/[\s,]+/).filter((part) => /^(github|circleci|gitlab|vault|aws):/.test(part)).length > 1)
    fail(
      line,
      'holds more than one destination: put one per line (a YAML block `|` in a workflow; repeat --destinations on the command line)',
    )
  const m = /^(github|circleci|gitlab|vault|aws):([a-z]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(line)
  if (!m)
    fail(
      line,
      'expected PLATFORM:KIND/PATH, e.g. github:repo/acme/api, circleci:context/gh/acme/rwx, gitlab:group/acme, vault:kv/secret/ci, aws:secret/ci/rwx',
    )
  const [, platform, kind, rest, query] = m as unknown as [
    string,
    string,
    string,
    string | undefined,
    string | undefined,
  ]
  if (platform === 'gitlab') return parseGitLab(line, kind, rest, query, defaultName)
  if (platform === 'vault') return parseVault(line, kind, rest ?? '', query, defaultName)
  if (platform === 'aws') return parseAws(line, kind, rest ?? '', query)
  if (platform === 'github') return parseGitHub(line, kind, rest ?? '', query, defaultName)
  return parseCircleCI(line, kind, rest ?? '', query, defaultName)
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
