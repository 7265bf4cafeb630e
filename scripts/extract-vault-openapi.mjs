// Extracts the Vault API operations token-action uses, with the schemas they reference, from the
// OpenAPI document published with hashicorp/vault-client-go (openapi.json, 1.5 MB; not an npm package)
// into test/fixtures/vault-openapi-ops.json, in the same shape as the GitHub fixture.
// Run: curl -sSfo /tmp/vault-openapi.json https://raw.githubusercontent.com/hashicorp/vault-client-go/main/openapi.json
//      node scripts/extract-vault-openapi.mjs /tmp/vault-openapi.json
// (the committed fixture came from commit a0f17cc of vault-client-go, Vault API version 1.15.0).
import { readFileSync, writeFileSync } from 'node:fs'
import { operationsSubset } from './openapi-subset.mjs'

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

const { operations, components } = operationsSubset(spec, OPERATIONS, { responseSchemas: true })
const out = {
  source: `hashicorp/vault-client-go openapi.json (${spec.info.title} ${spec.info.version}); every path is under /v1`,
  operations,
  components,
}
writeFileSync('test/fixtures/vault-openapi-ops.json', `${JSON.stringify(out, null, 1)}\n`)
console.log(
  `wrote ${operations.length} operations and ${Object.keys(components.schemas).length} schemas to test/fixtures/vault-openapi-ops.json`,
)
