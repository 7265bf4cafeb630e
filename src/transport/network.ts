/** What a network failure means: whether the request may have reached the server, and how to say it. */
import { EnvHttpProxyAgent, type Dispatcher } from 'undici'

/** Failures before a request could leave (refused, no such host, bad certificate) certainly did not apply it. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

export function mayHaveReachedServer(err: unknown): boolean {
  const code =
    (err as { code?: string; cause?: { code?: string } })?.code ?? (err as { cause?: { code?: string } })?.cause?.code
  return !(code && NOT_SENT.has(code))
}

/**
 * The dispatcher of every request nobody injected one for: HTTPS_PROXY / HTTP_PROXY / NO_PROXY in
 * either case (lower case first, as curl), on Node 20 and 24 alike - undici reads none of them by
 * itself. https goes through the proxy with CONNECT; plain http (loopback only) in absolute form.
 * One per proxy setting (NO_PROXY is read at each request), so connections are pooled across clients.
 */
let envProxy: { key: string; dispatcher: Dispatcher } | undefined
export function envProxyDispatcher(): Dispatcher {
  const env = process.env
  const key = [env.http_proxy, env.HTTP_PROXY, env.https_proxy, env.HTTPS_PROXY].join('\n')
  if (envProxy?.key !== key) envProxy = { key, dispatcher: new EnvHttpProxyAgent({ proxyTunnel: false }) }
  return envProxy.dispatcher
}

export function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: string }).code
    return code ? `${code}: ${err.message}` : err.message
  }
  return String(err)
}
