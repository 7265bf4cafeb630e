/**
 * A small loopback HTTP server that every emulator builds on: routing, JSON bodies, a request log,
 * and switchable latency and faults (500, 502, connection reset, timeout) per route, seeded so a
 * failing run can be replayed. Emulators add the platform's own behaviour on top.
 */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export interface EmuRequest {
  method: string
  /** Path without the query string, still percent-encoded as sent. */
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body, or undefined when there is none. */
  body: unknown
  rawBody: string
}

export interface EmuResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (req: EmuRequest) => EmuResponse | Promise<EmuResponse>

/**
 * 422 refuses the request outright (a definite failure). 500/502/503, reset and timeout fail it
 * before it is handled, though the client cannot know that. The `lost-` kinds handle it
 * (the write lands) and then lose the answer: a proxy's 502, a reset or a timeout after the fact.
 */
export type FaultKind = 422 | 500 | 502 | 503 | 'reset' | 'timeout' | 'lost-502' | 'lost-reset' | 'lost-timeout'

export interface FaultRule {
  /** Matches `METHOD /path` (e.g. /^PUT \/repos\//); every request when omitted. */
  match?: RegExp
  /** Probability 0..1 that a matching request fails this way. */
  rate: number
  kind: FaultKind
  /** Strikes at most this many times (e.g. 1: only the first matching request). */
  limit?: number
  /** Lets this many matching requests through first. */
  after?: number
}

export interface EmulatorOptions {
  /** Added to every response, in ms. */
  latencyMs?: number
  faults?: FaultRule[]
  /** Seed for the fault dice. */
  seed?: number
  /** Serves the API under this path, e.g. `/api/v3` as GitHub Enterprise Server does; anything else is 404. */
  basePath?: string
}

export interface RecordedRequest {
  /** Order across every emulator of the process: one transcript can interleave several services. */
  seq: number
  method: string
  path: string
  query: string
  status: number
  body: unknown
}

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: Handler
}

/** mulberry32: tiny seeded PRNG so fault sequences replay from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let sequence = 0

export function json(status: number, body?: unknown, headers?: Record<string, string>): EmuResponse {
  return { status, body, headers }
}

export class Emulator {
  readonly requests: RecordedRequest[] = []
  /** Called for every request before routing; may answer instead (rate limits, validation). */
  readonly guards: Handler[] = []
  /** Called with every answered request and its response (e.g. response validation). */
  readonly observers: ((req: EmuRequest, res: EmuResponse) => void)[] = []
  latencyMs: number
  faults: FaultRule[]
  /** Requests being handled right now, and the most ever at once. */
  inFlight = 0
  peakInFlight = 0
  private random: () => number
  private readonly routes: Route[] = []
  private server?: http.Server | https.Server
  private baseUrl = ''
  private readonly sockets = new Set<Socket>()
  private readonly basePath: string

  constructor(
    readonly name: string,
    options: EmulatorOptions = {},
  ) {
    this.basePath = options.basePath ?? ''
    this.latencyMs = options.latencyMs ?? 0
    this.faults = options.faults ?? []
    this.random = seededRandom(options.seed ?? 1)
  }

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.name} emulator is not started`)
    return this.baseUrl + this.basePath
  }

  setFaults(faults: FaultRule[], seed?: number): void {
    this.faults = faults
    if (seed !== undefined) this.random = seededRandom(seed)
  }

  /** Registers a route; `:name` segments match one path segment (percent-encoded). `*name` matches the rest. */
  route(method: string, path: string, handler: Handler): this {
    const keys: string[] = []
    const source = path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*(\w+)/g, (_m, key: string) => {
        keys.push(key)
        return '(.+)'
      })
      .replace(/:(\w+)/g, (_m, key: string) => {
        keys.push(key)
        return '([^/]+)'
      })
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), keys, handler })
    return this
  }

  /** Serves plain http, or https with `tls` (a certificate the client must trust, e.g. via NODE_EXTRA_CA_CERTS). */
  async start(tls?: { key: string; cert: string }): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => void this.handle(req, res)
    this.server = tls ? https.createServer(tls, handler) : http.createServer(handler)
    this.server.on('connection', (s) => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    this.baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`
    return this.baseUrl
  }

  async close(): Promise<void> {
    if (!this.server) return
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
    this.server = undefined
  }

  private pickFault(line: string): FaultKind | undefined {
    for (const f of this.faults) {
      if (f.match && !f.match.test(line)) continue
      if (f.limit !== undefined && f.limit <= 0) continue
      if (f.after) {
        f.after--
        continue
      }
      if (this.random() < f.rate) {
        if (f.limit !== undefined) f.limit--
        return f.kind
      }
    }
    return undefined
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight)
    res.on('close', () => this.inFlight--)
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    if (this.basePath) {
      if (!url.pathname.startsWith(`${this.basePath}/`)) {
        res.writeHead(404, { 'content-type': 'text/html' })
        return void res.end('<html><body>404 Not Found</body></html>')
      }
      url.pathname = url.pathname.slice(this.basePath.length)
    }
    const line = `${method} ${url.pathname}`
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs))

    const picked = this.pickFault(line)
    const lost = typeof picked === 'string' && picked.startsWith('lost-') ? picked : undefined
    const fault = lost ? undefined : picked
    if (fault === 'reset') {
      this.requests.push({ seq: ++sequence, method, path: url.pathname, query: url.search, status: 0, body: undefined })
      req.socket.destroy()
      return
    }
    if (fault === 'timeout') {
      this.requests.push({
        seq: ++sequence,
        method,
        path: url.pathname,
        query: url.search,
        status: -1,
        body: undefined,
      })
      return // never answer; the client's timeout must fire
    }

    let body: unknown
    let response: EmuResponse
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {
      response = json(400, { message: 'Problems parsing JSON' })
    }
    const emuReq: EmuRequest = {
      method,
      path: url.pathname,
      params: {},
      query: url.searchParams,
      headers: req.headers,
      body,
      rawBody,
    }
    try {
      response ??=
        typeof fault === 'number' ? json(fault, { message: `${fault} injected fault` }) : await this.dispatch(emuReq)
    } catch (err) {
      response = json(500, { message: `emulator error: ${err instanceof Error ? err.message : String(err)}` })
    }
    this.requests.push({
      seq: ++sequence,
      method,
      path: url.pathname,
      query: url.search,
      status: response.status,
      body,
    })
    for (const observe of this.observers) observe(emuReq, response)
    if (lost === 'lost-reset') return void req.socket.destroy()
    if (lost === 'lost-timeout') return // applied, never answered
    if (lost === 'lost-502')
      response = {
        status: 502,
        body: '<html><body>502 Bad Gateway</body></html>',
        headers: { 'content-type': 'text/html' },
      }
    const headers: Record<string, string> = { ...response.headers }
    let payload = ''
    if (response.body !== undefined) {
      payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body)
      headers['content-type'] ??= 'application/json; charset=utf-8'
    }
    res.writeHead(response.status, headers)
    res.end(payload)
  }

  private async dispatch(req: EmuRequest): Promise<EmuResponse> {
    for (const guard of this.guards) {
      const answer = await guard(req)
      if (answer.status !== 0) return answer
    }
    for (const r of this.routes) {
      if (r.method !== req.method) continue
      const m = r.pattern.exec(req.path)
      if (!m) continue
      r.keys.forEach((k, i) => (req.params[k] = decodeURIComponent(m[i + 1]!)))
      return r.handler(req)
    }
    return json(404, { message: 'Not Found' })
  }
}

/** A guard that lets the request through. */
export const PASS: EmuResponse = { status: 0 }

/** Reads the bearer-style credential from the usual headers. */
export function credential(req: EmuRequest, header = 'authorization'): string | undefined {
  const v = req.headers[header]
  const value = Array.isArray(v) ? v[0] : v
  if (!value) return undefined
  return header === 'authorization' ? value.replace(/^(Bearer|token)\s+/i, '') : value
}

/** Requests allowed per window, for emulators that can answer 429. */
export interface RateLimit {
  limit: number
  windowMs: number
}

/** A sliding-window request budget, for emulators that answer 429 like the real service. */
export class RateWindow {
  private hits: number[] = []

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts a request made at `now`: 0 when it fits, else the ms until the oldest counted request leaves the window. */
  take(now = Date.now()): number {
    this.hits = this.hits.filter((t) => now - t < this.windowMs)
    if (this.hits.length < this.limit) {
      this.hits.push(now)
      return 0
    }
    return this.hits[0]! + this.windowMs - now
  }

  /** Requests counted in the current window. */
  get observed(): number {
    return this.hits.length
  }
}
