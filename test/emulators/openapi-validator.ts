/**
 * Checks requests (and optionally responses) against an OpenAPI description: the route and method
 * must exist, parameters must match their schemas, and the JSON body must match the request schema -
 * with unknown top-level fields refused, so a typo like `encrypted_values` is caught.
 * Three sources: GitHub's operations extracted from the official description
 * (test/fixtures/github-openapi-ops.json, made by scripts/extract-github-openapi.mjs), Vault's from the
 * document published with hashicorp/vault-client-go (test/fixtures/vault-openapi-ops.json, made by
 * scripts/extract-vault-openapi.mjs) and the project's own issuer contract (docs/issuer-contract.openapi.yaml).
 */
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsImport from 'ajv-formats'
import { parse } from 'yaml'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  schema: unknown
}
export interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  requestBody: Record<string, unknown> | null
  requestBodyRequired: boolean
  /** Response schemas by status (contract only). */
  responseSchemas?: Record<string, unknown>
}

interface Compiled {
  op: Operation
  pattern: RegExp
  pathNames: string[]
  body?: ValidateFunction
  params: Map<string, { required: boolean; in: string; validate: ValidateFunction }>
  responses: Map<string, ValidateFunction>
}

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv

/** Coerces a query/path string to what its schema expects, as servers do. */
function coerce(value: string, validate: ValidateFunction): unknown {
  if (validate(value)) return value
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value)
  if (value === 'true' || value === 'false') return value === 'true'
  return value
}

export class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true })
  private readonly compiled: Compiled[]

  constructor(
    operations: Operation[],
    private readonly components: Record<string, unknown>,
    private readonly id: string,
    /** Path parameters that span several segments (Vault's mount paths and secret paths). */
    private readonly multiSegment: string[] = [],
    /** Formats the description uses beyond JSON Schema's (Vault: `map`, `lowercase`), accepted as written. */
    extraFormats: string[] = [],
  ) {
    addFormats(this.ajv)
    for (const f of extraFormats) this.ajv.addFormat(f, true)
    this.ajv.addSchema({ $id: id, components }, id)
    this.compiled = operations.map((op) => this.compile(op))
  }

  private refs(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((n) => this.refs(n))
    if (!node || typeof node !== 'object') return node
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' ? v.replace('#/components/', `${this.id}#/components/`) : this.refs(v),
      ]),
    )
  }

  private compile(op: Operation): Compiled {
    const pathNames: string[] = []
    const pattern = new RegExp(
      `^${op.path.replace(/\{(\w+)\}/g, (_m, n: string) => (pathNames.push(n), this.multiSegment.includes(n) ? '(.+)' : '([^/]+)'))}$`,
    )
    let body: ValidateFunction | undefined
    if (op.requestBody) {
      // A body that is only a reference (Vault's) is inlined, so the unknown-field rule below applies to it too.
      const ref = op.requestBody.$ref
      const named =
        typeof ref === 'string' && ref.startsWith('#/components/schemas/')
          ? (this.components.schemas as Record<string, unknown> | undefined)?.[
              ref.slice('#/components/schemas/'.length)
            ]
          : undefined
      const schema = this.refs(structuredClone(named ?? op.requestBody)) as Record<string, unknown>
      // Unknown fields are ignored by servers but are always a client bug here.
      if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined)
        schema.additionalProperties = false
      body = this.ajv.compile(schema)
    }
    const params = new Map(
      op.parameters
        .filter((p) => p.in !== 'header')
        .map((p) => [
          p.name,
          { required: p.required, in: p.in, validate: this.ajv.compile(this.refs(p.schema ?? {}) as object) },
        ]),
    )
    const responses = new Map(
      Object.entries(op.responseSchemas ?? {}).map(([status, schema]) => [
        status,
        this.ajv.compile(this.refs(schema) as object),
      ]),
    )
    return { op, pattern, pathNames, body, params, responses }
  }

  /** Returns the violations (empty when the request is valid for the described API). */
  request(method: string, path: string, query: URLSearchParams, body: unknown): string[] {
    const candidates = this.compiled.filter((c) => c.pattern.test(path))
    if (!candidates.length) return [`no such route in the OpenAPI description: ${path}`]
    const match = candidates.find((c) => c.op.method === method)
    if (!match) return [`${method} is not an operation of ${candidates[0]!.op.path}`]
    const problems: string[] = []
    const values = match.pattern.exec(path)!.slice(1)
    match.pathNames.forEach((name, i) => {
      const p = match.params.get(name)
      if (p && !p.validate(coerce(decodeURIComponent(values[i]!), p.validate)))
        problems.push(`path parameter ${name}: ${this.ajv.errorsText(p.validate.errors)}`)
    })
    for (const [name, value] of query) {
      const p = match.params.get(name)
      if (!p || p.in !== 'query') problems.push(`unknown query parameter ${name}`)
      else if (!p.validate(coerce(value, p.validate)))
        problems.push(`query parameter ${name}: ${this.ajv.errorsText(p.validate.errors)}`)
    }
    if (match.body) {
      if (body === undefined) {
        if (match.op.requestBodyRequired) problems.push('request body is required')
      } else if (!match.body(body)) {
        problems.push(`body: ${this.ajv.errorsText(match.body.errors)}`)
      }
    } else if (body !== undefined && method !== 'GET' && method !== 'DELETE') {
      problems.push('this operation takes no request body')
    }
    return problems
  }

  /** Checks a response against the documented status codes and schemas (where given). */
  response(method: string, path: string, status: number, body: unknown): string[] {
    const match = this.compiled.find((c) => c.op.method === method && c.pattern.test(path))
    if (!match?.op.responseSchemas) return []
    if (!(String(status) in match.op.responseSchemas))
      return [`${method} ${match.op.path} answered ${status}, which the description does not list`]
    const validate = match.responses.get(String(status))
    return validate && !validate(body)
      ? [`${method} ${match.op.path} ${status} response: ${this.ajv.errorsText(validate.errors)}`]
      : []
  }
}

let github: OpenApiValidator | undefined
export function githubValidator(): OpenApiValidator {
  if (!github) {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/github-openapi-ops.json', import.meta.url), 'utf8'),
    ) as { operations: Operation[]; components: { schemas: Record<string, unknown> } }
    github = new OpenApiValidator(fixture.operations, fixture.components, 'github-components')
  }
  return github
}

let vault: OpenApiValidator | undefined
/** Vault's operations; paths are relative to `/v1`. */
export function vaultValidator(): OpenApiValidator {
  if (!vault) {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/vault-openapi-ops.json', import.meta.url), 'utf8'),
    ) as { operations: Operation[]; components: { schemas: Record<string, unknown> } }
    vault = new OpenApiValidator(
      fixture.operations,
      fixture.components,
      'vault-components',
      ['path', 'kv_v1_mount_path', 'kv_v2_mount_path', 'jwt_mount_path'],
      ['map', 'lowercase'],
    )
  }
  return vault
}

let contract: OpenApiValidator | undefined
/** The generic issuer contract, read from the published YAML itself. */
export function issuerContractValidator(): OpenApiValidator {
  if (contract) return contract
  const doc = parse(readFileSync(new URL('../../docs/issuer-contract.openapi.yaml', import.meta.url), 'utf8')) as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[]
          requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> }
          responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>
        }
      >
    >
    components: Record<string, Record<string, { content?: Record<string, { schema: unknown }> }>>
  }
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters ?? []) as unknown as Parameter[]
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue
      const responseSchemas: Record<string, unknown> = {}
      for (const [status, r] of Object.entries(op.responses)) {
        const resolved = r.$ref ? doc.components.responses![r.$ref.split('/').pop()!]! : r
        responseSchemas[status] = resolved.content?.['application/json']?.schema ?? {}
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: [...shared, ...(op.parameters ?? [])].map((p) => ({ ...p, required: Boolean(p.required) })),
        requestBody: op.requestBody?.content['application/json']?.schema ?? null,
        requestBodyRequired: Boolean(op.requestBody?.required),
        responseSchemas,
      })
    }
  }
  contract = new OpenApiValidator(operations, doc.components, 'issuer-contract')
  return contract
}
