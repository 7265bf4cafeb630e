/**
 * Knows every secret of the run and every encoding of it that could reach a log, an error body or
 * a report. `add` masks first (through the sink, e.g. core.setSecret) and only then returns, so a
 * value is masked before any other line is logged.
 */
export type MaskSink = (value: string) => void

export function encodingsOf(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf8').toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    // A server (or a debug dump) may echo bytes as hex, in either case.
    Buffer.from(secret, 'utf8').toString('hex'),
    Buffer.from(secret, 'utf8').toString('hex').toUpperCase(),
  ]
}

export class Redactor {
  private readonly values = new Set<string>()

  constructor(private readonly sink: MaskSink = () => {}) {}

  add(secret: string | undefined): void {
    if (!secret) return
    for (const v of encodingsOf(secret)) {
      // Very short fragments would blank out ordinary words; real secrets are long.
      if (v.length < 4 || this.values.has(v)) continue
      this.values.add(v)
      this.sink(v)
    }
  }

  redact(text: string): string {
    let out = text
    // Longest first, so an encoding that contains the raw secret is replaced whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join('***')
    return out
  }
}
