/** Each platform's rule for secret/variable names, checked before anything is minted. */

export type Platform = 'github' | 'circleci' | 'gitlab' | 'vault'

/** Returns the broken rule, or undefined when `name` is legal on `platform`. */
export function nameRuleViolation(platform: Platform, name: string): string | undefined {
  switch (platform) {
    case 'github':
      if (!/^[A-Za-z0-9_]+$/.test(name)) return 'GitHub secret names may contain only letters, digits and _'
      if (/^[0-9]/.test(name)) return 'GitHub secret names must not start with a digit'
      if (/^GITHUB_/i.test(name)) return 'GitHub secret names must not start with GITHUB_'
      return undefined
    case 'circleci':
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'CircleCI variable names must match [A-Za-z_][A-Za-z0-9_]*'
      if (name.length > 300) return 'CircleCI variable names are at most 300 characters'
      return undefined
    case 'gitlab':
      if (!/^[A-Za-z0-9_]+$/.test(name)) return 'GitLab variable keys may contain only letters, digits and _'
      if (name.length > 255) return 'GitLab variable keys are at most 255 characters'
      return undefined
    case 'vault':
      // KV fields are JSON keys and take any string; these keep a field readable in `vault kv get -field=`.
      if (!/^[A-Za-z0-9_.-]{1,256}$/.test(name)) return 'Vault field names here are 1-256 letters, digits, _ . -'
      return undefined
  }
}
