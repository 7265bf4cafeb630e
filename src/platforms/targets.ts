/** Every platform's destination line, parsed: what the plan hands the platforms. */
import type { CircleCITarget } from './circleci/target.js'
import type { GitHubTarget } from './github/target.js'
import type { GitLabTarget } from './gitlab/target.js'
import type { VaultTarget } from './vault/target.js'
import type { AwsTarget } from './aws/target.js'

export type Target = GitHubTarget | CircleCITarget | GitLabTarget | VaultTarget | AwsTarget
