/**
 * dist/ ships each module once: ncc (webpack) copies a small module into every lazy chunk that imports
 * it unless it has a chunk of its own, so a module in two chunks is code parsed twice and a place for
 * two copies to disagree. And the post step, which revokes one token, loads no more than that needs:
 * the plan, the issuer and the transport; no engine, no destination, no report.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, runAction } from './helpers/run-dist.js'
import { useWorld } from './helpers/world.js'

const BUNDLE = join(ROOT, 'dist', 'bundle')
const chunks = readdirSync(BUNDLE).filter((f) => f.endsWith('.js'))
const text = new Map(chunks.map((c) => [c, readFileSync(join(BUNDLE, c), 'utf8')]))

/** Webpack module ids a chunk defines, and the source paths it concatenated into them. */
function modulesOf(chunk: string): { ids: string[]; concatenated: string[] } {
  const t = text.get(chunk)!
  return {
    ids: [...t.matchAll(/^\/\*\*\*\/ (\d+):$/gm)].map((m) => m[1]!),
    concatenated: [...t.matchAll(/^;\/\/ CONCATENATED MODULE: (\S+)$/gm)].map((m) => m[1]!),
  }
}

/** A readable name for each module id, from the comments and variable names webpack writes where it is required. */
const NAMES = new Map<string, string>()
for (const t of text.values()) {
  for (const m of t.matchAll(/\/\/ EXTERNAL MODULE: (\S+)[^\n]*\nvar \w+ = __webpack_require__\((\d+)\)/g))
    NAMES.set(m[2]!, m[1]!)
  for (const m of t.matchAll(/var (\w+?)__WEBPACK_IMPORTED_MODULE_\d+__ = __webpack_require__\((\d+)\)/g))
    if (!NAMES.has(m[2]!)) NAMES.set(m[2]!, m[1]!)
}
const named = (id: string) => `${id} (${NAMES.get(id) ?? 'unnamed'})`

describe('dist/ bundle', () => {
  it('has every module in exactly one chunk', () => {
    const where = new Map<string, string[]>()
    for (const c of chunks) {
      const { ids, concatenated } = modulesOf(c)
      for (const key of [...ids.map(named), ...concatenated]) where.set(key, [...(where.get(key) ?? []), c])
    }
    const twice = [...where].filter(([, cs]) => cs.length > 1).map(([m, cs]) => `${m} in ${cs.join(', ')}`)
    expect(twice).toEqual([])
  })

  describe('the post step', () => {
    const { http } = useWorld()
    it('revokes the ephemeral token loading neither the engine, nor a destination, nor the report', async () => {
      const admin = http.addAdminToken()
      const inputs = {
        issuer: 'http',
        'issuer-url': http.url,
        'issuer-token': admin,
        mode: 'ephemeral',
        'token-role': 'viewer',
        'secret-name': 'EPHEMERAL_TOKEN',
        'token-name': 'post-chunks',
      }
      const main = await runAction(inputs)
      expect(main.code, main.log).toBe(0)
      const log = join(mkdtempSync(join(tmpdir(), 'token-action-chunks-')), 'chunks')
      const hook = join(ROOT, 'test', 'helpers', 'chunk-hook.mjs')
      const post = await main.post({ NODE_OPTIONS: `--import=${hook}`, TOKEN_ACTION_CHUNK_LOG: log })
      expect(post.code, post.log).toBe(0)
      expect(post.log).toMatch(/revoked ephemeral token/)
      const loaded = [
        ...new Set(
          readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((u) => basename(new URL(u).pathname)),
        ),
      ]
      const modules = loaded.flatMap((c) => {
        const { ids, concatenated } = modulesOf(c)
        return [...ids.map(named), ...concatenated]
      })
      expect(
        modules.filter((m) =>
          /engine[/_](run|set|phases|compose|ledger)|platforms[/_](index|\w+[/_]destination)|report[/_]report/.test(m),
        ),
      ).toEqual([])
    })
  })
})
