// A leaf with no imports: the validator (and its worker) read a schema's primary key without loading
// schema.ts, whose zod and yaml the worker bundle does not need.

/** The primary key's fields, however the schema wrote it (a name, a list, or none). */
export function primaryKeyOf(schema: { primaryKey?: string | string[] }): string[] {
  return schema.primaryKey === undefined ? [] : [schema.primaryKey].flat()
}
