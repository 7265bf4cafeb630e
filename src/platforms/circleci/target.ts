/** CircleCI destination lines: `circleci:context|project/...`. Pure. */
import { isDotSegment } from '../../transport/url.js'
import { bool, checkSegments, fail, parseOptions, secretName, segments, type TargetBase } from '../target-syntax.js'

export type CircleCITarget =
  | (TargetBase & { platform: 'circleci'; kind: 'context'; vcs: string; org: string; context: string; create: boolean })
  | (TargetBase & { platform: 'circleci'; kind: 'project'; vcs: string; org: string; repo: string })

export function parseCircleCI(
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
