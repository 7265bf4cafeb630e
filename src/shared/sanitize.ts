/**
 * Makes untrusted text (anything a server said, anything a user typed) safe to print on one log
 * line: CR, LF and every other control character become visible escapes, so a server cannot start
 * a new line, and a line never starts a workflow command (`::name::` or the legacy `##[name]`).
 * Applied centrally: by the logger to every line and by the error constructor to every message.
 */

// C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi overrides that make
// text display in another order than it is read ("Trojan Source").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

function escape(c: string): string {
  if (c === '\n') return '\\n'
  if (c === '\r') return '\\r'
  if (c === '\t') return '\\t'
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
}

/** True when `text` holds a character that `sanitize` would replace. */
export function hasUnsafeChars(text: string): boolean {
  UNSAFE.lastIndex = 0
  return UNSAFE.test(text)
}

/** One safe line: control characters escaped, no leading `::`, no `##[` anywhere. */
export function sanitize(text: string): string {
  let out = text.replace(UNSAFE, escape)
  // The runner trims leading whitespace before looking for `::`.
  const lead = out.length - out.trimStart().length
  if (out.startsWith('::', lead)) out = `${out.slice(0, lead)}: :${out.slice(lead + 2)}`
  return out.split('##[').join('# #[')
}

/** Sanitises each line of a multi-line text we composed ourselves (the job summary), keeping its line breaks. */
export function sanitizeLines(text: string): string {
  return text
    .split('\n')
    .map((l) => sanitize(l))
    .join('\n')
}

/**
 * Token ids become URL path segments (revoke), outputs (`token-id`, `revoked-ids`) and report entries
 * that a workflow may pass on: a UUID, `tok_01HZX`, an integer - letters, digits and `._~:-`, at most
 * 200 characters. Anything else is refused before it is used.
 */
const TOKEN_ID = /^[A-Za-z0-9][A-Za-z0-9._~:-]{0,199}$/

export function isTokenId(id: string): boolean {
  return TOKEN_ID.test(id)
}
