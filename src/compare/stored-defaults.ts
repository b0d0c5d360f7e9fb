import { defaultsEqual, type Column, type DefaultValue, type MetaData } from "../model/index.js";
import { normalizeSql } from "./normalize-sql.js";

/** Two defaults are the same value: SQL after normalizing its text, and `DEFAULT NULL` as no default. */
export function sameDefault(a: DefaultValue | undefined, b: DefaultValue | undefined): boolean {
  if (a?.kind === "sql" && b?.kind === "sql") return normalizeSql(a.sql) === normalizeSql(b.sql);
  return defaultsEqual(withoutNull(a), withoutNull(b));
}

/** `DEFAULT NULL` is what a column without a default does; databases keep or drop it at will. */
function withoutNull(value: DefaultValue | undefined): DefaultValue | undefined {
  return value?.kind === "literal" && value.value === null ? undefined : value;
}

/**
 * The target columns whose default differs from the database column of the
 * same table and name, both sides normalized: the ones to ask the server
 * about (Dialect.storedDefaults), since it may store them as the same thing.
 */
export function defaultsToAskAbout(database: MetaData, target: MetaData): Column[] {
  const out: Column[] = [];
  for (const table of target.tables.values()) {
    const stored = database.tables.get(table.key);
    if (!stored) continue;
    for (const column of table.columns) {
      const existing = stored.column(column.name);
      if (existing?.default === undefined || column.default === undefined || column.default.kind === "autoincrement") continue;
      if (!sameDefault(existing.default, column.default)) out.push(column);
    }
  }
  return out;
}
