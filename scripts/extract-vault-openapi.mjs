// Extracts the Vault API operations token-action uses, with the schemas they reference, from the
// OpenAPI document published with hashicorp/vault-client-go (openapi.json, 1.5 MB; not an npm package)
// into test/fixtures/vault-openapi-ops.json, in the same shape as the GitHub fixture.
// Run: curl -sSfo /tmp/vault-openapi.json https://raw.githubusercontent.com/hashicorp/vault-client-go/main/openapi.json
//      node scripts/extract-vault-openapi.mjs /tmp/vault-openapi.json
// (the committed fixture came from commit a0f17cc of vault-client-go, Vault API version 1.15.0).
import { readFileSync, writeFileSync } from 'node:fs'

const OPERATIONS = [
  ['get', '/sys/internal/ui/mounts/{path}'],
  ['post', '/sys/capabilities-self'],
  ['get', '/auth/token/lookup-self'],
  ['post', '/auth/token/revoke-self'],
  ['post', '/auth/{jwt_mount_path}/login'],
  ['get', '/{kv_v2_mount_path}/data/{path}'],
  ['post', '/{kv_v2_mount_path}/data/{path}'],
  ['get', '/{kv_v1_mount_path}/{path}'],
  ['post', '/{kv_v1_mount_path}/{path}'],
]

const file = process.argv[2]
if (!file) throw new Error('usage: node scripts/extract-vault-openapi.mjs PATH/TO/openapi.json (see the header)')
const spec = JSON.parse(readFileSync(file, 'utf8'))

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
  const parameters = [...(spec.paths[path].parameters ?? []), ...(op.parameters ?? [])].map(
    ({ name, in: where, required, schema }) => ({ name, in: where, required: Boolean(required), schema }),
  )
  const body = op.requestBody?.content?.['application/json']?.schema
  const responseSchemas = Object.fromEntries(
    Object.entries(op.responses).map(([status, r]) => [status, r.content?.['application/json']?.schema ?? {}]),
  )
  collectRefs(body, schemas)
  collectRefs(responseSchemas, schemas)
  operations.push({
    method: method.toUpperCase(),
    path,
    operationId: op.operationId,
    parameters,
    requestBody: body ?? null,
    requestBodyRequired: Boolean(op.requestBody?.required),
    responseSchemas,
  })
}
const out = {
  source: `hashicorp/vault-client-go openapi.json (${spec.info.title} ${spec.info.version}); every path is under /v1`,
  operations,
  components: { schemas: Object.fromEntries([...schemas].sort().map((n) => [n, spec.components.schemas[n]])) },
}
writeFileSync('test/fixtures/vault-openapi-ops.json', `${JSON.stringify(out, null, 1)}\n`)
console.log(`wrote ${operations.length} operations and ${schemas.size} schemas to test/fixtures/vault-openapi-ops.json`)
