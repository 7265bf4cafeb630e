/** Reading a token's rights: what a rotation copies, compares and warns about. */
import type { Rights, TokenInfo } from '../shared/types.js'

export function describeRights(r: Rights): string {
  if (r.projects?.length) return `projects ${r.projects.map((p) => `${p.id}=${p.role}`).join(', ')}`
  if (r.permissions?.length) return `permissions ${[...r.permissions].sort().join(', ')}`
  return `role ${r.role ?? '(none)'}`
}

export function kindOf(r: Rights): 'projects' | 'permissions' | 'role' {
  return r.projects?.length ? 'projects' : r.permissions?.length ? 'permissions' : 'role'
}

export function isAdmin(r: Rights): boolean {
  return (
    r.role === 'admin' ||
    Boolean(r.permissions?.some((p) => /(^|:)\*:\*$/.test(p))) ||
    Boolean(r.projects?.some((p) => p.role === 'admin'))
  )
}

/** The newest token of the set whose rights the issuer's list states: the one a rotation replaces. */
export function replacedWithRights(previous: readonly TokenInfo[]): TokenInfo | undefined {
  return [...previous].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).find((t) => t.rights)
}
