/**
 * The emulated world without a test runner: every service on loopback with the usual accounts
 * (GitHub org `acme` and a PAT that may write secrets, CircleCI org `gh/acme` and a token, GitLab
 * group `acme` and an Owner's token, a Rack Gateway admin credential). Tests get it through
 * useWorld (test/helpers/world.ts); `npm run emulators` (scripts/emulators.ts) serves it for trying
 * the CLI by hand.
 */
import type { Inputs } from '../../src/plan/plan.js'
import { HawzuEmulator, RwxEmulator } from '../emulators/bearer-verify.js'
import { CircleCIEmulator } from '../emulators/circleci.js'
import { GitHubEmulator } from '../emulators/github.js'
import { GitLabEmulator } from '../emulators/gitlab.js'
import { HttpIssuerEmulator } from '../emulators/http-issuer.js'
import { RackGatewayEmulator } from '../emulators/rack-gateway.js'

export const ACCOUNTS = {
  githubToken: 'github_pat_world_0000000000000000000000',
  circleciToken: 'circle-token-world-000000000000',
  gitlabToken: 'glpat-world-00000000000000000000',
} as const

export interface World {
  gh: GitHubEmulator
  rgw: RackGatewayEmulator
  cci: CircleCIEmulator
  gl: GitLabEmulator
  http: HttpIssuerEmulator
  rwx: RwxEmulator
  hawzu: HawzuEmulator
  /** The Rack Gateway admin credential (`issuer-token`). */
  admin: string
  /** A Rack Gateway rotation aimed at every platform of this world; `extra` overrides or adds. */
  inputs(extra?: Inputs): Record<string, string>
}

export function newWorld(): World {
  const world: World = {
    gh: new GitHubEmulator(),
    rgw: new RackGatewayEmulator(),
    cci: new CircleCIEmulator(),
    gl: new GitLabEmulator(),
    http: new HttpIssuerEmulator(),
    rwx: new RwxEmulator(),
    hawzu: new HawzuEmulator(),
    admin: '',
    inputs(extra: Inputs = {}): Record<string, string> {
      const all: Inputs = {
        issuer: 'rack-gateway',
        'issuer-url': world.rgw.url,
        'issuer-token': world.admin,
        'token-role': 'cicd',
        'github-token': ACCOUNTS.githubToken,
        'github-api-url': world.gh.url,
        'circleci-token': ACCOUNTS.circleciToken,
        'circleci-url': world.cci.url,
        'gitlab-token': ACCOUNTS.gitlabToken,
        'gitlab-url': world.gl.url,
        ...extra,
      }
      return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined))
    },
  }
  return world
}

const emulators = (w: World) => [w.gh, w.rgw, w.cci, w.gl, w.http, w.rwx, w.hawzu]

/** Starts every service and adds the usual accounts. */
export async function startWorld(world: World): Promise<void> {
  await Promise.all(emulators(world).map((e) => e.start()))
  world.gh.addToken(ACCOUNTS.githubToken, { login: 'rotator' })
  world.gh.addOrg('acme')
  world.cci.addOrg('gh/acme')
  world.cci.addToken(ACCOUNTS.circleciToken, { orgs: ['gh/acme'] })
  world.gl.addGroup('acme')
  world.gl.addToken(ACCOUNTS.gitlabToken, { username: 'owner', access: { acme: 50 } })
  world.admin = world.rgw.addAdminToken()
}

export async function closeWorld(world: World): Promise<void> {
  await Promise.all(emulators(world).map((e) => e.close()))
}
