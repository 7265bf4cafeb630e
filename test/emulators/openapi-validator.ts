/**
 * Checks a request against the GitHub operations extracted from the official OpenAPI description
 * (test/fixtures/github-openapi-ops.json, made by scripts/extract-github-openapi.mjs): the route and
 * method must exist, parameters must match their schemas, and the JSON body must match the request
 * schema - with unknown top-level fields refused, so a typo like `encrypted_values` is caught.
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsImport from 'ajv-formats'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: unknown
}
interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  requestBody: Record<string, unknown> | null
  requestBodyRequired: boolean
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/github-openapi-ops.json', import.meta.url), 'utf8')) as { operations: Operation[]; components: { schemas: Record<string, unknown> } }
const COMPONENTS_ID = 'github-components'
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema({ $id: COMPONENTS_ID, components: fixture.components }, COMPONENTS_ID)

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace('#/components/', `${COMPONENTS_ID}#/components/`) : rewriteRefs(v)]))
}

interface Compiled {
  op: Operation
  pattern: RegExp
  pathNames: string[]
  body?: ValidateFunction
  params: Map<string, { required: boolean; in: string; validate: ValidateFunction }>
}

const compiled: Compiled[] = fixture.operations.map((op) => {
  const pathNames: string[] = []
  const pattern = new RegExp(`^${op.path.replace(/\{(\w+)\}/g, (_m, n: string) => (pathNames.push(n), '([^/]+)'))}$`)
  let body: ValidateFunction | undefined
  if (op.requestBody) {
    const schema = rewriteRefs(op.requestBody) as Record<string, unknown>
    // Unknown fields are ignored by GitHub but are always a client bug here.
    if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false
    body = ajv.compile(schema)
  }
  const params = new Map(op.parameters.filter((p) => p.in !== 'header').map((p) => [p.name, { required: p.required, in: p.in, validate: ajv.compile(rewriteRefs(p.schema ?? {}) as object) }]))
  return { op, pattern, pathNames, body, params }
})

/** Coerces a query/path string to what its schema expects, as GitHub does. */
function coerce(value: string, validate: ValidateFunction): unknown {
  if (validate(value)) return value
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (value === 'true' || value === 'false') return value === 'true'
  return value
}

/** Returns the violations (empty when the request is valid for the described API). */
export function validateGitHubRequest(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
  const candidates = compiled.filter((c) => c.pattern.test(path))
  if (!candidates.length) return [`no such route in GitHub's OpenAPI description: ${path}`]
  const match = candidates.find((c) => c.op.method === method)
  if (!match) return [`${method} is not an operation of ${candidates[0]!.op.path}`]
  const problems: string[] = []
  const values = match.pattern.exec(path)!.slice(1)
  match.pathNames.forEach((name, i) => {
    const p = match.params.get(name)
    if (p && !p.validate(coerce(decodeURIComponent(values[i]!), p.validate))) problems.push(`path parameter ${name}: ${ajv.errorsText(p.validate.errors)}`)
  })
  for (const [name, value] of query) {
    const p = match.params.get(name)
    if (!p || p.in !== 'query') problems.push(`unknown query parameter ${name}`)
    else if (!p.validate(coerce(value, p.validate))) problems.push(`query parameter ${name}: ${ajv.errorsText(p.validate.errors)}`)
  }
  if (match.body) {
    if (body === undefined) {
      if (match.op.requestBodyRequired) problems.push('request body is required')
    } else if (!match.body(body)) {
      problems.push(`body: ${ajv.errorsText(match.body.errors)}`)
    }
  } else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
    problems.push('this operation takes no request body')
  }
  return problems
}
