/**
 * `npm run emulators`: the emulated Rack Gateway, GitHub, CircleCI, GitLab and RWX on 127.0.0.1, with
 * a few accounts, for trying the CLI by hand. Prints the lines to paste into another shell (made-up
 * credentials that only these emulators accept) and commands to try; Ctrl-C stops them.
 */
import { resolve } from 'node:path'
import { ACCOUNTS, closeWorld, newWorld, startWorld } from '../test/helpers/emulated-world.js'

const out = (line = '') => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  const world = newWorld()
  await startWorld(world)
  world.gh.addRepo('acme', 'api')
  world.gh.addRepo('acme', 'web')
  world.gl.addProject('acme/api')
  const rwxToken = world.rwx.addToken('acme')
  const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js')
  const destinations =
    '--destinations github:repo/acme/api --destinations circleci:context/gh/acme/rwx --destinations gitlab:group/acme'
  out('Emulated services on 127.0.0.1 (their state lives in this process; Ctrl-C stops them):')
  for (const [name, e] of [
    ['Rack Gateway', world.rgw],
    ['GitHub', world.gh],
    ['CircleCI', world.cci],
    ['GitLab', world.gl],
    ['RWX', world.rwx],
  ] as const)
    out(`  ${name.padEnd(13)}${e.url}`)
  out()
  out('Paste into another shell (made-up credentials that only these emulators accept):')
  out()
  out(`alias token-action='node ${cli}'`)
  out(`export TOKEN_ACTION_ISSUER_URL=${world.rgw.url}`)
  out(`export TOKEN_ACTION_ISSUER_TOKEN=${world.admin}`)
  out(`export TOKEN_ACTION_GITHUB_API_URL=${world.gh.url}`)
  out(`export GITHUB_TOKEN=${ACCOUNTS.githubToken}`)
  out(`export TOKEN_ACTION_CIRCLECI_URL=${world.cci.url}`)
  out(`export CIRCLE_TOKEN=${ACCOUNTS.circleciToken}`)
  out(`export TOKEN_ACTION_GITLAB_URL=${world.gl.url}`)
  out(`export GITLAB_TOKEN=${ACCOUNTS.gitlabToken}`)
  out()
  out('Then try (GitHub org acme with repositories api and web, CircleCI org gh/acme, GitLab group acme):')
  out()
  out(`token-action plan --issuer rack-gateway --token-name try-it --token-role cicd ${destinations}`)
  out(`token-action rotate --issuer rack-gateway --token-name try-it --token-role cicd ${destinations}`)
  out('token-action audit --issuer rack-gateway --token-name try-it')
  out(
    `TOKEN_ACTION_ISSUER_TOKEN= TOKEN_ACTION_TOKEN=${rwxToken} token-action distribute --issuer rwx --issuer-url ${world.rwx.url} --destinations gitlab:group/acme`,
  )
  out()
  out('ready')
  const stop = () => {
    void closeWorld(world).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`emulators failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
