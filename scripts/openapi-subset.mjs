// The part of an OpenAPI document a test fixture keeps: the operations token-action uses, their
// parameters and bodies, and every schema they reach - shared by the GitHub and Vault extract scripts.

/**
 * `operations`: [method, path] pairs. Responses are kept as their status codes, or with
 * `responseSchemas` as each status's JSON schema (the Vault emulator checks what it answers too).
 */
export function operationsSubset(spec, operations, { responseSchemas = false } = {}) {
  const resolveRef = (ref) =>
    ref
      .replace('#/components/', '')
      .split('/')
      .reduce((o, k) => o[k], spec.components)
  const schemas = new Set()
  const collectRefs = (node) => {
    if (Array.isArray(node)) return node.forEach(collectRefs)
    if (!node || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length)
        if (!schemas.has(name)) {
          schemas.add(name)
          collectRefs(spec.components.schemas[name])
        }
      } else collectRefs(v)
    }
  }
  const kept = operations.map(([method, path]) => {
    const op = spec.paths[path]?.[method]
    if (!op) throw new Error(`not in the spec: ${method.toUpperCase()} ${path}`)
    const parameters = [...(spec.paths[path].parameters ?? []), ...(op.parameters ?? [])]
      .map((p) => (p.$ref ? resolveRef(p.$ref) : p))
      .map(({ name, in: where, required, schema }) => ({ name, in: where, required: Boolean(required), schema }))
    const body = op.requestBody?.content?.['application/json']?.schema
    collectRefs(parameters)
    collectRefs(body)
    const responses = responseSchemas
      ? {
          responseSchemas: Object.fromEntries(
            Object.entries(op.responses).map(([status, r]) => [status, r.content?.['application/json']?.schema ?? {}]),
          ),
        }
      : { responses: Object.keys(op.responses) }
    if (responseSchemas) collectRefs(responses)
    return {
      method: method.toUpperCase(),
      path,
      operationId: op.operationId,
      parameters,
      requestBody: body ?? null,
      requestBodyRequired: Boolean(op.requestBody?.required),
      ...responses,
    }
  })
  return {
    operations: kept,
    components: { schemas: Object.fromEntries([...schemas].sort().map((n) => [n, spec.components.schemas[n]])) },
  }
}
