/**
 * The bundle swaps @actions/core's `@actions/http-client` import for src/shims/actions-http-client.ts
 * (tsconfig `paths`), so a start does not parse a second undici. The stand-in must still work the way
 * core's OIDC client uses it: a bearer handler, then getJson against the token URL.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { BearerCredentialHandler, HttpClient } from '../src/shims/actions-http-client.js'
import { Emulator, json } from './emulators/base.js'

const emu = new Emulator('oidc')
afterAll(() => emu.close())

describe('the @actions/http-client stand-in', () => {
  it("loads the real client on first use and sends core's OIDC request with the bearer token", async () => {
    let auth: string | undefined
    emu.route('GET', '/token', (req) => {
      auth = req.headers.authorization
      return json(200, { value: 'id-token' })
    })
    const url = await emu.start()
    const client = new HttpClient('actions/oidc-client', [new BearerCredentialHandler('request-token')], {
      allowRetries: true,
      maxRetries: 1,
    })
    const res = await client.getJson<{ value: string }>(`${url}/token?audience=x`)
    expect(res.statusCode).toBe(200)
    expect(res.result).toEqual({ value: 'id-token' })
    expect(auth).toBe('Bearer request-token')
  })
})
