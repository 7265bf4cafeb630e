/**
 * Files the front ends write: `report-file` (Action and CLI) and the CLI's `--token-file`. Both are
 * checked before anything is minted (so a typo in a path cannot strand a fresh token), and written
 * through a temporary file in the same directory, created 0600 and renamed into place: an existing
 * file of looser mode is replaced, and a symlink at the path is replaced, never followed.
 */
import { randomBytes } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  lstatSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ConfigError } from './errors.js'

/** The file can be (re)written: its directory exists and is writable, and the path is not a directory. */
export function checkWritableFile(input: string, path: string): void {
  const full = resolve(path)
  const dir = dirname(full)
  let dirStat
  try {
    dirStat = statSync(dir)
  } catch {
    throw new ConfigError(input, `cannot write ${path}: the directory ${dir} does not exist`)
  }
  if (!dirStat.isDirectory()) throw new ConfigError(input, `cannot write ${path}: ${dir} is not a directory`)
  try {
    accessSync(dir, constants.W_OK | constants.X_OK)
  } catch {
    throw new ConfigError(input, `cannot write ${path}: the directory ${dir} is not writable`)
  }
  let existing
  try {
    existing = lstatSync(full)
  } catch {
    return // does not exist yet: fine
  }
  if (existing.isDirectory()) throw new ConfigError(input, `cannot write ${path}: it is a directory`)
}

/** Writes `data` to `path` with `mode` (default 0600) via a same-directory temporary file and a rename. */
export function writeFilePrivately(path: string, data: string, mode = 0o600): void {
  const full = resolve(path)
  const tmp = join(dirname(full), `.${basename(full)}.${randomBytes(6).toString('hex')}.tmp`)
  // O_EXCL: the temporary name is fresh, so nothing (no planted symlink) is followed when creating it.
  const fd = openSync(
    tmp,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    mode,
  )
  try {
    try {
      fchmodSync(fd, mode) // exactly this mode, whatever the umask
      writeSync(fd, data)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    // rename replaces the directory entry itself: an existing file keeps nothing of its mode, a symlink is not
    // followed.
    renameSync(tmp, full)
  } catch (err) {
    try {
      unlinkSync(tmp)
    } catch {
      // already gone
    }
    throw err
  }
}
