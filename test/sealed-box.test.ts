import nacl from 'tweetnacl'
import sealedbox from 'tweetnacl-sealedbox-js'
import { describe, expect, it } from 'vitest'
import { sealForGitHub } from '../src/platforms/github/sealed-box.js'

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64')

describe('sealForGitHub', () => {
  it('produces a sealed box that an independent implementation (tweetnacl) opens', async () => {
    const pair = nacl.box.keyPair()
    const value = 'rgw_' + Buffer.from(nacl.randomBytes(32)).toString('base64url') + '='
    const sealed = await sealForGitHub(value, b64(pair.publicKey))
    const box = Buffer.from(sealed, 'base64')
    expect(box.length).toBe(value.length + 48) // ephemeral public key (32) + MAC (16)
    const opened = sealedbox.open(new Uint8Array(box), pair.publicKey, pair.secretKey)
    expect(opened && Buffer.from(opened).toString('utf8')).toBe(value)
  })

  it('uses base64 ORIGINAL (+ and /, padded), never URL-safe', async () => {
    const pair = nacl.box.keyPair()
    const outputs = await Promise.all(
      Array.from({ length: 40 }, () => sealForGitHub('x'.repeat(31), b64(pair.publicKey))),
    )
    const all = outputs.join('')
    expect(all).not.toMatch(/[-_]/)
    expect(all).toMatch(/[+/]/)
    for (const o of outputs) expect(o.length % 4).toBe(0)
  })

  it('round-trips GitHub-style key material (a fixed 32-byte key pair given as base64)', async () => {
    // Fixed seed: the same key pair every run, as GitHub serves `{key_id, key}` with key = base64(32 bytes).
    const pair = nacl.box.keyPair.fromSecretKey(new Uint8Array(32).map((_, i) => (i * 7 + 3) & 0xff))
    const key = b64(pair.publicKey)
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    const value = 'multi\nline value with unicode ✓ and "quotes"'
    const opened = sealedbox.open(
      new Uint8Array(Buffer.from(await sealForGitHub(value, key), 'base64')),
      pair.publicKey,
      pair.secretKey,
    )
    expect(Buffer.from(opened!).toString('utf8')).toBe(value)
  })

  it('rejects a key that is not 32 bytes', async () => {
    await expect(sealForGitHub('v', Buffer.alloc(16).toString('base64'))).rejects.toThrow(/32 bytes/)
  })
})
