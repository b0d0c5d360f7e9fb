import { typesEqual, type Column, type Table } from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { AddColumnOp, DropColumnOp } from "../../ops/column-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { applyToTable } from "../ddl/apply-to-table.js";
import { DdlStateError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import { fitCheck, type FitSql } from "../ddl/fit-check.js";
import type { DdlContext, Statement } from "../ddl-compiler.js";
import { sqliteCreateIndex, sqliteCreateTableSql } from "./sqlite-ddl-columns.js";
import { rebuildDataChecks } from "./sqlite-rebuild-checks.js";

/**
 * What SQLite cannot ALTER runs as a table rebuild, inside the migration's
 * transaction: create the changed table under a temporary name, copy the
 * rows (CAST where a column's type affinity changes), drop the old table,
 * rename the new one, then re-create its indexes and triggers.
 *
 * Foreign keys: `PRAGMA foreign_keys` cannot change inside a transaction,
 * and with it on, DROP TABLE runs the ON DELETE actions of the tables that
 * reference the dropped one (children would be deleted by a CASCADE). So a
 * rebuild needs the connection's foreign keys off before BEGIN (what
 * `sqliteDdl.boundary` says the runner must do); its first statement is a
 * guard that fails, before anything changed, when they are on and some table
 * references this one with an action.
 * `defer_foreign_keys` covers the plain references in between, and
 * `foreign_key_check` on the table and its children runs before the end.
 *
 * Views and triggers of other tables that name this table stay as they
 * are: the rename runs with `legacy_alter_table` on, so SQLite neither
 * rewrites nor re-validates them while the old name is briefly missing.
 * Each view that names the table is then read once (`LIMIT 0`), so a view
 * left pointing at a dropped column fails the migration, as PostgreSQL would.
 */
export async function sqliteRebuild(
  w: DdlWriter,
  schema: string | undefined,
  tableName: string,
  ops: readonly MigrateOperation[],
  context: DdlContext,
): Promise<Statement[]> {
  const current = await liveTable(schema, tableName, context);
  const target = ops.reduce(applyToTable, current);
  const { raw, children, views } = await surroundings(tableName, context);
  const temporary = `${tableName}__strata_rebuild`;
  const table = w.name(schema, tableName);
  const temp = w.name(schema, temporary);

  // Table names as literals, not parameters: the statements are the same online and in a --sql script.
  const name = w.string(tableName);
  const out: Statement[] = [
    {
      sql: `SELECT s.name AS referencing_table FROM pragma_foreign_keys AS p, sqlite_schema AS s, pragma_foreign_key_list(s.name) AS f
 WHERE p.foreign_keys = 1 AND s.type = 'table' AND s.name <> ${name} AND f."table" = ${name} COLLATE NOCASE AND f.on_delete <> 'NO ACTION'`,
      expectNoRows:
        `rebuilding table "${tableName}" with foreign keys enforced would run the ON DELETE actions of the tables that reference it; ` +
        "run the migration with PRAGMA foreign_keys = OFF (set before BEGIN)",
    },
  ];
  const copy = copyColumns(current, target, ops);
  for (const { from, to } of copy) {
    const check = typesEqual(from.type, to.type) ? undefined : sqliteFitCheck(w, table, tableName, from, to);
    if (check) out.push(check);
  }
  out.push(...rebuildDataChecks(w, { sql: table, shown: tableName }, current, target, copy));
  out.push({ sql: "PRAGMA defer_foreign_keys = ON" }, { sql: sqliteCreateTableSql(w, target, temp) });
  if (copy.length) {
    const into = w.columns(copy.map((c) => c.to.name));
    const select = copy.map(({ from, to }) => copyExpression(w, from, to)).join(", ");
    out.push({ sql: `INSERT INTO ${temp} ${into} SELECT ${select} FROM ${table}`, standIn: { temporary, table: tableName } });
  }
  if (hasAutoincrement(current) && hasAutoincrement(target)) out.push(...carrySequence(w.string(temporary), name));
  out.push(
    { sql: `DROP TABLE ${table}` },
    { sql: "PRAGMA legacy_alter_table = ON" },
    { sql: `ALTER TABLE ${temp} RENAME TO ${w.q(tableName)}` },
    { sql: "PRAGMA legacy_alter_table = OFF" },
    ...target.indexes.map((index) => sqliteCreateIndex(w, schema, tableName, index)),
    ...raw.filter((r) => r.type === "trigger").map((r) => ({ sql: r.sql })),
  );
  // A view that used a dropped or renamed column breaks silently in SQLite; reading it fails the migration instead.
  for (const view of views.filter((v) => v.sql.toLowerCase().includes(tableName.toLowerCase()))) {
    out.push({ sql: `SELECT * FROM ${w.name(schema, view.name)} LIMIT 0` });
  }
  for (const checked of [tableName, ...children.map((c) => c.name)]) {
    out.push({
      sql: `PRAGMA foreign_key_check(${w.q(checked)})`,
      expectNoRows: `after rebuilding "${tableName}", rows of "${checked}" violate a foreign key`,
    });
  }
  return out;
}

interface Surroundings {
  /** The table's CREATE TABLE and its triggers, as stored. */
  readonly raw: ReadonlyArray<{ type: string; sql: string }>;
  /** Tables with a foreign key to it. */
  readonly children: ReadonlyArray<{ name: string }>;
  readonly views: ReadonlyArray<{ name: string; sql: string }>;
}

/**
 * What a rebuild keeps around the table: from the live catalog, or, written
 * offline (`--sql`), from the model the migrations leave, which knows views
 * and foreign keys but no triggers or table options (strata makes neither).
 */
async function surroundings(tableName: string, context: DdlContext): Promise<Surroundings> {
  if (!context.query) {
    const model = context.metadata!;
    const refersHere = (t: Table) => t.name !== tableName && t.foreignKeys.some((fk) => fk.target.name.toLowerCase() === tableName.toLowerCase());
    return {
      raw: [],
      children: [...model.tables.values()].filter(refersHere).map((t) => ({ name: t.name })).sort((a, b) => (a.name < b.name ? -1 : 1)),
      views: [...model.views.values()].map((v) => ({ name: v.name, sql: v.definition })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
  }
  const raw = await context.query<{ type: string; sql: string }>(
    "SELECT type, sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('table', 'trigger') AND sql IS NOT NULL ORDER BY rowid",
    [tableName],
  );
  const children = await context.query<{ name: string }>(
    `SELECT DISTINCT s.name FROM sqlite_schema AS s, pragma_foreign_key_list(s.name) AS f
      WHERE s.type = 'table' AND s.name <> ? AND f."table" = ? COLLATE NOCASE ORDER BY s.name`,
    [tableName, tableName],
  );
  const views = await context.query<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name");
  return { raw, children, views };
}

async function liveTable(schema: string | undefined, tableName: string, context: DdlContext): Promise<Table> {
  if (!context.currentTable || (!context.query && !context.metadata)) {
    throw new DdlStateError(`rebuilding SQLite table "${tableName}" re-creates it from the live database, which this context cannot read`);
  }
  const table = await context.currentTable(schema, tableName);
  if (!table) throw new DdlStateError(`table "${tableName}" does not exist`);
  return table;
}

interface CopiedColumn {
  readonly from: Column;
  readonly to: Column;
}

/** Target columns that take their values from an old column (renames followed); generated ones compute themselves. */
function copyColumns(current: Table, target: Table, ops: readonly MigrateOperation[]): CopiedColumn[] {
  const origin = new Map<string, string | undefined>(current.columns.map((c) => [c.name, c.name]));
  for (const op of ops) {
    if (op instanceof AddColumnOp) origin.set(op.column.name, undefined);
    else if (op instanceof DropColumnOp) origin.delete(op.columnName);
    else if (op instanceof AlterColumnOp && op.modifyName) {
      origin.set(op.modifyName.to, origin.get(op.columnName));
      origin.delete(op.columnName);
    }
  }
  return target.columns.flatMap((to) => {
    const fromName = origin.get(to.name);
    const from = fromName === undefined ? undefined : current.column(fromName);
    return from && !to.generated ? [{ from, to }] : [];
  });
}

function copyExpression(w: DdlWriter, from: Column, to: Column): string {
  return castOnCopy(w, from, to) ?? w.q(from.name);
}

/** The CAST the copy applies where the column's type affinity changes; undefined where it copies values as they are. */
function castOnCopy(w: DdlWriter, from: Column, to: Column): string | undefined {
  const toType = w.dialect.spellType(to.type);
  const same = affinity(w.dialect.spellType(from.type)) === affinity(toType);
  return same || toType === "" ? undefined : `CAST(${w.q(from.name)} AS ${toType})`;
}

/**
 * SQLite keeps any value in any column, so what "fits" means is strata's
 * decision, made from the declared type: a value fits when the copy keeps
 * it (a CAST to the new affinity gives back an equal value, so neither
 * 'abc' → 0 nor 1.5 → 1), and when it keeps the limits the declared type
 * states: a varchar/char's length in characters, a decimal's digits and
 * scale, a whole number for an integer type. Integer widths are not
 * checked: every SQLite integer is 64-bit, whatever its declared name.
 */
function sqliteFitCheck(w: DdlWriter, table: string, tableName: string, from: Column, to: Column): Statement | undefined {
  const cast = castOnCopy(w, from, to);
  const sql: FitSql = {
    length: (value) => `length(${value})`,
    cast: (value, type) => `CAST(${value} AS ${w.dialect.spellType(type)})`,
    integerWidths: false,
    timePrecision: undefined,
  };
  const column = w.q(from.name);
  return fitCheck({ sql: table, shown: tableName }, { sql: column, name: from.name }, from.type, to.type, sql, cast && `${cast} <> ${column}`);
}

/** SQLite's rules for a declared type's affinity (datatype3.html, section 3.1). */
function affinity(declared: string): "INTEGER" | "TEXT" | "BLOB" | "REAL" | "NUMERIC" {
  const t = declared.toUpperCase();
  if (t.includes("INT")) return "INTEGER";
  if (t.includes("CHAR") || t.includes("CLOB") || t.includes("TEXT")) return "TEXT";
  if (t.includes("BLOB") || t === "") return "BLOB";
  if (t.includes("REAL") || t.includes("FLOA") || t.includes("DOUB")) return "REAL";
  return "NUMERIC";
}

function hasAutoincrement(table: Table): boolean {
  return table.columns.some((c) => c.default?.kind === "autoincrement");
}

/** Keeps AUTOINCREMENT's promise across the rebuild: the counter never goes back, even past deleted rows (names are literals). */
function carrySequence(temporary: string, table: string): Statement[] {
  const old = `(SELECT seq FROM sqlite_sequence WHERE name = ${table})`;
  return [
    {
      sql: `INSERT INTO sqlite_sequence (name, seq) SELECT ${temporary}, seq FROM sqlite_sequence WHERE name = ${table} AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ${temporary})`,
    },
    { sql: `UPDATE sqlite_sequence SET seq = ${old} WHERE name = ${temporary} AND seq < ${old}` },
  ];
}
