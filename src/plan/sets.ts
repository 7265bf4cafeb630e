/**
 * The rotation sets a plan runs: one for the run (`token-per: run`, every destination shares the
 * token), or one per destination line (`token-per: line`, one token per integration, as the issuers'
 * guides ask). A line that expands (`github:repos/ORG?...`) is one integration. Pure.
 */
import { destinationKey, type Target } from './grammar.js'
import type { Plan } from './plan.js'
import { lineSetName } from './token-name.js'

export interface RotationSet {
  /** The set's name: the prefix of every token it mints. */
  name: string
  /** The destination line this set serves (`token-per: line`), as reports show it. */
  line?: string
  targets: Target[]
}

/** A line as reports show it: the destination, and its secret name when the line overrides it. */
export function lineText(t: Target, secretName: string): string {
  return t.name === secretName ? t.id : `${t.id}${t.id.includes('?') ? '&' : '?'}name=${t.name}`
}

export function rotationSets(plan: Pick<Plan, 'tokenPer' | 'targets' | 'spec' | 'secretName'>): RotationSet[] {
  if (plan.tokenPer === 'run') return [{ name: plan.spec.namePrefix, targets: plan.targets }]
  return plan.targets.map((t) => ({
    name: lineSetName(
      plan.spec.namePrefix,
      `${t.id.replace(/\?.*$/, '')}${t.name === plan.secretName ? '' : `/${t.name}`}`,
      destinationKey(t),
    ),
    line: lineText(t, plan.secretName),
    targets: [t],
  }))
}
