/**
 * docs/report.schema.json and the `Report` type in src/report/report.ts describe the same thing: the enums
 * match the runtime lists the type is made from, and (read with the TypeScript compiler) every
 * property of the type, nested ones too, is in the schema with the same optionality, and nothing else.
 */
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { MODES } from '../src/plan/plan.js'
import { DESTINATION_STATUSES, FINDING_KINDS, OUTCOMES } from '../src/report/report.js'
import { REPORT_SCHEMA_PATH, reportProblems, reportSchema } from './helpers/report-schema.js'
import { ROOT } from './helpers/run-dist.js'

type Schema = {
  $ref?: string
  enum?: string[]
  const?: unknown
  type?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  additionalProperties?: boolean | Schema
  propertyNames?: Schema
}
const schema = reportSchema as Schema & { $defs: Record<string, Schema> }

function deref(s: Schema): Schema {
  return s.$ref ? deref(schema.$defs[s.$ref.replace('#/$defs/', '')]!) : s
}

describe('docs/report.schema.json', () => {
  it('is a valid draft 2020-12 schema (ajv compiles it in strict mode)', () => {
    expect(reportSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(reportProblems({})).not.toEqual([])
  })

  it('names the same outcomes, destination statuses, modes and finding kinds as the TypeScript type', () => {
    const props = schema.properties!
    expect(props.outcome!.enum).toEqual([...OUTCOMES])
    expect(deref(schema.$defs.status!).enum).toEqual([...DESTINATION_STATUSES])
    expect(deref(props.mode!).enum).toEqual([...MODES])
    expect(deref(schema.$defs.audit!).properties!.findings!.items!.properties!.kind!.enum).toEqual([...FINDING_KINDS])
  })

  it('has every property of the Report type, nested ones too, with the same optionality, and no other', () => {
    const file = join(ROOT, 'src', 'report', 'report.ts')
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    })
    const checker = program.getTypeChecker()
    const source = program.getSourceFile(file)!
    const report = source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Report',
    )!
    const problems: string[] = []
    const literals = (t: ts.Type) =>
      (t.isUnion() ? t.types : [t]).filter((x) => x.isStringLiteral()).map((x) => (x as ts.StringLiteralType).value)

    const compare = (type: ts.Type, s: Schema, path: string): void => {
      s = deref(s)
      type = checker.getNonNullableType(type)
      if (checker.isArrayType(type)) {
        if (!s.items) return void problems.push(`${path}: an array in the type, not in the schema`)
        return compare(checker.getTypeArguments(type as ts.TypeReference)[0]!, s.items, `${path}[]`)
      }
      const strings = literals(type)
      if (strings.length && strings.length === (type.isUnion() ? type.types.length : 1)) {
        if (JSON.stringify([...(s.enum ?? [])].sort()) !== JSON.stringify([...strings].sort()))
          problems.push(`${path}: the type has ${strings.join('|')}, the schema ${JSON.stringify(s.enum ?? s.type)}`)
        return
      }
      if (type.flags & ts.TypeFlags.String)
        return void (s.type !== 'string' && problems.push(`${path}: string in the type, ${s.type} in the schema`))
      if (type.flags & ts.TypeFlags.Number)
        return void (
          !['integer', 'number'].includes(s.type ?? '') &&
          problems.push(`${path}: number in the type, ${s.type} in the schema`)
        )
      if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral))
        return void (
          s.type !== 'boolean' &&
          s.const !== true &&
          problems.push(`${path}: boolean in the type, not in the schema`)
        )
      if (!(type.flags & ts.TypeFlags.Object))
        return void problems.push(`${path}: a type this test does not know (${checker.typeToString(type)})`)
      if (s.type !== 'object') return void problems.push(`${path}: an object in the type, ${s.type} in the schema`)
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String)
      if (index) return compare(index.type, s.additionalProperties as Schema, `${path}[key]`)
      const props = checker.getPropertiesOfType(type)
      // A record keyed by a union (Partial<Record<Status, number>>): the schema names its keys with propertyNames.
      if (s.propertyNames) {
        const keys = props.map((p) => p.name)
        if (JSON.stringify([...keys].sort()) !== JSON.stringify([...(deref(s.propertyNames).enum ?? [])].sort()))
          problems.push(
            `${path}: keys ${keys.join('|')} in the type, ${JSON.stringify(deref(s.propertyNames).enum)} in the schema`,
          )
        return
      }
      if (s.additionalProperties !== false)
        problems.push(`${path}: the schema allows properties the type does not have`)
      const names = props.map((p) => p.name)
      for (const extra of Object.keys(s.properties ?? {}).filter((n) => !names.includes(n)))
        problems.push(`${path}.${extra}: in the schema, not in the type`)
      for (const p of props) {
        const where = `${path}.${p.name}`
        const sub = s.properties?.[p.name]
        if (!sub) {
          problems.push(`${where}: in the type, not in the schema`)
          continue
        }
        const optional = (p.flags & ts.SymbolFlags.Optional) !== 0
        if (optional === (s.required ?? []).includes(p.name))
          problems.push(`${where}: ${optional ? 'optional' : 'required'} in the type, not in the schema`)
        compare(checker.getTypeOfSymbolAtLocation(p, report), sub, where)
      }
    }
    compare(checker.getTypeAtLocation(report.name), schema, 'Report')
    expect(problems, `src/report/report.ts and ${REPORT_SCHEMA_PATH} disagree`).toEqual([])
  })
})
