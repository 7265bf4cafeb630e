/**
 * A loopback npm registry serving one package: the tarball `npm pack` just made of this repository,
 * as `token-action` at its package.json version. Pointing `npm_config_registry` at it lets a test
 * run an integration's shipped command (`npx -y token-action@1 ...`) unchanged, offline, against the
 * code under test. Every other package name answers 404 and is recorded, so a test can assert the
 * CLI pulled in nothing else.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Packed } from './pack.js'

export class LocalRegistry {
  readonly served: string[] = []
  readonly missing: string[] = []
  private server?: http.Server
  private baseUrl?: string

  constructor(private readonly packed: Packed) {}

  get url(): string {
    if (!this.baseUrl) throw new Error('registry not started')
    return `${this.baseUrl}/`
  }

  async start(): Promise<string> {
    const tarball = readFileSync(this.packed.tarball)
    const { version } = this.packed
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >
    const file = `token-action-${version}.tgz`
    this.server = http.createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]!)
      if (path === '/token-action') {
        this.served.push(path)
        const body = {
          name: 'token-action',
          'dist-tags': { latest: version },
          versions: {
            [version]: {
              name: 'token-action',
              version,
              bin: manifest.bin,
              engines: manifest.engines,
              type: manifest.type,
              dist: {
                tarball: `${this.baseUrl}/token-action/-/${file}`,
                integrity: this.packed.integrity,
                shasum: createHash('sha1').update(tarball).digest('hex'),
              },
            },
          },
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      } else if (path === `/token-action/-/${file}`) {
        this.served.push(path)
        res
          .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length })
          .end(tarball)
      } else {
        this.missing.push(`${req.method} ${path}`)
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      }
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
