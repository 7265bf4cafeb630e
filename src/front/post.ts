/**
 * The Action's post step: revokes the ephemeral token saved by main, even when the job failed or
 * was cancelled. Does nothing in other modes.
 */
import * as core from '@actions/core'
import { errorMessage } from '../shared/errors.js'
import { buildPlan } from '../plan/plan.js'

export async function post(): Promise<void> {
  // Shared with the main step: loaded lazily, so it is bundled once.
  const { readActionInputs, STATE_TOKEN_ID } = await import('./action-inputs.js')
  const id = core.getState(STATE_TOKEN_ID)
  if (!id) return
  try {
    const plan = buildPlan(readActionInputs(), process.env)
    const { revokeToken } = await import('../engine/revoke.js')
    await revokeToken(plan, id, {
      log: { info: core.info, warning: core.warning, error: core.error },
      mask: core.setSecret,
    })
    core.info(`revoked ephemeral token ${id}`)
  } catch (err) {
    core.setFailed(`could not revoke ephemeral token ${id}: ${errorMessage(err)}`)
  }
}
