/** Every platform's destination line, parsed: what the plan hands the platforms. */
import type { CircleCITarget } from './circleci/target.js'
import type { GitHubTarget } from './github/target.js'
import type { GitLabTarget } from './gitlab/target.js'

export type Target = GitHubTarget | CircleCITarget | GitLabTarget
