// Extracts the GitHub REST operations token-action uses, with the schemas they reference, from the
// official OpenAPI description into test/fixtures/github-openapi-ops.json (the package is ~385 MB,
// so it is never a dependency). Run: npm run openapi:extract
//   = npm exec --yes --package=@octokit/openapi@23.0.2 -- node scripts/extract-github-openapi.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { operationsSubset } from './openapi-subset.mjs'

const OPERATIONS = [
  ['get', '/user'],
  ['get', '/orgs/{org}'],
  ['get', '/orgs/{org}/repos'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}'],
  ['get', '/repos/{owner}/{repo}/actions/secrets'],
  ['get', '/repos/{owner}/{repo}/actions/secrets/public-key'],
  ['get', '/repos/{owner}/{repo}/actions/secrets/{secret_name}'],
  ['put', '/repos/{owner}/{repo}/actions/secrets/{secret_name}'],
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key'],
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}'],
  ['put', '/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}'],
  ['get', '/orgs/{org}/actions/secrets/public-key'],
  ['get', '/orgs/{org}/actions/secrets/{secret_name}'],
  ['put', '/orgs/{org}/actions/secrets/{secret_name}'],
  ['get', '/orgs/{org}/actions/secrets/{secret_name}/repositories'],
  ['get', '/repos/{owner}/{repo}/dependabot/secrets/public-key'],
  ['get', '/repos/{owner}/{repo}/dependabot/secrets/{secret_name}'],
  ['put', '/repos/{owner}/{repo}/dependabot/secrets/{secret_name}'],
  ['get', '/orgs/{org}/dependabot/secrets/public-key'],
  ['get', '/orgs/{org}/dependabot/secrets/{secret_name}'],
  ['put', '/orgs/{org}/dependabot/secrets/{secret_name}'],
  ['get', '/repos/{owner}/{repo}/codespaces/secrets/public-key'],
  ['get', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'],
  ['put', '/repos/{owner}/{repo}/codespaces/secrets/{secret_name}'],
  ['get', '/orgs/{org}/codespaces/secrets/public-key'],
  ['get', '/orgs/{org}/codespaces/secrets/{secret_name}'],
  ['put', '/orgs/{org}/codespaces/secrets/{secret_name}'],
  ['get', '/orgs/{org}/installation'],
  ['get', '/repos/{owner}/{repo}/installation'],
  ['post', '/app/installations/{installation_id}/access_tokens'],
  ['delete', '/installation/token'],
]

function findSpec() {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir.endsWith(join('node_modules', '.bin'))) continue
    const file = join(dirname(dir), '@octokit', 'openapi', 'generated', 'api.github.com.json')
    if (existsSync(file)) return file
  }
  throw new Error('@octokit/openapi not found: run via npm exec --package=@octokit/openapi@23.0.2 (see the header)')
}

const spec = JSON.parse(readFileSync(findSpec(), 'utf8'))
const { operations, components } = operationsSubset(spec, OPERATIONS)
const out = { source: '@octokit/openapi@23.0.2 generated/api.github.com.json', operations, components }
writeFileSync('test/fixtures/github-openapi-ops.json', `${JSON.stringify(out, null, 1)}\n`)
console.log(
  `wrote ${operations.length} operations and ${Object.keys(components.schemas).length} schemas to test/fixtures/github-openapi-ops.json`,
)
