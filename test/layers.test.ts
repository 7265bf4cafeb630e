/**
 * The folders are the layers (README, Architecture): a module imports only from its own folder or a
 * lower layer - types included, so a platform never reaches into the engine even for a type - and no
 * file grows past what a reader takes in at once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '..', 'src')
/** Lower first. Issuers and platforms are siblings: neither imports the other. */
const LAYERS: Record<string, number> = {
  shared: 0,
  shims: 0,
  transport: 1,
  issuers: 2,
  platforms: 2,
  plan: 3,
  report: 4,
  engine: 5,
  front: 6,
  '.': 7,
}
const MAX_LINES = 400

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

const layerOf = (file: string) => {
  const top = relative(SRC, file).split('/')
  return top.length === 1 ? '.' : top[0]!
}

describe('source layout', () => {
  const all = files(SRC)

  it('has no flat mix at the root of src/: the root holds only the bundle entry', () => {
    expect(all.filter((f) => layerOf(f) === '.').map((f) => relative(SRC, f))).toEqual(['bundle.ts'])
  })

  it('imports only from the same or a lower layer (type imports too)', () => {
    const problems: string[] = []
    for (const file of all) {
      const from = layerOf(file)
      expect(LAYERS[from], `${relative(SRC, file)}: a folder the layer table does not know`).toBeDefined()
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1]!)
        if (!target.startsWith(SRC)) continue // package.json, node_modules type paths
        const to = layerOf(target)
        if (to === from) continue
        if (LAYERS[to]! >= LAYERS[from]!) problems.push(`${relative(SRC, file)} (${from}) imports ${m[1]} (${to})`)
      }
    }
    expect(problems).toEqual([])
  })

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = all
      .map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > MAX_LINES)
    expect(long).toEqual([])
  })
})
