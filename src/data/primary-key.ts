// A leaf with no imports: the validator (and its worker) read a schema's primary key without loading
// schema.ts, whose zod and yaml the worker bundle does not need.

/** The primary key's fields, however the schema wrote it (a name, a list, or none). */
export function primaryKeyOf(schema: { primaryKey?: string | string[] }): string[] {
  return schema.primaryKey === undefined ? [] : [schema.primaryKey].flat()
}

/**
 * The checks that compare a row with every other row (key-tracker.ts's KeyChecks): unique fields, the
 * primary key, unique keys, and duplicate rows when mlChecks asks for them.
 */
export function keyChecksOf(schema: {
  fields: ReadonlyArray<{ name: string; constraints?: { unique?: boolean } }>
  primaryKey?: string | string[]
  uniqueKeys?: string[][]
  mlChecks?: { duplicateRows?: string }
}): {
  unique: string[]
  primaryKey: string[]
  uniqueKeys: string[][]
  duplicateRows: boolean
} {
  return {
    unique: schema.fields.filter(field => field.constraints?.unique).map(field => field.name),
    primaryKey: primaryKeyOf(schema),
    uniqueKeys: schema.uniqueKeys ?? [],
    duplicateRows: schema.mlChecks?.duplicateRows === 'error'
  }
}
