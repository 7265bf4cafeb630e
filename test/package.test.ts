/**
 * token-action is a real npm package: the tarball ships only what runs (dist/) and what its README
 * links to (docs/, SECURITY.md), with README, LICENSE and package.json; declares no runtime dependency because dist/ bundles everything, and its `bin`
 * answers --version and --help once installed from the tarball outside the repository, by
 * `npm install` and by `npx`.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { npmEnv, packTarball, type Packed } from './helpers/pack.js'
import { ROOT } from './helpers/run-dist.js'

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  version: string
  bin: Record<string, string>
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  )
}

/** Module specifiers the bundle loads at run time: static and dynamic imports and (created) requires. */
function loadedSpecifiers(code: string): string[] {
  const found = [
    ...code.matchAll(/\bimport\s[^'";]*?\sfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\brequire\)?\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/createRequire\(import\.meta\.url\)\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!)
  return [...new Set(found)]
}

describe('the npm package', () => {
  let packed: Packed
  beforeAll(() => {
    packed = packTarball()
  }, 60_000)

  it('is publishable and declares no runtime dependency (dist/ bundles them)', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.dependencies).toBeUndefined()
    expect(pkg.optionalDependencies).toBeUndefined()
    expect(pkg.peerDependencies).toBeUndefined()
    expect(pkg.bin).toEqual({ 'token-action': 'dist/cli.js' })
    expect(pkg.files).toEqual(['dist/', 'docs/', 'SECURITY.md'])
    expect(pkg.repository).toMatchObject({ url: 'git+https://github.com/org/token-action.git' })
  })

  it('ships what runs and what the README links to: dist/, docs/, SECURITY.md, README.md, LICENSE, package.json', () => {
    expect(packed.version).toBe(pkg.version)
    expect(packed.files.filter((f) => !f.startsWith('dist/'))).toEqual([
      'LICENSE',
      'README.md',
      'SECURITY.md',
      ...readdirSync(join(ROOT, 'docs'))
        .map((f) => `docs/${f}`)
        .sort(),
      'package.json',
    ])
    // Everything in dist/ and nothing else of it: the bundles, their chunks, licences and the ESM marker.
    expect(packed.files.filter((f) => f.startsWith('dist/'))).toEqual(
      walk(join(ROOT, 'dist'))
        .map((f) => relative(ROOT, f))
        .sort(),
    )
    expect(packed.files).toContain('dist/cli.js')
  })

  it('every relative link of the shipped README resolves inside the tarball (the rest are absolute URLs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^https?:/.test(l))
    expect(links.length).toBeGreaterThan(2)
    for (const link of links) expect(packed.files, link).toContain(link)
  })

  it('the bundles load nothing from node_modules: every bare specifier is a Node built-in', () => {
    const builtins = new Set(builtinModules)
    const files = walk(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))
    expect(files.length).toBeGreaterThan(3)
    const external: string[] = []
    for (const file of files) {
      for (const spec of loadedSpecifiers(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue
        external.push(`${relative(ROOT, file)}: ${spec}`)
      }
    }
    expect(external).toEqual([])
    // The check has teeth: it does see the built-ins the bundle loads.
    expect(loadedSpecifiers(readFileSync(join(ROOT, 'dist', 'bundle', 'bundle.js'), 'utf8'))).toEqual(
      expect.arrayContaining(['node:http', 'crypto']),
    )
  })

  it('installed from the tarball outside the repository, the bin answers --version and --help', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-install-'))
    const env = npmEnv()
    execFileSync('npm', ['install', '--no-save', '--prefer-offline', packed.tarball], { cwd: dir, env, stdio: 'pipe' })
    // No dependency came along: the package is the only thing installed.
    expect(readdirSync(join(dir, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['token-action'])
    const bin = join(dir, 'node_modules', '.bin', 'token-action')
    expect(execFileSync(bin, ['--version'], { cwd: dir, env, encoding: 'utf8' }).trim()).toBe(pkg.version)
    const help = execFileSync(bin, ['--help'], { cwd: dir, env, encoding: 'utf8' })
    for (const command of ['rotate', 'create', 'distribute', 'ephemeral', 'plan'])
      expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
    expect(help).toMatch(/-V, --version/)
  }, 60_000)

  it('npx runs it straight from the tarball in an empty folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-action-npx-'))
    const out = execFileSync(
      'npm',
      ['exec', '--yes', `--package=${packed.tarball}`, '--', 'token-action', '--version'],
      { cwd: dir, env: npmEnv(), encoding: 'utf8' },
    )
    expect(out.trim()).toBe(pkg.version)
  }, 60_000)
})
