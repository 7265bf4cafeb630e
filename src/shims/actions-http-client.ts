/**
 * Stands in for `@actions/http-client` inside the bundle (tsconfig.json `paths`, which ncc follows).
 * @actions/core imports that client at load time for one feature, OIDC (`core.getIDToken`), which
 * token-action never calls; with it came a second copy of undici (6.x) and tunnel, parsed on every
 * start. This stand-in has the shape core's OIDC client uses and loads the real client on first use.
 * As long as nothing calls `getIDToken`, webpack drops the OIDC path and this file altogether; if
 * something does, OIDC still works, paying for the real client only then.
 */
import type * as Auth from '../../node_modules/@actions/http-client/lib/auth.js'
import type * as Real from '../../node_modules/@actions/http-client/lib/index.js'
import type { TypedResponse } from '../../node_modules/@actions/http-client/lib/interfaces.js'

type RealModule = typeof Real
type RequestOptions = ConstructorParameters<RealModule['HttpClient']>[2]
type Handlers = ConstructorParameters<RealModule['HttpClient']>[1]

let loading: Promise<[RealModule, typeof Auth]> | undefined
const load = () =>
  (loading ??= Promise.all([
    import('../../node_modules/@actions/http-client/lib/index.js'),
    import('../../node_modules/@actions/http-client/lib/auth.js'),
  ]))

/** `@actions/http-client/lib/auth`'s bearer handler, turned into the real one when the client loads. */
export class BearerCredentialHandler {
  constructor(readonly token: string) {}
}

export class HttpClient {
  private real?: Promise<Real.HttpClient>

  constructor(
    private readonly userAgent?: string,
    private readonly handlers?: (Handlers extends (infer H)[] | undefined ? H : never)[] | BearerCredentialHandler[],
    private readonly requestOptions?: RequestOptions,
  ) {}

  private client(): Promise<Real.HttpClient> {
    this.real ??= load().then(([http, auth]) => {
      const handlers = this.handlers?.map((h) =>
        h instanceof BearerCredentialHandler ? new auth.BearerCredentialHandler(h.token) : h,
      ) as Handlers
      return new http.HttpClient(this.userAgent, handlers, this.requestOptions)
    })
    return this.real
  }

  async getJson<T>(...args: Parameters<Real.HttpClient['getJson']>): Promise<TypedResponse<T>> {
    return (await this.client()).getJson<T>(...args)
  }

  async postJson<T>(...args: Parameters<Real.HttpClient['postJson']>): Promise<TypedResponse<T>> {
    return (await this.client()).postJson<T>(...args)
  }

  async get(...args: Parameters<Real.HttpClient['get']>): ReturnType<Real.HttpClient['get']> {
    return (await this.client()).get(...args)
  }

  async post(...args: Parameters<Real.HttpClient['post']>): ReturnType<Real.HttpClient['post']> {
    return (await this.client()).post(...args)
  }
}
