/** The GitHub Action's main step: inputs -> plan -> run -> outputs, job summary and report file. */
import * as core from '@actions/core'
import { ConfigError, errorMessage } from '../shared/errors.js'
import { buildPlan, type Plan } from '../plan/plan.js'
import type { Report } from '../report/report.js'
import { sanitize, sanitizeLines } from '../shared/sanitize.js'

// Modules the post step or the CLI share with this step load lazily: each is bundled once, in its own chunk.
const actionInputs = () => import('./action-inputs.js')
const files = () => import('../shared/files.js')
const render = () => import('../report/render.js')

const actionLog = { info: core.info, warning: core.warning, error: core.error }

async function setOutputs(plan: Plan, report: Report, secret: string | undefined): Promise<void> {
  const { reportOutput, setsOutput } = await render()
  core.setOutput('outcome', report.outcome)
  core.setOutput('token-id', report.token?.id ?? '')
  core.setOutput('token-name', report.token?.name ?? '')
  core.setOutput('expires-at', report.token?.expiresAt ?? '')
  core.setOutput('revoked-ids', JSON.stringify(report.revokedIds))
  core.setOutput('sets', JSON.stringify(setsOutput(report, plan.spec.namePrefix)))
  core.setOutput('report', reportOutput(report, plan.reportFile))
  // One token per line has no one value to hand on: each line's destinations hold their own.
  if (
    (plan.mode === 'ephemeral' || plan.mode === 'create') &&
    plan.tokenPer === 'run' &&
    secret &&
    report.outcome !== 'failed'
  )
    core.setOutput('token', secret)
}

export async function run(): Promise<void> {
  const { maskInputs, readActionInputs, STATE_TOKEN_ID } = await actionInputs()
  const { checkWritableFile, writeFilePrivately } = await files()
  const inputs = readActionInputs()
  maskInputs(inputs)
  let plan: Plan
  try {
    plan = buildPlan(inputs, process.env)
    // Checked before anything is minted: a finished rotation must not fail on a path typo.
    if (plan.reportFile) checkWritableFile('report-file', plan.reportFile)
  } catch (err) {
    core.setFailed(errorMessage(err))
    process.exitCode = err instanceof ConfigError ? 2 : 1
    return
  }
  // The engine (undici, the lifecycle) loads only for a run: bad input never parses it.
  const { cancelOnSignals, runPlan } = await import('../engine/run.js')
  const controller = cancelOnSignals(actionLog)
  let secret: string | undefined
  const report = await runPlan(plan, {
    log: actionLog,
    mask: core.setSecret,
    signal: controller.signal,
    onMinted: (token) => {
      secret = token.secret
      if (plan.mode === 'ephemeral') core.saveState(STATE_TOKEN_ID, token.id)
    },
  })
  if (plan.mode === 'distribute') secret = plan.issuer.token
  const { exitCode, summaryMarkdown, summaryText } = await render()
  // The report quotes servers (token names, error bodies): every line is sanitised before it is printed.
  for (const line of summaryText(report)) core.info(sanitize(line))
  await setOutputs(plan, report, secret)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(sanitizeLines(summaryMarkdown(report))).write()
  if (plan.reportFile) {
    try {
      writeFilePrivately(plan.reportFile, `${JSON.stringify(report, null, 2)}\n`, 0o644)
    } catch (err) {
      core.warning(
        `report-file: could not write ${plan.reportFile}: ${errorMessage(err)} (the run itself ${report.outcome === 'failed' ? 'failed' : 'finished'}; see the report output)`,
      )
    }
  }
  if (report.outcome === 'failed') {
    core.setFailed(report.error ?? 'token-action failed')
    process.exitCode = exitCode(report)
  }
}
