import { defaultsEqual, withUnspecifiedAction, type Column, type MetaData } from "../../model/index.js";
import { defaultFromSqlite } from "./sqlite-defaults.js";

/**
 * A model as SQLite reads it back. SQLite keeps declared types and the text
 * of defaults as written, so only a `sql("...")` default changes: it is read
 * the way reflection reads `dflt_value` (`CURRENT_TIMESTAMP` and
 * `(datetime('now'))` are now(), `(1)` is the number 1), and a foreign key's
 * NO ACTION is the unspecified action it reports. Pure and idempotent;
 * unchanged objects stay the same instances.
 */
export function normalizeSqliteModel(metadata: MetaData): MetaData {
  const tables = [...metadata.tables.values()];
  const normalized = tables.map((table) => {
    const columns = table.columns.map(normalizeColumn);
    const foreignKeys = table.foreignKeys.map((fk) => withUnspecifiedAction(fk, "noAction"));
    return sameItems(columns, table.columns) && sameItems(foreignKeys, table.foreignKeys) ? table : table.with({ columns, foreignKeys });
  });
  return normalized.every((t, i) => t === tables[i]) ? metadata : metadata.with({ tables: normalized });
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.every((x, i) => x === b[i]);

function normalizeColumn(column: Column): Column {
  if (column.default?.kind !== "sql") return column;
  const value = defaultFromSqlite(column.default.sql);
  return defaultsEqual(value, column.default) ? column : column.with({ default: value });
}
