/** Advice the run gives without acting on it. */
import type { Destination } from '../shared/types.js'

/** More repository secrets of one org than this get the org-secret hint. */
const ORG_SECRET_HINT_AT = 20
const REPO_SECRET = /^github:repo\/([^/]+)\/([^/?]+)$/

/**
 * Seeding one secret into many repositories of an org costs two requests each; one org secret with
 * `visibility=selected` costs three in all. Said, never done: a repository secret of the same name
 * shadows the org secret, so switching is the user's call.
 */
export function suggestOrgSecrets(destinations: Destination[]): string[] {
  const byOwner = new Map<string, string[]>()
  for (const d of destinations) {
    const m = REPO_SECRET.exec(d.id)
    if (!m) continue
    const key = `${m[1]}\u0000${d.secretName}`
    byOwner.set(key, [...(byOwner.get(key) ?? []), m[2]!])
  }
  const notes: string[] = []
  for (const [key, repos] of byOwner) {
    if (repos.length <= ORG_SECRET_HINT_AT) continue
    const [owner, name] = key.split('\u0000') as [string, string]
    const shown = repos.slice(0, 5).join(',')
    notes.push(
      `${repos.length} repositories of ${owner} get the same ${name}: one org secret would take 3 requests instead of ${repos.length * 2} - ` +
        `github:org/${owner}?visibility=selected&repos=${shown}${repos.length > 5 ? `,... (${repos.length - 5} more)` : ''}&name=${name} ` +
        `(or visibility=all). A repository secret of the same name shadows the org secret: delete those when switching. Nothing was changed for this.`,
    )
  }
  return notes
}
