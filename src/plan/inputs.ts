/**
 * Every input in one table: what it means, and how the front ends treat it. The Action reads and
 * masks inputs from it, the CLI builds its flags, `TOKEN_ACTION_*` variables and --help from it, and
 * test/input-docs.test.ts fails when action.yml (which repeats the descriptions word for word), the
 * CLI help and this table disagree: edit here, then copy into action.yml.
 */
interface InputSpec {
  description: string
  /** Masked at once; the CLI refuses it as a flag (a command line is readable by every user). */
  secret?: true
  /** The CLI also takes it from a file: `--NAME-file PATH`. */
  file?: true
  /** One value per line; the CLI flag may be repeated. */
  repeatable?: true
  /** true/false; the CLI flag may stand alone. */
  yesNo?: true
  /** A credential sent as an HTTP header value: a line break or control character in it is a paste error. */
  header?: true
  /** A value that may span lines although it is one value (a PEM key, a token as given). */
  lineBreaks?: true
  /** The CI systems' conventional variables, read when neither the flag nor TOKEN_ACTION_* is set. */
  envFallbacks?: readonly string[]
}

export const INPUTS = {
  issuer: { description: 'Token issuer: rack-gateway, http (generic contract), rwx, hawzu or static.' },
  'issuer-url': {
    description:
      'Issuer base URL, https only (loopback excepted). Defaults: rwx https://cloud.rwx.com (or RWX_HOST), hawzu https://api.hawzu.com.',
  },
  'issuer-token': {
    description: 'Credential allowed to create, list and revoke tokens (Rack Gateway: an admin API token).',
    secret: true,
    file: true,
    header: true,
  },
  token: {
    description:
      "An existing token value to distribute (rwx, hawzu, static; or any issuer's token in distribute mode).",
    secret: true,
    lineBreaks: true,
  },
  'token-name': {
    description:
      'The rotation set: name prefix of minted tokens (a UTC timestamp and a run tag are appended). Default: where the run comes from plus the secret name, e.g. gh.acme.api.rack-gateway-api-token; required outside CI in rotate and audit mode.',
  },
  'token-per': {
    description:
      'run (default): one token for every destination. line: one token, and one rotation set, per destination line (one token per integration).',
  },
  'token-role': { description: 'Role of the minted token (Rack Gateway: viewer, ops, deployer, cicd, admin).' },
  'token-permissions': { description: 'Explicit permissions instead of a role, one per line.', repeatable: true },
  'token-projects': { description: 'Project-scoped token (http issuer): lines PROJECT_ID=ROLE.', repeatable: true },
  'token-expires-in': {
    description:
      'Expiry: 1w, 1mo, 6mo, 1y, 30d, 12h, 30min, an ISO date, or never (a bare m is refused: write min or mo). Refused for issuers without expiry.',
  },
  mode: {
    description:
      'rotate, create, ephemeral, distribute or audit (review the rotation set, change nothing). Default: rotate (distribute for rwx, hawzu and static, which cannot mint).',
  },
  'rotate-if-older-than': {
    description:
      'Skip (outcome not-due) when the newest token with the prefix is younger than this (and not expiring within rotate-before-expiry), e.g. 90d or 6mo.',
  },
  'rotate-before-expiry': {
    description:
      'With rotate-if-older-than: rotate anyway when the newest token expires within this, e.g. 14d (the default).',
  },
  'revoke-first': {
    description:
      "true for a leaked token: revoke the rotation set's live tokens first, then mint the replacement (same rights), write it everywhere, and name every destination left holding the dead token (exit 1).",
    yesNo: true,
  },
  'fail-on-findings': {
    description: 'mode audit: exit 1 when the review of the rotation set has findings (default: list them and exit 0).',
    yesNo: true,
  },
  'secret-name': {
    description:
      'Secret/variable name to write. Default RWX_ACCESS_TOKEN (rwx) or RACK_GATEWAY_API_TOKEN (rack-gateway); else required.',
  },
  destinations: {
    description:
      'One destination per line (github:repo/O/R, github:env/O/R/E, github:org/ORG, github:repos/ORG, circleci:context/VCS/ORG/CTX, circleci:project/VCS/ORG/REPO, gitlab:group/PATH, gitlab:project/PATH, gitlab:instance, vault:kv/MOUNT/PATH, aws:secret/NAME-OR-ARN). Required except in ephemeral and audit modes.',
    repeatable: true,
  },
  'github-token': {
    description:
      "Token with Secrets write (fine-grained PAT or App token). The workflow's GITHUB_TOKEN cannot write secrets.",
    secret: true,
    file: true,
    envFallbacks: ['GITHUB_TOKEN'],
    header: true,
  },
  'github-api-url': {
    description: 'GitHub API URL. Default GITHUB_API_URL or https://api.github.com (GHES: https://HOST/api/v3).',
  },
  'github-app-id': {
    description:
      'GitHub App id: alternative to github-token (a least-privilege installation token per org, revoked at the end).',
  },
  'github-app-private-key': {
    description: "The GitHub App's private key (PEM).",
    secret: true,
    file: true,
    lineBreaks: true,
  },
  shard: { description: 'K/N: write only the K-th of N slices of the destinations (matrix jobs, distribute mode).' },
  'circleci-token': {
    description: 'CircleCI personal API token.',
    secret: true,
    file: true,
    envFallbacks: ['CIRCLE_TOKEN', 'CIRCLECI_TOKEN'],
    header: true,
  },
  'circleci-url': { description: 'CircleCI URL.' },
  'gitlab-token': {
    description: 'GitLab token with api scope (group Owner or project Maintainer).',
    secret: true,
    file: true,
    envFallbacks: ['GITLAB_TOKEN'],
    header: true,
  },
  'gitlab-url': { description: 'GitLab URL. Default CI_SERVER_URL or https://gitlab.com.' },
  'vault-url': {
    description: 'Vault address for vault: destinations. Default VAULT_ADDR.',
    envFallbacks: ['VAULT_ADDR'],
  },
  'vault-token': {
    description: 'Vault token with create/update on the KV paths (or use vault-role). Default VAULT_TOKEN.',
    secret: true,
    file: true,
    envFallbacks: ['VAULT_TOKEN'],
    header: true,
  },
  'vault-namespace': {
    description: 'Vault Enterprise namespace (X-Vault-Namespace). Default VAULT_NAMESPACE.',
    envFallbacks: ['VAULT_NAMESPACE'],
  },
  'vault-role': {
    description:
      "GitHub Actions: log in to Vault with the job's OIDC token (JWT auth) as this role instead of a stored vault-token; the Vault token is revoked when the run ends. Needs permissions: id-token: write.",
  },
  'vault-auth-path': { description: 'Mount path of the JWT auth method vault-role logs in with. Default jwt.' },
  concurrency: { description: 'Parallel destination writes.' },
  'dry-run': { description: 'Plan, preflight and due-check only: mint, write and revoke nothing.', yesNo: true },
  'report-file': { description: 'Write the JSON report (no secrets) to this path.' },
} as const satisfies Record<string, InputSpec>

export type InputName = keyof typeof INPUTS
export type Inputs = Partial<Record<InputName, string>>
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

const spec = (name: InputName): InputSpec => INPUTS[name]
export const inputsWhere = (has: keyof Omit<InputSpec, 'description' | 'envFallbacks'>): InputName[] =>
  INPUT_NAMES.filter((n) => spec(n)[has])
/** Inputs whose value may hold line breaks: the repeatable ones and single values that span lines. */
export const MULTI_LINE_INPUTS: readonly InputName[] = INPUT_NAMES.filter(
  (n) => spec(n).repeatable || spec(n).lineBreaks,
)
export const describeInput = (name: InputName): string => spec(name).description
export const envFallbacks = (name: InputName): readonly string[] => spec(name).envFallbacks ?? []
