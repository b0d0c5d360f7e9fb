import { typesEqual } from "../../model/index.js";
import type { ColumnOfTable } from "../dialect.js";
import { spellSqliteType } from "./sqlite-types.js";

/**
 * SQLite keeps declared types as written, but only one spelling changes what
 * a column is: the lone primary key declared exactly `INTEGER` is the rowid
 * (`INT PRIMARY KEY` is an ordinary column). So two types are the same when
 * they mean the same and both or neither make the rowid; and the rowid can
 * never hold NULL, so its declared NOT NULL is no difference.
 */
export function sqliteSameColumn(aspect: "type" | "nullable", conn: ColumnOfTable, meta: ColumnOfTable): boolean {
  if (aspect === "type") return typesEqual(conn.column.type, meta.column.type) && isRowid(conn) === isRowid(meta);
  return conn.column.nullable === meta.column.nullable || (isRowid(conn) && isRowid(meta));
}

function isRowid({ column, table }: ColumnOfTable): boolean {
  const key = table.primaryKey?.columns;
  if (table.options.withoutRowid || key?.length !== 1 || key[0] !== column.name || column.type.kind !== "scalar") return false;
  return spellSqliteType(column.type).trim().toUpperCase() === "INTEGER";
}
