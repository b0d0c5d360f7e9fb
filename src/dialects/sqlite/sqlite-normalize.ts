import { defaultsEqual, type Column, type MetaData } from "../../model/index.js";
import { defaultFromSqlite } from "./sqlite-defaults.js";

/**
 * A model as SQLite reads it back. SQLite keeps declared types and the text
 * of defaults as written, so only a `sql("...")` default changes: it is read
 * the way reflection reads `dflt_value` (`CURRENT_TIMESTAMP` and
 * `(datetime('now'))` are now(), `(1)` is the number 1). Pure and idempotent;
 * unchanged objects stay the same instances.
 */
export function normalizeSqliteModel(metadata: MetaData): MetaData {
  const tables = [...metadata.tables.values()];
  const normalized = tables.map((table) => {
    const columns = table.columns.map(normalizeColumn);
    return columns.every((c, i) => c === table.columns[i]) ? table : table.with({ columns });
  });
  return normalized.every((t, i) => t === tables[i]) ? metadata : metadata.with({ tables: normalized });
}

function normalizeColumn(column: Column): Column {
  if (column.default?.kind !== "sql") return column;
  const value = defaultFromSqlite(column.default.sql);
  return defaultsEqual(value, column.default) ? column : column.with({ default: value });
}
