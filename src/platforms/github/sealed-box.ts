/** GitHub's secret encryption: libsodium crypto_box_seal with the namespace's X25519 public key, base64 ORIGINAL. */
import sodium from 'libsodium-wrappers'

export async function sealForGitHub(value: string, publicKeyBase64: string): Promise<string> {
  await sodium.ready
  const key = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL)
  if (key.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new Error(`GitHub public key must be ${sodium.crypto_box_PUBLICKEYBYTES} bytes, got ${key.length}`)
  }
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), key)
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL)
}
