/** The CI system's own record of this run, where it provides one. */
export function runOrigin(env: Record<string, string | undefined>): Record<string, string> {
  const gh =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  const fields: Record<string, string | undefined> = {
    repository:
      env.GITHUB_REPOSITORY ??
      env.CI_PROJECT_PATH ??
      (env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME
        ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
        : undefined),
    run: gh ?? env.CI_PIPELINE_URL ?? env.CIRCLE_BUILD_URL,
    actor: env.GITHUB_ACTOR ?? env.GITLAB_USER_LOGIN ?? env.CIRCLE_USERNAME,
    commit: env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? env.CIRCLE_SHA1,
  }
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => Boolean(e[1])))
}
