import type { Column, Index, Table } from "../../model/index.js";
import { checkDefaultValue, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import { spellMysqlDefault } from "./mysql-defaults.js";
import { mysqlTableOptionsSql } from "./mysql-ddl-table-options.js";
import { spellMysqlType } from "./mysql-types.js";

/**
 * MySQL/MariaDB column, table and index definitions. A column definition is
 * always complete (type, NULL/NOT NULL, default, AUTO_INCREMENT, collation,
 * comment), because MODIFY and CHANGE replace the whole column.
 * `typeSql` overrides the type's spelling (an ENUM read from the server).
 */
export function mysqlColumnDefinition(w: DdlWriter, column: Column, context: DdlContext, typeSql?: string): string {
  if (column.identity) throw new UnsupportedDdlError("mysql", `declare the identity column "${column.name}" (use autoincrement())`);
  const parts = [w.q(column.name), typeSql ?? spellMysqlType(column.type, context.metadata)];
  if (column.collation !== undefined) parts.push(`COLLATE ${w.q(column.collation)}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
    if (!column.nullable) parts.push("NOT NULL");
  } else {
    // Explicit NULL: without it a TIMESTAMP column may silently become NOT NULL.
    parts.push(column.nullable ? "NULL" : "NOT NULL");
  }
  if (column.default !== undefined) checkDefaultValue(column.default, `column "${column.name}"`);
  if (column.default?.kind === "autoincrement") parts.push("AUTO_INCREMENT");
  else if (column.default) parts.push(`DEFAULT ${spellMysqlDefault(column.default, column.type)}`);
  if (column.onUpdate) parts.push(`ON UPDATE ${spellMysqlDefault(column.onUpdate, column.type)}`);
  if (column.invisible) parts.push("INVISIBLE");
  if (column.comment !== undefined) parts.push(`COMMENT ${w.string(column.comment)}`);
  return parts.join(" ");
}

export function mysqlCreateTable(w: DdlWriter, table: Table, context: DdlContext): Statement[] {
  const fk = { qualifyTarget: true, deferrable: false };
  const definitions = [
    ...table.columns.map((c) => mysqlColumnDefinition(w, c, context)),
    ...(table.primaryKey ? [w.primaryKey(table.primaryKey)] : []),
    ...table.uniqueConstraints.map((u) => w.unique(u)),
    ...table.checkConstraints.map((c) => w.check(c)),
    ...table.foreignKeys.map((f) => w.foreignKey(f, fk)),
  ];
  const name = w.name(table.schema, table.name);
  return [
    { sql: w.createTable(name, definitions, mysqlTableOptionsSql(w, table)) },
    ...table.indexes.map((index) => mysqlCreateIndex(w, table.schema, table.name, index)),
  ];
}

const KEY_KINDS = new Set(["fulltext", "spatial"]);
const METHODS = new Set(["btree", "hash"]);

export function mysqlCreateIndex(w: DdlWriter, schema: string | undefined, table: string, index: Index): Statement {
  const unsupported = (what: string) => new UnsupportedDdlError("mysql", `${what} (index "${index.name}")`);
  if (index.where !== undefined) throw unsupported("create a partial index");
  if (index.include || index.storage !== undefined || index.nullsNotDistinct) throw unsupported("use INCLUDE, WITH or NULLS NOT DISTINCT");
  const using = index.using?.toLowerCase();
  if (using !== undefined && !KEY_KINDS.has(using) && !METHODS.has(using)) throw unsupported(`use the index method "${index.using}"`);
  const elements = index.elements.map((e) => {
    if (e.kind === "expression") {
      if (!w.dialect.capabilities.expressionIndexes) throw unsupported("index an expression");
      return `(${e.sql})`;
    }
    if (e.nulls) throw unsupported("order NULLs in an index");
    if (e.opclass !== undefined) throw unsupported("use an operator class");
    return w.q(e.name) + (e.length === undefined ? "" : `(${e.length})`) + (e.order === "desc" ? " DESC" : "");
  });
  const kind = index.unique ? "UNIQUE " : using && KEY_KINDS.has(using) ? `${using.toUpperCase()} ` : "";
  const method = using && METHODS.has(using) ? ` USING ${using.toUpperCase()}` : "";
  return { sql: `CREATE ${kind}INDEX ${w.q(index.name)} ON ${w.name(schema, table)} (${elements.join(", ")})${method}` };
}
