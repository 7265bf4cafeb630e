/** Minted token names are `<prefix>-<UTC yyyymmddHHMMss>`: unique, sortable, and say what minted them. */

export function mintedName(prefix: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  return `${prefix}-${stamp}`
}

/** True only for names this prefix minted, so `rwx-access-token` never touches `rwx-access-token-staging-...`. */
export function isMintedWith(prefix: string, name: string): boolean {
  return name.length === prefix.length + 15 && name.startsWith(`${prefix}-`) && /^\d{14}$/.test(name.slice(prefix.length + 1))
}
