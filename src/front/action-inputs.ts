/** The Action's inputs as the runner hands them over (INPUT_* variables), shared by the main and post steps. */
import * as core from '@actions/core'
import { INPUT_NAMES, inputsWhere, type Inputs } from '../plan/inputs.js'

/** The post step finds the ephemeral token to revoke under this state key. */
export const STATE_TOKEN_ID = 'token-id'

export function readActionInputs(): Inputs {
  const inputs: Inputs = {}
  for (const name of INPUT_NAMES) {
    // Not trimmed per line: multi-line inputs (destinations, private keys) keep their shape.
    const value = core.getInput(name, { trimWhitespace: false })
    if (value.trim()) inputs[name] = value
  }
  return inputs
}

/** Every secret input is masked before anything else is logged. */
export function maskInputs(inputs: Inputs): void {
  for (const name of inputsWhere('secret')) {
    if (inputs[name]?.trim()) core.setSecret(inputs[name]!.trim())
  }
}
