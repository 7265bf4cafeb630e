/**
 * What each input means: the one source of the descriptions. The CLI shows them in --help; action.yml
 * repeats them word for word, and test/input-docs.test.ts fails when action.yml, the CLI help and
 * this table disagree (edit here, then copy into action.yml).
 */
import type { InputName } from './plan.js'

export const INPUT_DESCRIPTIONS: Record<InputName, string> = {
  issuer: 'Token issuer: rack-gateway, http (generic contract), rwx, hawzu or static.',
  'issuer-url': 'Issuer base URL, https only (loopback excepted). Defaults: rwx https://cloud.rwx.com (or RWX_HOST), hawzu https://api.hawzu.com.',
  'issuer-token': 'Credential allowed to create, list and revoke tokens (Rack Gateway: an admin API token).',
  token: "An existing token value to distribute (rwx, hawzu, static; or any issuer's token in distribute mode).",
  'token-name': "Name prefix of minted tokens (a UTC timestamp is appended). Default: secret-name lower-cased with '-'.",
  'token-role': 'Role of the minted token (Rack Gateway: viewer, ops, deployer, cicd, admin).',
  'token-permissions': 'Explicit permissions instead of a role, one per line.',
  'token-projects': 'Project-scoped token (http issuer): lines PROJECT_ID=ROLE.',
  'token-expires-in': 'Expiry: 1w, 1m, 6m, 1y, 30d, 12h, an ISO date, or never. Refused for issuers without expiry.',
  mode: 'rotate, create, ephemeral, distribute or audit (review the rotation set, change nothing). Default: rotate (distribute for rwx, hawzu and static, which cannot mint).',
  'rotate-if-older-than': 'Skip (outcome not-due) when the newest token with the prefix is younger than this (and not expiring within rotate-before-expiry), e.g. 90d or 6m.',
  'revoke-first': "true for a leaked token: revoke the rotation set's live tokens first, then mint the replacement (same rights), write it everywhere, and name every destination left holding the dead token (exit 1).",
  'fail-on-findings': 'mode audit: exit 1 when the review of the rotation set has findings (default: list them and exit 0).',
  'rotate-before-expiry': 'With rotate-if-older-than: rotate anyway when the newest token expires within this, e.g. 14d (the default).',
  'secret-name': 'Secret/variable name to write. Default RWX_ACCESS_TOKEN (rwx) or RACK_GATEWAY_API_TOKEN (rack-gateway); else required.',
  destinations: 'One destination per line (github:repo/O/R, github:env/O/R/E, github:org/ORG, github:repos/ORG, circleci:context/VCS/ORG/CTX, circleci:project/VCS/ORG/REPO, gitlab:group/PATH, gitlab:project/PATH). Required except in ephemeral mode.',
  'github-token': "Token with Secrets write (fine-grained PAT or App token). The workflow's GITHUB_TOKEN cannot write secrets.",
  'github-api-url': 'GitHub API URL. Default GITHUB_API_URL or https://api.github.com (GHES: https://HOST/api/v3).',
  'github-app-id': 'GitHub App id: alternative to github-token (a least-privilege installation token per org, revoked at the end).',
  'github-app-private-key': "The GitHub App's private key (PEM).",
  shard: 'K/N: write only the K-th of N slices of the destinations (matrix jobs, distribute mode).',
  'circleci-token': 'CircleCI personal API token.',
  'circleci-url': 'CircleCI URL.',
  'gitlab-token': 'GitLab token with api scope (group Owner or project Maintainer).',
  'gitlab-url': 'GitLab URL. Default CI_SERVER_URL or https://gitlab.com.',
  concurrency: 'Parallel destination writes.',
  'dry-run': 'Plan, preflight and due-check only: mint, write and revoke nothing.',
  'report-file': 'Write the JSON report (no secrets) to this path.',
}
