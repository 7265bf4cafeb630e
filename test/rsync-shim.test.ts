/**
 * The Node rsync stand-in (test/helpers/bin/rsync) that lets gitlab-ci-local run on a machine without
 * rsync: it must copy, exclude and delete the way gitlab-ci-local's calls expect, and refuse options it
 * does not implement.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/run-dist.js'

const RSYNC = join(ROOT, 'test', 'helpers', 'bin', 'rsync')

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rsync-shim-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** Runs the shim through bash, as gitlab-ci-local does (process substitution included). */
function rsync(cwd: string, command: string) {
  return spawnSync('bash', ['-c', command], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(RSYNC)}:${process.env.PATH}` },
  })
}

describe('rsync shim', () => {
  it('is executable and first on PATH when the tests put it there', () => {
    expect(lstatSync(RSYNC).mode & 0o111).not.toBe(0)
    expect(rsync(ROOT, 'command -v rsync').stdout.trim()).toBe(RSYNC)
  })

  it("mirrors the work tree like gitlab-ci-local's tracked-files copy: excludes, modes, links, --delete(-excluded)", () => {
    const dir = tree({
      'a.txt': 'a',
      'dist/cli.js': '#!/usr/bin/env node\n',
      'node_modules/x/i.js': 'x',
      'sub/node_modules/keep.txt': 'k',
      'untracked.log': 'u',
    })
    chmodSync(join(dir, 'dist/cli.js'), 0o755)
    symlinkSync('a.txt', join(dir, 'link'))
    const dest = join(dir, '.gitlab-ci-local', 'builds', '.docker')
    mkdirSync(dest, { recursive: true })
    writeFileSync(join(dest, 'stale.txt'), 'old')
    mkdirSync(join(dest, 'node_modules'))
    writeFileSync(join(dest, 'node_modules', 'excluded-but-there.txt'), 'old')
    const r = rsync(
      dir,
      `rsync -a --delete-excluded --delete --exclude-from=<(printf '/node_modules/\\n/untracked.log\\n') --exclude .gitlab-ci-local/ ./ .gitlab-ci-local/builds/.docker/`,
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(readFileSync(join(dest, 'a.txt'), 'utf8')).toBe('a')
    expect(lstatSync(join(dest, 'dist/cli.js')).mode & 0o777).toBe(0o755)
    expect(readlinkSync(join(dest, 'link'))).toBe('a.txt')
    // Anchored: only the top-level node_modules is excluded.
    expect(existsSync(join(dest, 'sub/node_modules/keep.txt'))).toBe(true)
    expect(existsSync(join(dest, 'node_modules'))).toBe(false)
    expect(existsSync(join(dest, 'untracked.log'))).toBe(false)
    expect(existsSync(join(dest, 'stale.txt'))).toBe(false)
    // The destination inside the source is not copied into itself.
    expect(existsSync(join(dest, '.gitlab-ci-local'))).toBe(false)
  })

  it("collects artifacts like gitlab-ci-local: -rRa --files-from keeps relative paths, honours --exclude '**'", () => {
    const dir = tree({ 'report.json': '{}', 'out/a.txt': 'a', 'out/skip.tmp': 's', '.gitlab-ci-local/x': 'x' })
    writeFileSync(join(dir, 'list'), './report.json\n./out\n./.gitlab-ci-local/x\n')
    const r = rsync(
      dir,
      `rsync --exclude '.gitlab-ci-local/**' -rRa --exclude '*.tmp' --files-from=list . ../art/job/.`,
    )
    expect(r.status).toBe(0)
    const art = join(dir, '..', 'art', 'job')
    expect(readFileSync(join(art, 'report.json'), 'utf8')).toBe('{}')
    expect(readFileSync(join(art, 'out/a.txt'), 'utf8')).toBe('a')
    expect(existsSync(join(art, 'out/skip.tmp'))).toBe(false)
    expect(existsSync(join(art, '.gitlab-ci-local/x'))).toBe(false)
  })

  it('refuses options it does not implement instead of guessing', () => {
    const dir = tree({ 'a.txt': 'a' })
    const r = rsync(dir, 'rsync -az ./ out/')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/unsupported option -az/)
  })
})
