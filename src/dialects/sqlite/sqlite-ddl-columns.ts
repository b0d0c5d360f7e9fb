import type { Column, DefaultValue, Index, Table } from "../../model/index.js";
import { checkDefaultValue, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";
import { NUMBER } from "./sqlite-defaults.js";

/**
 * SQLite column, table and index definitions. `autoincrement()` is
 * `INTEGER PRIMARY KEY AUTOINCREMENT` on the column itself, which then is the
 * whole primary key. SQLite has no comments: they are not written (the
 * capability says so, and comparison does not look for them).
 */
export function sqliteColumnDefinition(w: DdlWriter, column: Column, primaryKeyName?: string): string {
  if (column.identity) throw new UnsupportedDdlError("sqlite", `declare the identity column "${column.name}" (use autoincrement())`);
  const type = w.dialect.spellType(column.type);
  const parts = [w.q(column.name), type].filter((p) => p !== "");
  if (column.default?.kind === "autoincrement") {
    if (type.toUpperCase() !== "INTEGER") throw new UnsupportedDdlError("sqlite", `give "${column.name}" autoincrement(): only an INTEGER primary key autoincrements`);
    const name = primaryKeyName === undefined ? "" : `CONSTRAINT ${w.q(primaryKeyName)} `;
    parts.push(`${name}PRIMARY KEY AUTOINCREMENT`);
  }
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default && column.default.kind !== "autoincrement") parts.push(`DEFAULT ${sqliteDefault(w, column.default)}`);
  if (column.collation !== undefined) parts.push(`COLLATE ${w.q(column.collation)}`);
  if (column.generated) {
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
  }
  return parts.join(" ");
}

/** A DEFAULT clause value; reflection reads each back as the same model value. */
function sqliteDefault(w: DdlWriter, value: Exclude<DefaultValue, { kind: "autoincrement" }>): string {
  checkDefaultValue(value, "a SQLite column");
  switch (value.kind) {
    case "literal":
      if (typeof value.value === "string") return w.string(value.value);
      return value.value === null ? "NULL" : String(value.value).toUpperCase();
    case "number":
      return value.value;
    case "enum":
      throw new UnsupportedDdlError("sqlite", `default to the enum value "${value.value}" (SQLite has no enums)`);
    case "now":
      return "CURRENT_TIMESTAMP";
    case "sql":
      // A number spelled its own way (`1.0`) is kept so, bare, as reflection read it.
      return NUMBER.test(value.sql) ? value.sql : `(${value.sql})`;
  }
}

/** The autoincrement column, which carries the primary key inline. */
function autoincrementColumn(table: Table): Column | undefined {
  return table.columns.find((c) => c.default?.kind === "autoincrement");
}

/** The CREATE TABLE statement alone (a rebuild creates indexes after renaming), with its `WITHOUT ROWID` and `STRICT`. */
export function sqliteCreateTableSql(w: DdlWriter, table: Table, name: string): string {
  // The module declares a virtual table's columns: its arguments are the whole definition.
  if (table.options.virtual !== undefined) return `CREATE VIRTUAL TABLE ${name} USING ${table.options.virtual}`;
  const auto = autoincrementColumn(table);
  const pk = table.primaryKey;
  if (auto && (pk?.columns.length !== 1 || pk.columns[0] !== auto.name)) {
    throw new UnsupportedDdlError("sqlite", `autoincrement "${auto.name}" unless it alone is the primary key of "${table.name}"`);
  }
  const fk = { qualifyTarget: false, deferrable: true };
  const definitions = [
    ...table.columns.map((c) => sqliteColumnDefinition(w, c, c === auto ? pk?.name : undefined)),
    ...(pk && !auto ? [w.primaryKey(pk)] : []),
    ...table.uniqueConstraints.map((u) => w.unique(u)),
    ...table.checkConstraints.map((c) => w.check(c)),
    ...table.foreignKeys.map((f) => w.foreignKey(f, fk)),
  ];
  const options = [table.options.withoutRowid ? "WITHOUT ROWID" : "", table.options.strict ? "STRICT" : ""].filter((o) => o !== "");
  return w.createTable(name, definitions, options.length ? ` ${options.join(", ")}` : "");
}

export function sqliteCreateTable(w: DdlWriter, table: Table): Statement[] {
  return [
    { sql: sqliteCreateTableSql(w, table, w.name(table.schema, table.name)) },
    ...table.indexes.map((index) => sqliteCreateIndex(w, table.schema, table.name, index)),
  ];
}

/** SQLite puts the schema on the index name, never on the table. */
export function sqliteCreateIndex(w: DdlWriter, schema: string | undefined, table: string, index: Index): Statement {
  const unsupported = (what: string) => new UnsupportedDdlError("sqlite", `${what} (index "${index.name}")`);
  if (index.using !== undefined) throw unsupported(`use the index method "${index.using}"`);
  if (index.include || index.storage !== undefined || index.nullsNotDistinct) throw unsupported("use INCLUDE, WITH or NULLS NOT DISTINCT");
  const elements = index.elements.map((e) => {
    if (e.kind === "expression") return `(${e.sql})`;
    if (e.nulls) throw unsupported("order NULLs in an index");
    if (e.length !== undefined) throw unsupported("index a prefix of a column");
    if (e.opclass !== undefined) throw unsupported("use an operator class");
    return w.q(e.name) + (e.order === "desc" ? " DESC" : "");
  });
  const where = index.where === undefined ? "" : ` WHERE ${index.where}`;
  const head = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${w.name(schema, index.name)}`;
  return { sql: `${head} ON ${w.q(table)} (${elements.join(", ")})${where}` };
}
