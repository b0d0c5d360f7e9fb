import { Column, enumType, scalarType, type SqlType } from "../../model/index.js";
import type { ColumnRow } from "./mysql-catalog.js";
import { parseMysqlDefault, parseOnUpdate, type MysqlFlavor } from "./mysql-defaults.js";
import { parseColumnType } from "./mysql-types.js";

export interface ColumnContext {
  readonly flavor: MysqlFlavor;
  /** The table's default collation: a column's own is kept only when it differs. */
  readonly tableCollation: string | null;
  /** Columns MariaDB declared as JSON: LONGTEXT with an automatic `json_valid` check. */
  readonly jsonColumns: ReadonlySet<string>;
  /** Names (and registers) the Enum an ENUM column's values become. */
  readonly enumFor: (column: string, values: string[]) => string;
}

/** One `information_schema.COLUMNS` row → a model column. */
export function buildColumn(row: ColumnRow, context: ColumnContext): Column {
  const type = columnType(row, context);
  const extra = row.extra ?? "";
  const generated = /\b(VIRTUAL|STORED|PERSISTENT) GENERATED\b/i.exec(extra);
  const onUpdate = parseOnUpdate(extra);
  const isJson = type.kind === "scalar" && type.name === "json";
  return new Column({
    name: row.name,
    type,
    nullable: row.nullable === "YES",
    default: generated ? undefined : parseMysqlDefault(row.columnDefault, { flavor: context.flavor, type, extra }),
    generated: generated
      ? { expression: row.generationExpression ?? "", stored: generated[1].toUpperCase() !== "VIRTUAL" }
      : undefined,
    comment: row.comment || undefined,
    // MariaDB gives JSON columns utf8mb4_bin whatever the table says.
    collation: row.collation && row.collation !== context.tableCollation && !isJson ? row.collation : undefined,
    onUpdate,
    invisible: /\binvisible\b/i.test(extra),
  });
}

function columnType(row: ColumnRow, context: ColumnContext): SqlType {
  if (row.dataType.toLowerCase() === "longtext" && context.jsonColumns.has(row.name)) return scalarType("json");
  const parsed = parseColumnType(row.columnType);
  return parsed.kind === "enum" ? enumType(context.enumFor(row.name, parsed.values)) : parsed.type;
}
