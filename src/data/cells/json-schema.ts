// constraints.jsonSchema of object and array fields, through @exodus/schemasafe: it compiles a JSON
// Schema (draft 4 to 2020-12) to a function, and refuses a schema with a keyword it does not know (a typo
// such as `minimun`), a keyword that cannot apply where it is written (`format` on an integer), or a
// $ref it cannot resolve (no remote schemas are fetched). So no rule in it is silently skipped.
//
// It is loaded only for a schema that uses jsonSchema (ncc makes it a chunk of its own): with its code
// merely loaded, V8 optimised the row loop worse and CSV validation took up to twice as long (the
// benchmark's 500,000 rows, plain Node 20, interleaved runs), whether or not a field used it.
import { UserError } from '../../errors.js'
import { closest } from '../../suggest.js'

/** JSON Schema's keywords, for "did you mean" when schemasafe refuses an unknown one. */
const KEYWORDS = [
  '$schema',
  '$id',
  '$ref',
  '$defs',
  'definitions',
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'minProperties',
  'maxProperties',
  'dependentRequired',
  'dependentSchemas',
  'items',
  'prefixItems',
  'additionalItems',
  'contains',
  'minContains',
  'maxContains',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
  'title',
  'description',
  'default',
  'examples'
]

/** What a failed value shows: where in it, and which keyword it broke. */
function describeFailure(
  errors: Array<{ keywordLocation: string; instanceLocation: string }>
): string {
  const [first] = errors
  if (!first) return ''
  const keyword = first.keywordLocation.split('/').pop()
  const at = first.instanceLocation.replace(/^#/, '') || 'the value'
  return ` (${at}: ${keyword}, at ${first.keywordLocation})`
}

type Schemasafe = typeof import('@exodus/schemasafe')
let schemasafe: Schemasafe | null = null

/** Whether a schema has a field (or an array item) with constraints.jsonSchema. */
export function usesJsonSchema(schema: {
  fields: Array<{ constraints?: object; arrayItem?: { constraints?: object } }>
}): boolean {
  return schema.fields.some(
    field =>
      (field.constraints !== undefined && 'jsonSchema' in field.constraints) ||
      (field.arrayItem?.constraints !== undefined && 'jsonSchema' in field.arrayItem.constraints)
  )
}

/** Loads the JSON Schema validator, once; a schema that uses jsonSchema compiles only after this. */
export async function loadJsonSchemaValidator(): Promise<void> {
  schemasafe ??= await import('@exodus/schemasafe')
}

/**
 * A check of cast values against a JSON Schema: null when a value matches, else why not. Throws a
 * UserError naming `where` for a schema that cannot be compiled.
 */
export function jsonSchemaCheck(schema: object, where: string): (value: unknown) => string | null {
  if (schemasafe === null)
    throw new Error('the JSON Schema validator is used before loadJsonSchemaValidator()')
  const { validator } = schemasafe
  let validate: ReturnType<Schemasafe['validator']>
  try {
    validate = validator(schema as Parameters<Schemasafe['validator']>[0], {
      includeErrors: true,
      isJSON: true,
      $schemaDefault: 'https://json-schema.org/draft/2020-12/schema'
    })
  } catch (error) {
    const message = (error as Error).message
    const unknown = /^Keyword not supported: "([^"]+)"/.exec(message)?.[1]
    const near = unknown === undefined ? undefined : closest(unknown, KEYWORDS)
    throw new UserError(
      `${where}.constraints.jsonSchema: ${message}${near ? `; did you mean "${near}"?` : ''}`
    )
  }
  return value =>
    validate(value as Parameters<typeof validate>[0])
      ? null
      : `does not match constraints.jsonSchema${describeFailure(validate.errors ?? [])}`
}
