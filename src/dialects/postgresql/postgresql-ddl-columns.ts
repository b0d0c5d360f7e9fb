import type { Column, DefaultValue, IdentityOptions, Index, SqlType, Table } from "../../model/index.js";
import { checkDefaultValue, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import { pgRowLevelSecurity } from "./postgresql-ddl-policies.js";
import type { Statement } from "../ddl-compiler.js";

/**
 * PostgreSQL column, table and index definitions. `autoincrement()` is a
 * sequence-backed default: written as `serial`/`bigserial`/`smallserial` in
 * CREATE TABLE and ADD COLUMN (PostgreSQL creates the owned `t_c_seq`);
 * `@identity` is the separate GENERATED ... AS IDENTITY.
 */
const SERIAL: Readonly<Record<string, string>> = { smallint: "smallserial", integer: "serial", bigint: "bigserial" };

export function pgColumnDefinition(w: DdlWriter, column: Column): string {
  const parts = [w.q(column.name), pgColumnType(w, column)];
  if (column.compression !== undefined) parts.push(`COMPRESSION ${column.compression}`);
  if (column.collation !== undefined) parts.push(`COLLATE ${w.q(column.collation)}`);
  if (column.generated) {
    if (!column.generated.stored) throw new UnsupportedDdlError("postgresql", `make "${column.name}" a virtual generated column (only STORED)`);
    parts.push(`GENERATED ALWAYS AS (${column.generated.expression}) STORED`);
  }
  if (column.identity) parts.push(identityClause(column.identity, column.identityOptions));
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default && column.default.kind !== "autoincrement") parts.push(`DEFAULT ${pgDefault(w, column.default)}`);
  return parts.join(" ");
}

function pgColumnType(w: DdlWriter, column: Column): string {
  if (column.default?.kind !== "autoincrement") return w.dialect.spellType(column.type);
  return serialType(column.name, column.type);
}

export function serialType(columnName: string, type: SqlType): string {
  const serial = type.kind === "scalar" && !type.arrayDims ? SERIAL[type.name] : undefined;
  if (!serial) throw new UnsupportedDdlError("postgresql", `give "${columnName}" autoincrement(): only smallint, integer and bigint columns take a sequence`);
  return serial;
}

export function identityClause(kind: "always" | "byDefault", options: IdentityOptions = {}): string {
  const sequence = [
    options.start !== undefined ? `START WITH ${options.start}` : "",
    options.increment !== undefined ? `INCREMENT BY ${options.increment}` : "",
    options.minValue !== undefined ? `MINVALUE ${options.minValue}` : "",
    options.maxValue !== undefined ? `MAXVALUE ${options.maxValue}` : "",
    options.cache !== undefined ? `CACHE ${options.cache}` : "",
    options.cycle ? "CYCLE" : "",
  ].filter((o) => o !== "");
  return `GENERATED ${kind === "always" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY${sequence.length ? ` (${sequence.join(" ")})` : ""}`;
}

/**
 * `ALTER COLUMN ... SET ...` clauses that take an identity's sequence from
 * `from` to `to`; an option `to` leaves out goes back to what CREATE picks
 * (START WITH follows the direction and bounds, as CREATE's does).
 */
export function identityOptionChanges(from: IdentityOptions, to: IdentityOptions): string[] {
  const out: string[] = [];
  const descending = (to.increment ?? 1) < 0;
  if (from.increment !== to.increment) out.push(`SET INCREMENT BY ${to.increment ?? 1}`);
  if (from.minValue !== to.minValue) out.push(to.minValue === undefined ? "SET NO MINVALUE" : `SET MINVALUE ${to.minValue}`);
  if (from.maxValue !== to.maxValue) out.push(to.maxValue === undefined ? "SET NO MAXVALUE" : `SET MAXVALUE ${to.maxValue}`);
  if (from.start !== to.start) out.push(`SET START WITH ${to.start ?? (descending ? (to.maxValue ?? -1) : (to.minValue ?? 1))}`);
  if (from.cache !== to.cache) out.push(`SET CACHE ${to.cache ?? 1}`);
  if (!!from.cycle !== !!to.cycle) out.push(to.cycle ? "SET CYCLE" : "SET NO CYCLE");
  return out;
}

/** A DEFAULT expression; reflection reads each of these back as the same model value. */
export function pgDefault(w: DdlWriter, value: Exclude<DefaultValue, { kind: "autoincrement" }>): string {
  checkDefaultValue(value, "a PostgreSQL column");
  switch (value.kind) {
    case "literal":
      if (typeof value.value === "string") return w.string(value.value);
      return value.value === null ? "NULL" : String(value.value).toUpperCase();
    case "number":
      return value.value;
    case "enum":
      return w.string(value.value);
    // PostgreSQL's own spelling, which its catalog keeps as written (CURRENT_TIMESTAMP is a sql("...") default).
    case "now":
      return "now()";
    case "sql":
      return value.sql;
  }
}

/** The name PostgreSQL gives a serial column's sequence. */
export function serialSequenceName(table: string, column: string): string {
  return `${table}_${column}_seq`;
}

/** PostgreSQL 15 has no STORAGE clause in CREATE TABLE or ADD COLUMN: it is set after. */
export function setStorage(w: DdlWriter, table: string, column: Column): Statement[] {
  if (column.storage === undefined) return [];
  return [{ sql: `ALTER TABLE ${table} ALTER COLUMN ${w.q(column.name)} SET STORAGE ${column.storage.toUpperCase()}` }];
}

/**
 * Puts a column's storage back to its type's own (`pg_type.typstorage`),
 * which a column's `storage` left out means. PostgreSQL 15 has no SET
 * STORAGE DEFAULT, and a domain's or an extension's type has a storage no
 * table here can tell: the server reads it when the statement runs (so it
 * is right offline, in `--sql` output, too), after any type change before it.
 */
export function resetStorage(w: DdlWriter, table: string, column: string, type: SqlType): Statement {
  const storage = `(SELECT CASE typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END FROM pg_catalog.pg_type WHERE oid = ${w.string(w.dialect.spellType(type))}::regtype)`;
  const statement = `EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STORAGE %s', ${w.string(table)}, ${w.string(column)}, ${storage});`;
  return { sql: `DO $strata$ BEGIN ${statement} END $strata$` };
}

export function columnComment(w: DdlWriter, table: string, column: string, comment: string | undefined): Statement {
  return { sql: `COMMENT ON COLUMN ${table}.${w.q(column)} IS ${comment === undefined ? "NULL" : w.string(comment)}` };
}

export function pgCreateTable(w: DdlWriter, table: Table): Statement[] {
  const name = w.name(table.schema, table.name);
  const fk = { qualifyTarget: true, deferrable: true };
  const definitions = [
    ...table.columns.map((c) => pgColumnDefinition(w, c)),
    ...(table.primaryKey ? [w.primaryKey(table.primaryKey)] : []),
    ...table.uniqueConstraints.map((u) => w.unique(u)),
    ...table.checkConstraints.filter((c) => !c.notValid).map((c) => w.check(c)),
    ...table.foreignKeys.filter((f) => !f.notValid).map((f) => w.foreignKey(f, fk)),
  ];
  // CREATE TABLE validates every constraint whatever it says: NOT VALID ones are added after it.
  const notValid = [
    ...table.checkConstraints.filter((c) => c.notValid).map((c) => w.check(c)),
    ...table.foreignKeys.filter((f) => f.notValid).map((f) => w.foreignKey(f, fk)),
  ].map((definition) => ({ sql: `ALTER TABLE ${name} ADD ${definition} NOT VALID` }));
  const create = `${createClause(w, name, definitions, table)}${partitioningClauses(w, table)}`;
  const statements: Statement[] = [{ sql: table.options.unlogged ? create.replace(/^CREATE TABLE/, "CREATE UNLOGGED TABLE") : create }];
  if (table.comment !== undefined) statements.push({ sql: `COMMENT ON TABLE ${name} IS ${w.string(table.comment)}` });
  const security = { ...(table.options.rowLevelSecurity ? { rowLevelSecurity: true } : {}), ...(table.options.forceRowLevelSecurity ? { forceRowLevelSecurity: true } : {}) };
  for (const clause of pgRowLevelSecurity(security)) statements.push({ sql: `ALTER TABLE ${name} ${clause}` });
  for (const column of table.columns) {
    if (column.comment !== undefined) statements.push(columnComment(w, name, column.name, column.comment));
  }
  for (const column of table.columns) statements.push(...setStorage(w, name, column));
  for (const index of table.indexes) statements.push(pgCreateIndex(w, table.schema, table.name, index, false));
  return [...statements, ...notValid];
}

/** `CREATE TABLE t (...)`, or for a partition `CREATE TABLE t PARTITION OF parent [(constraints)] FOR VALUES ...`. */
function createClause(w: DdlWriter, name: string, definitions: string[], table: Table): string {
  const { partitionOf, partitionBound } = table.options;
  if (partitionOf === undefined) return w.createTable(name, definitions);
  const own = definitions.length ? ` (\n  ${definitions.join(",\n  ")}\n)` : "";
  return `CREATE TABLE ${name} PARTITION OF ${pgTableKey(w, partitionOf)}${own} ${partitionBound ?? "DEFAULT"}`;
}

/** What follows the column list: ` INHERITS (...)`, ` PARTITION BY ...`. */
function partitioningClauses(w: DdlWriter, table: Table): string {
  const { inherits, partitionBy } = table.options;
  let sql = "";
  if (inherits !== undefined) sql += ` INHERITS (${inherits.split(", ").map((key) => pgTableKey(w, key)).join(", ")})`;
  if (partitionBy !== undefined) sql += ` PARTITION BY ${partitionBy}`;
  return sql;
}

/** A table named by its model key (`name`, or `schema.name`), quoted. */
export function pgTableKey(w: DdlWriter, key: string): string {
  const dot = key.indexOf(".");
  return dot < 0 ? w.name(undefined, key) : w.name(key.slice(0, dot), key.slice(dot + 1));
}

export function pgCreateIndex(w: DdlWriter, schema: string | undefined, table: string, index: Index, concurrently: boolean): Statement {
  const using = index.using === undefined ? "" : ` USING ${indexMethod(w, index.using)}`;
  const elements = index.elements.map((e) => {
    if (e.kind === "expression") return `(${e.sql})`;
    if (e.length !== undefined) throw new UnsupportedDdlError("postgresql", `index a prefix of "${e.name}" (length ${e.length})`);
    let sql = w.q(e.name);
    if (e.opclass !== undefined) sql += ` ${w.q(e.opclass)}`;
    if (e.order === "desc") sql += " DESC";
    if (e.nulls) sql += ` NULLS ${e.nulls.toUpperCase()}`;
    return sql;
  });
  // In CREATE INDEX's own order: INCLUDE, NULLS NOT DISTINCT, WITH, WHERE.
  const tail = [
    index.include ? ` INCLUDE ${w.columns(index.include)}` : "",
    index.nullsNotDistinct ? " NULLS NOT DISTINCT" : "",
    index.storage !== undefined ? ` WITH (${index.storage})` : "",
    index.where === undefined ? "" : ` WHERE ${index.where}`,
  ].join("");
  const head = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX ${concurrently ? "CONCURRENTLY " : ""}${w.q(index.name)}`;
  const sql = `${head} ON ${w.name(schema, table)}${using} (${elements.join(", ")})${tail}`;
  return concurrently ? { sql, transactional: false } : { sql };
}

function indexMethod(w: DdlWriter, method: string): string {
  const known = w.dialect.capabilities.indexMethods;
  if (!known.includes(method)) throw new UnsupportedDdlError("postgresql", `use the index method "${method}" (known: ${known.join(", ")})`);
  return method;
}
