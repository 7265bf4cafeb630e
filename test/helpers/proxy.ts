/**
 * A loopback forward proxy for the proxy tests, speaking both ways a client uses one:
 * absolute-form requests (`GET http://host:port/path HTTP/1.1`, plain http targets) and `CONNECT
 * host:port` tunnels (https targets; the proxy sees only the encrypted stream). It records what it
 * carried and forwards only to 127.0.0.1 - anything else gets 403, so a test can never reach out.
 */
import http from 'node:http'
import net, { type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  kind: 'absolute' | 'connect'
  /** absolute: `METHOD http://host:port/path`; connect: `host:port`. */
  target: string
  /** The Proxy-Authorization header the client sent, if any. */
  proxyAuthorization?: string
}

export class LoopbackProxy {
  readonly seen: ProxiedRequest[] = []
  private server?: http.Server
  private readonly sockets = new Set<Socket>()
  private baseUrl?: string

  get url(): string {
    if (!this.baseUrl) throw new Error('proxy not started')
    return this.baseUrl
  }

  /** Targets carried (`host:port`), in order, for assertions that do not care about the path. */
  hosts(kind?: ProxiedRequest['kind']): string[] {
    return this.seen
      .filter((r) => !kind || r.kind === kind)
      .map((r) => (r.kind === 'connect' ? r.target : new URL(r.target.split(' ')[1]!).host))
  }

  async start(): Promise<string> {
    const server = http.createServer((req, res) => this.forward(req, res))
    server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => this.tunnel(req, client, head))
    server.on('connection', (s: Socket) => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
    this.server = server
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    return this.baseUrl
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private record(kind: ProxiedRequest['kind'], target: string, req: http.IncomingMessage): void {
    const auth = req.headers['proxy-authorization']
    this.seen.push({ kind, target, ...(auth ? { proxyAuthorization: auth } : {}) })
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      // Origin-form: the client talked to us as if we were the server - not a proxied request.
      res.writeHead(400).end('absolute-form request expected')
      return
    }
    this.record('absolute', `${req.method} ${target.href}`, req)
    if (target.hostname !== '127.0.0.1' || target.protocol !== 'http:') {
      res.writeHead(403).end('this test proxy forwards to 127.0.0.1 only')
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: target.pathname + target.search, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      },
    )
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end('upstream failed')))
    req.pipe(upstream)
  }

  private tunnel(req: http.IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? ''
    this.record('connect', target, req)
    const m = /^127\.0\.0\.1:(\d+)$/.exec(target)
    if (!m) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = net.connect(Number(m[1]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    this.sockets.add(upstream)
    upstream.on('close', () => this.sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  }
}
