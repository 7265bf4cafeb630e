/**
 * The npm package as users get it: `npm pack` of the committed dist/ (no build, no scripts), and a
 * clean environment for npm child processes - none of the `npm_*` variables `npm test` exports, a
 * private cache, no audit or fund calls - so a test sees what a fresh machine would.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './run-dist.js'

export function npmEnv(extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT']
  return {
    ...Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
    npm_config_cache: mkdtempSync(join(tmpdir(), 'token-action-npm-cache-')),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra,
  }
}

export interface Packed {
  /** Absolute path of the .tgz, outside the repository. */
  tarball: string
  files: string[]
  version: string
  integrity: string
  shasum: string
}

export function packTarball(): Packed {
  const dest = mkdtempSync(join(tmpdir(), 'token-action-pack-'))
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
    cwd: ROOT,
    encoding: 'utf8',
    env: npmEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const [info] = JSON.parse(out) as {
    filename: string
    files: { path: string }[]
    version: string
    integrity: string
    shasum: string
  }[]
  return {
    tarball: join(dest, info!.filename),
    files: info!.files.map((f) => f.path).sort(),
    version: info!.version,
    integrity: info!.integrity,
    shasum: info!.shasum,
  }
}
