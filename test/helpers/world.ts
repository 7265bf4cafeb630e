/**
 * The emulated world a test file runs in, set up in one place: the services it asks for, started
 * before its tests and closed after, with the usual accounts (GitHub org `acme` and a PAT that may
 * write secrets, CircleCI org `gh/acme` and a token, GitLab group `acme` and an Owner's token, a Rack
 * Gateway admin credential) and the inputs that point a run at them. Files add their own repositories,
 * faults and seeds in their own hooks, which run after these.
 */
import { afterAll, beforeAll, onTestFinished } from 'vitest'
import type { Inputs } from '../../src/plan/plan.js'
import type { FaultRule } from '../emulators/base.js'
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

/** One test's situation: what exists, what goes wrong, and the run's inputs - the rest is the world's. */
export interface ScenarioSpec {
  /** Destination lines (one per entry). */
  destinations: string[]
  /** GitHub repositories that exist (`owner/name`), with their environments. */
  repos?: Record<string, { environments?: string[]; topics?: string[] }>
  /** Faults each service answers with during this test; cleared when it ends. */
  faults?: Partial<Record<'github' | 'rackGateway' | 'circleci' | 'gitlab', FaultRule[]>>
  /** Inputs over the world's rotation (issuer, rights, credentials and URLs are already set). */
  inputs?: Inputs
}

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
  /** Sets up a scenario for the running test and returns the inputs of its run. */
  scenario(spec: ScenarioSpec): Record<string, string>
}

export function useWorld(): World {
  const world = {
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
    scenario(spec: ScenarioSpec): Record<string, string> {
      for (const [path, opts] of Object.entries(spec.repos ?? {})) {
        const [owner, name] = path.split('/') as [string, string]
        world.gh.addRepo(owner, name, opts)
      }
      const services = { github: world.gh, rackGateway: world.rgw, circleci: world.cci, gitlab: world.gl }
      for (const [service, rules] of Object.entries(spec.faults ?? {})) {
        const emulator = services[service as keyof typeof services]
        emulator.setFaults(rules)
        onTestFinished(() => emulator.setFaults([]))
      }
      return world.inputs({ destinations: spec.destinations.join('\n'), ...spec.inputs })
    },
  }
  const emulators = () => [world.gh, world.rgw, world.cci, world.gl, world.http, world.rwx, world.hawzu]
  beforeAll(async () => {
    await Promise.all(emulators().map((e) => e.start()))
    world.gh.addToken(ACCOUNTS.githubToken, { login: 'rotator' })
    world.gh.addOrg('acme')
    world.cci.addOrg('gh/acme')
    world.cci.addToken(ACCOUNTS.circleciToken, { orgs: ['gh/acme'] })
    world.gl.addGroup('acme')
    world.gl.addToken(ACCOUNTS.gitlabToken, { username: 'owner', access: { acme: 50 } })
    world.admin = world.rgw.addAdminToken()
  })
  afterAll(async () => {
    await Promise.all(emulators().map((e) => e.close()))
  })
  return world
}
