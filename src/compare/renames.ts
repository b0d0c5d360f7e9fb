import { tableKey, type MetaData, type Table } from "../model/index.js";

/**
 * Renames the target asks for with `@@renamedFrom` / `@renamedFrom`, when the
 * database agrees: the old name exists there, the new one does not, and the
 * target does not also keep the old name. Anything else is an add and a drop.
 */
export function tableRenames(database: MetaData, target: MetaData): Map<string, string> {
  const renames = new Map<string, string>();
  for (const table of target.tables.values()) {
    if (table.renamedFrom === undefined) continue;
    const oldKey = tableKey({ schema: table.schema, name: table.renamedFrom });
    if (database.tables.has(oldKey) && !database.tables.has(table.key) && !target.tables.has(oldKey)) renames.set(oldKey, table.key);
  }
  return renames;
}

/** Old column name → new column name, for one table pair. */
export function columnRenames(conn: Table, meta: Table): Map<string, string> {
  const renames = new Map<string, string>();
  for (const column of meta.columns) {
    const old = column.renamedFrom;
    if (old !== undefined && conn.column(old) && !conn.column(column.name) && !meta.column(old)) renames.set(old, column.name);
  }
  return renames;
}
