// Extracts the AWS Secrets Manager operations token-action uses, with every shape their inputs reach,
// from the Smithy model published in aws/aws-sdk-js-v3 (codegen/sdk-codegen/aws-models/secrets-manager.json,
// 250 KB; not in any npm package) into test/fixtures/aws-secrets-manager-model.json. Documentation and
// examples are dropped; every other trait (required, length, pattern, idempotencyToken...) is kept.
// Run: curl -sSfo /tmp/secrets-manager.json \
//        https://raw.githubusercontent.com/aws/aws-sdk-js-v3/main/codegen/sdk-codegen/aws-models/secrets-manager.json
//      node scripts/extract-aws-smithy.mjs /tmp/secrets-manager.json
// (the committed fixture is from commit 12647db40b2c983bf85141c071ae840dfba92f50 of aws-sdk-js-v3).
import { readFileSync, writeFileSync } from 'node:fs'

const NS = 'com.amazonaws.secretsmanager#'
const OPERATIONS = ['CreateSecret', 'DescribeSecret', 'GetSecretValue', 'PutSecretValue']
const DROPPED = new Set(['smithy.api#documentation', 'smithy.api#examples'])

const file = process.argv[2]
if (!file) throw new Error('usage: node scripts/extract-aws-smithy.mjs PATH/TO/secrets-manager.json (see the header)')
const model = JSON.parse(readFileSync(file, 'utf8'))

const keepTraits = (traits) => {
  const kept = Object.entries(traits ?? {}).filter(([k]) => !DROPPED.has(k))
  return kept.length ? Object.fromEntries(kept) : undefined
}

const shapes = {}
function add(id) {
  if (!id.startsWith(NS) || shapes[id]) return
  const s = model.shapes[id]
  if (!s) throw new Error(`not in the model: ${id}`)
  const out = { type: s.type }
  if (s.members)
    out.members = Object.fromEntries(
      Object.entries(s.members).map(([name, m]) => [name, { target: m.target, traits: keepTraits(m.traits) }]),
    )
  for (const part of ['member', 'key', 'value']) if (s[part]) out[part] = { target: s[part].target }
  out.traits = keepTraits(s.traits)
  shapes[id] = JSON.parse(JSON.stringify(out))
  for (const m of [...Object.values(s.members ?? {}), s.member, s.key, s.value]) if (m) add(m.target)
}

const operations = {}
for (const name of OPERATIONS) {
  const op = model.shapes[NS + name]
  if (op?.type !== 'operation') throw new Error(`not an operation in the model: ${name}`)
  operations[name] = { input: op.input.target, errors: op.errors.map((e) => e.target.slice(NS.length)) }
  add(op.input.target)
}
const out = {
  source: 'aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/secrets-manager.json (Smithy 2.0)',
  operations,
  shapes: Object.fromEntries(
    Object.keys(shapes)
      .sort()
      .map((k) => [k, shapes[k]]),
  ),
}
writeFileSync('test/fixtures/aws-secrets-manager-model.json', `${JSON.stringify(out, null, 1)}\n`)
console.log(`wrote ${OPERATIONS.length} operations and ${Object.keys(shapes).length} shapes`)
