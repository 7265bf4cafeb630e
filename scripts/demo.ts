/**
 * `npm run demo`: the whole lifecycle against local emulators, no accounts needed. Runs the committed
 * bundle (dist/index.js) exactly as a GitHub runner would, and prints what happened - never a token.
 * Each run's JSON report (report-file) and job summary are kept in a folder named at the end.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CircleCIEmulator } from '../test/emulators/circleci.js'
import { GitHubEmulator } from '../test/emulators/github.js'
import { GitLabEmulator } from '../test/emulators/gitlab.js'
import { RackGatewayEmulator } from '../test/emulators/rack-gateway.js'
import { runAction, type RunResult } from '../test/helpers/run-dist.js'

/** Where the runs' evidence goes: a report and a job summary per run. */
const evidence = mkdtempSync(join(tmpdir(), 'token-action-demo-'))
const kept: string[] = []

/** Runs the Action with its report written to the evidence folder, and keeps its job summary there too. */
async function demoRun(step: number, inputs: Record<string, string>): Promise<RunResult> {
  const report = join(evidence, `${step}-report.json`)
  const run = await runAction({ ...inputs, 'report-file': report })
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
  const all = [gh, rgw, cci, gl]
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
    const admin = rgw.addAdminToken()
    out('Emulators on loopback:')
    out(`  Rack Gateway ${rgw.url}   GitHub ${gh.url}   CircleCI ${cci.url}   GitLab ${gl.url}`)

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
      destinations: [
        'github:repo/acme/api',
        'github:env/acme/api/production',
        'github:org/acme   # keeps its selected repositories',
        'circleci:context/gh/acme/rwx   # created when missing',
        'gitlab:group/acme   # masked, not protected, raw',
      ].join('\n'),
    }

    // Scheduled rotations run days apart: a token younger than the overlap grace (6 h 15 min) may
    // still be on its way to a destination from another run, so only older ones are revoked.
    const aDayLater = () => [gh, rgw, cci].forEach((e) => e.passTime(1))

    show('1. dry run: what would happen', await demoRun(1, { ...inputs, 'dry-run': 'true' }))
    const first = await demoRun(2, inputs)
    show(
      '2. first rotation: mint, verify, write to GitHub repo, environment and org, a CircleCI context and a GitLab group',
      first,
    )
    aDayLater()
    const second = await demoRun(3, inputs)
    show(
      '3. a day later, the next rotation: the first token is revoked once every destination holds the new one',
      second,
    )

    aDayLater()
    gh.setFaults([{ match: /^PUT \/repos\/acme\/api\/environments\//, rate: 1, kind: 503 }])
    const third = await demoRun(4, inputs)
    gh.setFaults([])
    show(
      '4. a destination fails (GitHub answers 503; the secret, read back, still holds the old token): nothing old is revoked, the run fails and names it',
      third,
    )
    aDayLater()
    const fourth = await demoRun(5, inputs)
    show('5. re-run after the outage: converges, revoking every older token', fourth)

    out('\nWhat each destination holds now (fingerprints, never values):')
    const holders = [
      ['github:repo/acme/api', gh.secretValue({ repo: 'acme/api' }, 'RACK_GATEWAY_API_TOKEN')],
      ['github:env/acme/api/production', gh.secretValue({ env: 'acme/api/production' }, 'RACK_GATEWAY_API_TOKEN')],
      ['github:org/acme', gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')?.value],
      ['circleci:context/gh/acme/rwx', cci.contextValue('gh/acme', 'rwx', 'RACK_GATEWAY_API_TOKEN')],
      ['gitlab:group/acme', gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')?.value],
    ] as const
    for (const [id, value] of holders)
      out(
        `  ${id.padEnd(34)} ${fingerprint(value)}  valid at Rack Gateway: ${value && rgw.isValid(value) ? 'yes' : 'NO'}`,
      )
    const org = gh.orgSecret('acme', 'RACK_GATEWAY_API_TOKEN')
    out(
      `  org secret visibility: ${org?.visibility}, selected repository ids: ${JSON.stringify(org?.selectedRepositoryIds)}`,
    )
    const glVar = gl.variable('group', 'acme', 'RACK_GATEWAY_API_TOKEN')
    out(
      `  gitlab variable flags: masked=${glVar?.masked} protected=${glVar?.protected} raw=${glVar?.raw} scope=${glVar?.environment_scope}`,
    )
    const live = rgw
      .tokens()
      .filter((t) => t.name.startsWith(`${first.outputs['token-name']!.slice(0, -15)}-`) && !t.revoked)
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
