/**
 * Diff tuples, the reference's "rudimentary list of changes": arrays whose
 * first element is the kind. Kinds and shapes of the reference are kept
 * (`["add_table", table]`, `["add_column", schema, table, column]`,
 * `["modify_nullable", schema, table, column, existing, from, to]`, ...);
 * an AlterColumnOp gives a nested list of `modify_*` tuples.
 *
 * Kinds strata adds, for what the reference has no tuple for:
 *   ["rename_table", schema, oldName, newName]
 *   ["modify_name", schema, table, oldColumnName, existing, from, to]   (inside an AlterColumnOp list)
 *   ["modify_<kw>", schema, table, column, existing, from, to]          (kw changes: modify_identity, modify_generated, ...)
 *   ["add_enum", enum] / ["remove_enum", enum]
 *   ["add_enum_value", schema, enumName, value] / ["remove_enum_value", schema, enumName, value]
 *   ["add_sequence", sequence] / ["remove_sequence", sequence] / ["modify_sequence", schema, name, from, to]
 *   ["add_domain", domain] / ["remove_domain", domain] / ["modify_domain", schema, name, from, to]
 *   ["add_extension", extension] / ["remove_extension", extension] / ["modify_extension", name, from, to]
 *   ["add_view", view] / ["remove_view", view] / ["modify_view", schema, name, fromView, toView]
 *   ["add_function", routine] / ["remove_function", routine] / ["modify_function", schema, name, fromRoutine, toRoutine]
 *   ["add_trigger", trigger] / ["remove_trigger", trigger] / ["modify_trigger", schema, table, fromTrigger, toTrigger]
 *   ["add_policy", policy] / ["remove_policy", policy] / ["modify_policy", schema, table, fromPolicy, toPolicy]
 *   ["add_schema", schemaName] / ["remove_schema", schemaName]
 *   ["add_schema_comment", schemaName, comment, existing] / ["remove_schema_comment", schemaName, existing]
 *   ["execute", sql] / ["bulk_insert", schema, table, rows]
 * Primary keys and check constraints use add_constraint / remove_constraint
 * (their `kind` field says which); foreign keys use add_fk / remove_fk.
 *
 * Indexes and constraints do not know their table in the model, so their
 * tuples carry a `TableObjectRef`: the object's fields plus `table` and
 * `schema`, which is also what `diff --json` prints.
 */
export type DiffTuple = readonly [kind: string, ...rest: unknown[]];
export type DiffEntry = DiffTuple | readonly DiffTuple[];

export type TableObjectRef<T> = Omit<T, "info"> & { readonly table: string; readonly schema?: string };

/** The fields of an index or constraint plus the table it belongs to. */
export function tableObjectRef<T extends object>(object: T, table: string, schema: string | undefined): TableObjectRef<T> {
  const fields = Object.entries(object).filter(([key, value]) => key !== "info" && value !== undefined);
  return Object.freeze({ ...Object.fromEntries(fields), table, ...(schema !== undefined ? { schema } : {}) }) as TableObjectRef<T>;
}
