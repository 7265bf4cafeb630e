declare module 'tweetnacl-sealedbox-js' {
  const sealedbox: {
    open(box: Uint8Array, publicKey: Uint8Array, secretKey: Uint8Array): Uint8Array | null
    seal(message: Uint8Array, publicKey: Uint8Array): Uint8Array
  }
  export default sealedbox
}
