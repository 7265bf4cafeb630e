/**
 * `npm run demo`: the whole lifecycle against local emulators, no accounts needed. Runs the committed
 * bundle (dist/index.js) exactly as a GitHub runner would, and prints what happened - never a token.
 * Each run's JSON report (report-file) and job summary are kept in a folder named at the end.
 */
import { isMintedWith, setOf } from '../src/plan/token-name.js'
import { createHash } from 'node:crypto'
import { AwsSecretsManagerEmulator } from '../test/emulators/aws-secrets-manager.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CircleCIEmulator } from '../test/emulators/circleci.js'
import { GitHubEmulator } from '../test/emulators/github.js'
import { GitLabEmulator } from '../test/emulators/gitlab.js'
import { RackGatewayEmulator } from '../test/emulators/rack-gateway.js'
import { VaultEmulator } from '../test/emulators/vault.js'
import { runAction, type RunResult } from '../test/helpers/run-dist.js'

/** Where the runs' evidence goes: a report and a job summary per run. */
const evidence = mkdtempSync(join(tmpdir(), 'token-action-demo-'))
const kept: string[] = []

/** Runs the Action with its report written to the evidence folder, and keeps its job summary there too. */
async function demoRun(step: number, inputs: Record<string, string>, env: Record<string, string>): Promise<RunResult> {
  const report = join(evidence, `${step}-report.json`)
  const run = await runAction({ ...inputs, 'report-file': report }, { env })
  const summary = join(evidence, `${step}-summary.md`)
  writeFileSync(summary, run.summary)
  kept.push(report, summary)
  return run
}

const out = (line = '') => process.stdout.write(`${line}\n`)
/** A short fingerprint lets you see which token a destination holds without showing it. */
const fingerprint = (secret: string | undefined) =>
  secret ? `sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}` : '(none)'

function show(title: string, run: RunResult): void {
  out(`\n=== ${title} (exit ${run.code}) ===`)
  for (const line of run.stdout.split('\n')) {
    // The runner hides ::add-mask:: lines and renders ::warning:: / ::error:: as annotations.
    if (!line || line.startsWith('::add-mask::')) continue
    out(`  ${line.replace(/^::(warning|error)::/, (_m, level: string) => `[${level}] `)}`)
  }
  out(
    `  outputs: outcome=${run.outputs.outcome} token-id=${run.outputs['token-id'] || '-'} revoked-ids=${run.outputs['revoked-ids']}`,
  )
}

async function main(): Promise<void> {
  const gh = new GitHubEmulator()
  const rgw = new RackGatewayEmulator()
  const cci = new CircleCIEmulator()
  const gl = new GitLabEmulator()
  const vault = new VaultEmulator()
  const aws = new AwsSecretsManagerEmulator({ region: 'eu-west-1' })
  const all = [gh, rgw, cci, gl, vault, aws]
  await Promise.all(all.map((e) => e.start()))
  try {
    const pat = 'github_pat_demo_0000000000000000000000'
    gh.addToken(pat, { login: 'platform-bot' })
    gh.addOrg('acme')
    gh.addRepo('acme', 'api', { environments: ['production'] })
    gh.addRepo('acme', 'web')
    gh.seedOrgSecret('acme', 'RACK_GATEWAY_API_TOKEN', {
      value: 'legacy',
      visibility: 'selected',
      selectedRepositoryIds: [gh.repoId('acme', 'web')],
    })
    cci.addOrg('gh/acme')
    cci.addToken('circle-demo-token', { orgs: ['gh/acme'] })
    gl.addGroup('acme')
    gl.addToken('glpat-demo-token', { username: 'platform-bot', access: { acme: 50 } })
    // A variable someone protected by hand: protected variables break feature branches.
    gl.seedVariable('group', 'acme', {
      key: 'RACK_GATEWAY_API_TOKEN',
      value: 'legacy-value',
      protected: true,
      masked: true,
      raw: false,
    })
    // Vault: a KV v2 secret with another field the rotation keeps; the token may read and update only there.
    vault.addMount('secret', { version: 2 })
    vault.seedSecret('secret/ci/rack-gateway', { endpoint: 'https://gateway.acme.example' })
    vault.addToken('hvs.demo-token-00000000000000', { 'secret/data/ci/*': ['create', 'read', 'update'] })
    // AWS Secrets Manager: a JSON secret whose RACK field the rotation replaces; temporary credentials as from OIDC.
    aws.seedSecret('ci/rack-gateway', JSON.stringify({ RACK: 'legacy', region: 'eu-west-1' }))
    aws.addCredentials('ASIADEMO000000000001', 'demo-secret-access-key-0000000000', { sessionToken: 'demo-session' })
    const env = {
      AWS_ACCESS_KEY_ID: 'ASIADEMO000000000001',
      AWS_SECRET_ACCESS_KEY: 'demo-secret-access-key-0000000000',
      AWS_SESSION_TOKEN: 'demo-session',
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
    }
    const admin = rgw.addAdminToken()
    out('Emulators on loopback:')
    out(`  Rack Gateway ${rgw.url}   GitHub ${gh.url}   CircleCI ${cci.url}   GitLab ${gl.url}`)
    out(`  Vault ${vault.url}   AWS Secrets Manager ${aws.url}`)

    const inputs = {
      issuer: 'rack-gateway',
      'issuer-url': rgw.url,
      'issuer-token': admin,
      'token-role': 'cicd',
      'github-token': pat,
      'github-api-url': gh.url,
      'circleci-token': 'circle-demo-token',
      'circleci-url': cci.url,
      'gitlab-token': 'glpat-demo-token',
      'gitlab-url': gl.url,
      'vault-url': vault.url,
      'vault-token': 'hvs.demo-token-00000000000000',
      destinations: [
        'github:repo/acme/api',
        'github:env/acme/api/production',
        'github:org/acme   # keeps its selected repositories',
        'circleci:context/gh/acme/rwx   # created when missing',
        'gitlab:group/acme   # masked, not protected, raw',
        'vault:kv/secret/ci/rack-gateway   # KV v2, other fields kept',
        'aws:secret/ci/rack-gateway?key=RACK   # one field of a JSON secret',
      ].join('\n'),
    }

    // Scheduled rotations run days apart: a token younger than the overlap grace (6 h 15 min) may
    // still be on its way to a destination from another run, so only older ones are revoked.
    const aDayLater = () => [gh, rgw, cci].forEach((e) => e.passTime(1))

    show('1. dry run: what would happen', await demoRun(1, { ...inputs, 'dry-run': 'true' }, env))
    const first = await demoRun(2, inputs, env)
    show(
      '2. first rotation: mint, verify, write to GitHub repo, environment and org, a CircleCI context and a GitLab group',
      first,
    )
    aDayLater()
    const second = await demoRun(3, inputs, env)
    show(
      '3. a day later, the next rotation: the first token is revoked once every destination holds the new one',
      second,
    )

    aDayLater()
    gh.setFaults([{ match: /^PUT \/repos\/acme\/api\/environments\//, rate: 1, kind: 503 }])
    const third = await demoRun(4, inputs, env)
    gh.setFaults([])
    show(
      '4. a destination fails (GitHub answers 503; the secret, read back, still holds the old token): nothing old is revoked, the run fails and names it',
      third,
    )
    aDayLater()
    const fourth = await demoRun(5, inputs, env)
    show('5. re-run after the outage: converges, revoking every older token', fourth)

    out('\nWhat each destination holds now (fingerprints, never values):')
    const holders = [
      ['github:repo/acme/api', gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')],
      ['github:env/acme/api/production', gh.secretValue({ env: 'acme/api/production' }, 'RACK_GATEWAY_API_TOKEN')],
      ['github:org/acme', gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')?.value],
      ['circleci:context/gh/acme/rwx', cci.contextValue('gh/acme', 'rwx', 'RACK_GATEWAY_API_TOKEN')],
      ['gitlab:group/acme', gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')?.value],
      ['vault:kv/secret/ci/rack-gateway', vault.secret('secret/ci/rack-gateway')?.RACK_GATEWAY_API_TOKEN as string],
      ['aws:secret/ci/rack-gateway?key=RACK', JSON.parse(aws.current('ci/rack-gateway') ?? '{}').RACK as string],
    ] as const
    for (const [id, value] of holders)
      out(
        `  ${id.padEnd(38)} ${fingerprint(value)}  valid at Rack Gateway: ${value && rgw.isValid(value) ? 'yes' : 'NO'}`,
      )
    const org = gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')
    out(
      `  org secret visibility: ${org?.visibility}, selected repository ids: ${JSON.stringify(org?.selectedRepositoryIds)}`,
    )
    const glVar = gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')
    out(
      `  gitlab variable flags: masked=${glVar?.masked} protected=${glVar?.protected} raw=${glVar?.raw} scope=${glVar?.environment_scope}`,
    )
    // The rotation set: the name without its `-<UTC time>-<run tag>`.
    const set = setOf(first.outputs['token-name']!)
    const live = rgw.tokens().filter((t) => set && isMintedWith(set, t.name) && !t.revoked)
    out(`  live tokens of the rotation set at Rack Gateway: ${live.length}`)
    const failed = [first, second, fourth].some((r) => r.code !== 0) || third.code === 0 || live.length !== 1
    if (failed) throw new Error('the demo did not go as expected: see the runs above')
    out('\nWhat each run left behind (the JSON report, report-file, and the job summary GitHub would show):')
    for (const file of kept) out(`  ${file}`)
    out('\nDemo finished: every destination holds one valid token; older tokens are revoked.')
  } finally {
    await Promise.all(all.map((e) => e.close()))
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
