// Extracts the GitHub REST operations token-action uses, with the schemas they reference, from the
// official OpenAPI description into test/fixtures/github-openapi-ops.json (the package is ~385 MB,
// so it is never a dependency). Run: npm run openapi:extract
//   = npm exec --yes --package=@octokit/openapi@23.0.2 -- node scripts/extract-github-openapi.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

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
const resolveRef = (ref) =>
  ref
    .replace('#/components/', '')
    .split('/')
    .reduce((o, k) => o[k], spec.components)

/** Collects every #/components/schemas ref reachable from `node`. */
function collectRefs(node, into) {
  if (Array.isArray(node)) return node.forEach((n) => collectRefs(n, into))
  if (!node || typeof node !== 'object') return
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
      const name = v.slice('#/components/schemas/'.length)
      if (!into.has(name)) {
        into.add(name)
        collectRefs(spec.components.schemas[name], into)
      }
    } else collectRefs(v, into)
  }
}

const operations = []
const schemas = new Set()
for (const [method, path] of OPERATIONS) {
  const op = spec.paths[path]?.[method]
  if (!op) throw new Error(`not in the spec: ${method.toUpperCase()} ${path}`)
  const parameters = [...(spec.paths[path].parameters ?? []), ...(op.parameters ?? [])]
    .map((p) => (p.$ref ? resolveRef(p.$ref) : p))
    .map(({ name, in: where, required, schema }) => ({ name, in: where, required: Boolean(required), schema }))
  const body = op.requestBody?.content?.['application/json']?.schema
  collectRefs(parameters, schemas)
  collectRefs(body, schemas)
  operations.push({
    method: method.toUpperCase(),
    path,
    operationId: op.operationId,
    parameters,
    requestBody: body ?? null,
    requestBodyRequired: Boolean(op.requestBody?.required),
    responses: Object.keys(op.responses),
  })
}
const out = {
  source: '@octokit/openapi@23.0.2 generated/api.github.com.json',
  operations,
  components: { schemas: Object.fromEntries([...schemas].sort().map((n) => [n, spec.components.schemas[n]])) },
}
writeFileSync('test/fixtures/github-openapi-ops.json', `${JSON.stringify(out, null, 1)}\n`)
console.log(
  `wrote ${operations.length} operations and ${schemas.size} schemas to test/fixtures/github-openapi-ops.json`,
)
