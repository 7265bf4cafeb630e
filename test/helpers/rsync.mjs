/**
 * A small rsync in Node for machines without one. gitlab-ci-local 4.73.0 shells out to rsync to copy
 * the repository's tracked files into .gitlab-ci-local/builds/ and to collect artifacts; a fresh
 * machine has no rsync, so the tests put test/helpers/bin (whose `rsync` runs this file) first on
 * PATH for gitlab-ci-local. It implements exactly what gitlab-ci-local passes, and refuses anything
 * else rather than guess:
 *
 *   rsync -a --delete-excluded --delete --exclude-from=FILE --exclude PAT ./ DEST/
 *   rsync --exclude 'PAT' -rRa --files-from=FILE . DEST/.
 *   rsync -Ra ./PATH DEST/.                 rsync -a SRC/. DEST          rsync --exclude=PAT -a SRC/. DEST
 *
 * Semantics follow rsync(1): `-a` = recursive, symlinks as symlinks, permissions and times kept;
 * a source ending in `/` or `/.` copies the folder's contents; `-R` keeps the source's relative path;
 * exclude patterns: a leading `/` anchors to the transfer root, a trailing `/` matches folders only,
 * a pattern without `/` matches the last path element, `*` stops at `/`, `**` does not; an excluded
 * folder is not entered. `--delete` removes what the source does not have, `--delete-excluded` also
 * removes excluded names from the destination.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
} from 'node:fs'
import { basename, join } from 'node:path'

function fail(message, code = 1) {
  process.stderr.write(`rsync (token-action test shim): ${message}\n`)
  process.exit(code)
}

const opts = {
  recursive: false,
  relative: false,
  archive: false,
  delete: false,
  deleteExcluded: false,
  excludes: [],
  filesFrom: undefined,
}
const positional = []
const args = process.argv.slice(2)
const readList = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !/^[#;]/.test(l))
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  const value = (name) =>
    arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : (args[++i] ?? fail(`${name} needs a value`))
  if (arg === '--delete') opts.delete = true
  else if (arg === '--delete-excluded') opts.deleteExcluded = opts.delete = true
  else if (arg === '--exclude' || arg.startsWith('--exclude=')) opts.excludes.push(value('--exclude'))
  else if (arg === '--exclude-from' || arg.startsWith('--exclude-from='))
    opts.excludes.push(...readList(value('--exclude-from')))
  else if (arg === '--files-from' || arg.startsWith('--files-from=')) opts.filesFrom = readList(value('--files-from'))
  else if (/^-[arR]+$/.test(arg)) {
    for (const c of arg.slice(1)) {
      if (c === 'a') opts.archive = true
      else if (c === 'r') opts.recursive = true
      else opts.relative = true
    }
  } else if (arg.startsWith('-')) fail(`unsupported option ${arg} (only what gitlab-ci-local uses is implemented)`)
  else positional.push(arg)
}
if (positional.length < 2)
  fail(
    'usage: rsync [-aRr] [--delete] [--delete-excluded] [--exclude PAT] [--exclude-from FILE] [--files-from FILE] SRC... DEST',
  )
const dest = positional.pop()
// --files-from implies -R and turns off the recursion -a implies (rsync(1)); -r given explicitly recurses.
if (opts.filesFrom) opts.relative = true
const recurse = opts.recursive || (opts.archive && !opts.filesFrom)

/** rsync pattern -> test(relativePath, isDir). */
function compile(pattern) {
  let p = pattern
  const dirOnly = p.endsWith('/')
  if (dirOnly) p = p.replace(/\/+$/, '')
  const anchored = p.startsWith('/')
  if (anchored) p = p.slice(1)
  const wholePath = anchored || p.includes('/') || p.includes('**')
  let re = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '*' && p[i + 1] === '*') {
      re += '.*'
      i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const end = p.indexOf(']', i + 1)
      if (end < 0) re += '\\['
      else {
        re += `[${p
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  const regex = new RegExp(anchored ? `^${re}$` : wholePath ? `(^|/)${re}$` : `^${re}$`)
  return (rel, isDir) => (!dirOnly || isDir) && regex.test(wholePath ? rel : basename(rel))
}
const excluders = opts.excludes.map(compile)
const excluded = (rel, isDir) => excluders.some((test) => test(rel, isDir))

let partial = false
/** Relative paths (from the transfer root) that the source has and that were not excluded. */
const kept = new Set()

function copyEntry(from, to, rel) {
  let st
  try {
    st = lstatSync(from)
  } catch {
    process.stderr.write(`rsync (token-action test shim): ${from}: no such file or directory\n`)
    partial = true
    return
  }
  if (excluded(rel, st.isDirectory())) return
  kept.add(rel)
  const existing = existsSync(to) || isLink(to) ? lstatSync(to) : undefined
  if (st.isDirectory()) {
    if (existing && !existing.isDirectory()) rmSync(to, { force: true, recursive: true })
    mkdirSync(to, { recursive: true })
    if (recurse)
      for (const name of readdirSync(from)) copyEntry(join(from, name), join(to, name), rel ? `${rel}/${name}` : name)
    if (opts.archive) chmodSync(to, st.mode & 0o7777)
  } else if (st.isSymbolicLink()) {
    if (existing) rmSync(to, { force: true, recursive: true })
    symlinkSync(readlinkSync(from), to)
  } else {
    if (existing && !existing.isFile()) rmSync(to, { force: true, recursive: true })
    copyFileSync(from, to)
    if (opts.archive) {
      chmodSync(to, st.mode & 0o7777)
      utimesSync(to, st.atime, st.mtime)
    }
  }
}

function isLink(p) {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

/** --delete: removes what the transfer did not keep (excluded names only with --delete-excluded). */
function prune(dir, rel) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const r = rel ? `${rel}/${name}` : name
    const isDir = lstatSync(path).isDirectory()
    if (kept.has(r)) {
      if (isDir) prune(path, r)
    } else if (opts.deleteExcluded || !excluded(r, isDir)) rmSync(path, { recursive: true, force: true })
  }
}

const contentsOf = (src) => src === '.' || src.endsWith('/') || src.endsWith('/.')
const strip = (p) => p.replace(/^(\.\/)+/, '').replace(/\/+\.?$/, '')

if (opts.delete && (opts.filesFrom || opts.relative || !positional.every(contentsOf)))
  fail('--delete is implemented only for folder contents (SRC/ DEST/)')

if (opts.filesFrom) {
  if (positional.length !== 1) fail('--files-from takes one source folder')
  mkdirSync(dest, { recursive: true })
  for (const line of opts.filesFrom) {
    const rel = strip(line)
    if (!rel) continue
    // -R: parent folders are created; they are not subject to the exclude rules of the file itself.
    const parts = rel.split('/')
    for (let i = 1; i < parts.length; i++) mkdirSync(join(dest, ...parts.slice(0, i)), { recursive: true })
    copyEntry(join(positional[0], rel), join(dest, rel), rel)
  }
} else {
  for (const src of positional) {
    if (opts.relative) {
      const rel = strip(src.includes('/./') ? src.slice(src.indexOf('/./') + 3) : src)
      const parent = rel.split('/').slice(0, -1)
      if (parent.length) mkdirSync(join(dest, ...parent), { recursive: true })
      copyEntry(src, join(dest, rel), rel)
    } else if (contentsOf(src)) {
      mkdirSync(dest, { recursive: true })
      if (!recurse) fail('copying a folder needs -a or -r')
      for (const name of readdirSync(src)) copyEntry(join(src, name), join(dest, name), name)
      if (opts.delete) prune(dest, '')
    } else {
      const isDir = existsSync(src) && lstatSync(src).isDirectory()
      const into =
        isDir || positional.length > 1 || dest.endsWith('/') || (existsSync(dest) && lstatSync(dest).isDirectory())
      if (into) mkdirSync(dest, { recursive: true })
      copyEntry(src, into ? join(dest, basename(src)) : dest, basename(src))
    }
  }
}
process.exit(partial ? 23 : 0)
