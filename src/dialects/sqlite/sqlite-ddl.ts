import { createBodyTrigger } from "../ddl/trigger-clauses.js";
import type { Column, Table } from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { AddColumnOp, DropColumnOp } from "../../ops/column-ops.js";
import { CreateConstraintOp, DropConstraintOp } from "../../ops/constraint-ops.js";
import { CreateIndexOp, DropIndexOp } from "../../ops/index-ops.js";
import { AlterTableOptionsOp } from "../../ops/table-options-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { applyToTable } from "../ddl/apply-to-table.js";
import { dataChecks } from "../ddl/data-checks.js";
import { UnsupportedDdlError } from "../ddl/ddl-errors.js";
import { dispatchDdl, type DdlHandlers } from "../ddl/ddl-dispatch.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import type { View } from "../../model/index.js";
import type { DdlCompiler, DdlContext, Statement } from "../ddl-compiler.js";
import { sqliteColumnDefinition, sqliteCreateIndex, sqliteCreateTable } from "./sqlite-ddl-columns.js";
import { sqliteRebuild } from "./sqlite-ddl-rebuild.js";

/**
 * SQLite DDL. ADD COLUMN, RENAME COLUMN, RENAME TABLE, DROP COLUMN (when no
 * index or constraint uses the column) and indexes run directly; everything
 * else that changes a table (column type, nullability, default, constraints)
 * is a table rebuild (sqlite-ddl-rebuild.ts), and a BatchAlterTableOp or
 * ModifyTableOps that needs one rebuilds once for all its ops.
 *
 * Comments do not exist in SQLite: comment ops compile to no statement, a
 * documented choice (comparison does not compare comments here either).
 */
export const sqliteDdl: DdlCompiler = {
  boundary: {
    beforeBegin: [{ sql: "PRAGMA foreign_keys = OFF" }],
    beforeCommit: [
      {
        sql: "PRAGMA foreign_key_check",
        expectNoRows: "the migration leaves rows that violate a foreign key (SQLite migrations run with foreign keys off and check them all before COMMIT)",
      },
    ],
    afterEnd: [{ sql: "PRAGMA foreign_keys = ON" }],
  },
  compile: (op, context) => dispatchDdl("sqlite", handlers(writer(context)), op, context),
};

function writer(context: DdlContext): DdlWriter {
  return new DdlWriter(context.dialect, "sqlite", () => "?");
}

type TableOp = MigrateOperation & { readonly tableName: string; readonly schema?: string };

function handlers(w: DdlWriter): DdlHandlers {
  const table = (op: { schema?: string; tableName: string }) => w.name(op.schema, op.tableName);
  const unsupported = (what: string) => () => {
    throw new UnsupportedDdlError("sqlite", what);
  };
  /** One op on one table: directly when SQLite can, else as a one-op rebuild. */
  const tableOp = async (op: TableOp, context: DdlContext) => group(w, op.schema, op.tableName, [op], context);
  return {
    CreateTableOp: (op) => sqliteCreateTable(w, op.table),
    DropTableOp: (op) => [{ sql: `DROP TABLE ${table(op)}` }],
    RenameTableOp: (op) => [{ sql: `ALTER TABLE ${w.name(op.schema, op.oldTableName)} RENAME TO ${w.q(op.newTableName)}` }],
    AddColumnOp: tableOp,
    DropColumnOp: tableOp,
    AlterColumnOp: tableOp,
    CreateIndexOp: async (op, context) => [...(await dataChecks(w, op, context)), sqliteCreateIndex(w, op.schema, op.tableName, op.index)],
    DropIndexOp: (op) => [{ sql: `DROP INDEX ${w.name(op.schema, op.indexName)}` }],
    CreatePrimaryKeyOp: tableOp,
    CreateForeignKeyOp: (op, context) => {
      return tableOp(op, context);
    },
    CreateUniqueConstraintOp: tableOp,
    CreateCheckConstraintOp: (op, context) => {
      return tableOp(op, context);
    },
    ValidateConstraintOp: unsupported("validate a constraint (NOT VALID constraints are PostgreSQL's)"),
    AlgorithmOp: unsupported("run ALGORITHM= clauses (they are MySQL's)"),
    DropConstraintOp: tableOp,
    CreateTableCommentOp: () => [],
    DropTableCommentOp: () => [],
    AlterTableOptionsOp: tableOp,
    ExecuteSQLOp: (op) => [{ sql: op.sql }],
    BulkInsertOp: (op, context) => w.insertRows(table(op), op.rows, context.inlineValues === true),
    BatchAlterTableOp: (op, context) => group(w, op.schema, op.tableName, op.ops, context),
    ModifyTableOps: (op, context) => group(w, op.schema, op.tableName, op.ops, context),
    CreateSchemaOp: unsupported("create schemas (SQLite has no namespaces)"),
    DropSchemaOp: unsupported("drop schemas (SQLite has no namespaces)"),
    CreateSchemaCommentOp: unsupported("comment on schemas (SQLite has no namespaces)"),
    DropSchemaCommentOp: unsupported("comment on schemas (SQLite has no namespaces)"),
    CreateEnumOp: unsupported("create enum types"),
    DropEnumOp: unsupported("drop enum types"),
    AddEnumValueOp: unsupported("change enum types"),
    DropEnumValueOp: unsupported("change enum types"),
    CreateDomainOp: unsupported("create domains (SQLite has none; they are PostgreSQL's)"),
    DropDomainOp: unsupported("drop domains (SQLite has none)"),
    AlterDomainOp: unsupported("alter domains (SQLite has none)"),
    CreateCompositeTypeOp: unsupported("create composite types (SQLite has none; they are PostgreSQL's)"),
    DropCompositeTypeOp: unsupported("drop composite types (SQLite has none)"),
    AlterCompositeTypeOp: unsupported("alter composite types (SQLite has none)"),
    CreatePolicyOp: unsupported("create row-level security policies (SQLite has none; they are PostgreSQL's)"),
    DropPolicyOp: unsupported("drop policies (SQLite has none)"),
    AlterPolicyOp: unsupported("alter policies (SQLite has none)"),
    CreateExtensionOp: unsupported("create extensions (SQLite has none; they are PostgreSQL's)"),
    DropExtensionOp: unsupported("drop extensions (SQLite has none)"),
    AlterExtensionOp: unsupported("alter extensions (SQLite has none)"),
    ReorderEnumValuesOp: unsupported("change enum types"),
    CreateSequenceOp: unsupported("create sequences (use autoincrement())"),
    DropSequenceOp: unsupported("drop sequences"),
    AlterSequenceOp: unsupported("alter sequences"),
    CreateViewOp: (op) => [createView(w, op.view)],
    DropViewOp: (op) => [{ sql: `DROP VIEW ${w.name(op.schema, op.viewName)}` }],
    ReplaceViewOp: (op) => [{ sql: `DROP VIEW ${w.name(op.schema, op.viewName)}` }, createView(w, op.view)],
    CreateFunctionOp: unsupported("create functions (SQLite's are registered by the application at run time)"),
    DropFunctionOp: unsupported("drop functions"),
    ReplaceFunctionOp: unsupported("replace functions"),
    CreateTriggerOp: (op) => [{ sql: createBodyTrigger(w, op.trigger, false) }],
    DropTriggerOp: (op) => [{ sql: `DROP TRIGGER ${w.q(op.triggerName)}` }],
    ReplaceTriggerOp: (op) => [{ sql: `DROP TRIGGER ${w.q(op.triggerName)}` }, { sql: createBodyTrigger(w, op.trigger, false) }],
  };
}

function createView(w: DdlWriter, view: View): Statement {
  if (view.materialized) throw new UnsupportedDdlError("sqlite", `create the materialized view "${view.name}"`);
  return { sql: `CREATE VIEW ${w.name(view.schema, view.name)} AS ${view.definition}` };
}

/**
 * Ops on one table: each directly when all of them can be, else one rebuild
 * for the lot. Deciding needs the live table only for DROP COLUMN (is the
 * column indexed or constrained?); without one, SQLite's own check decides.
 */
async function group(
  w: DdlWriter,
  schema: string | undefined,
  tableName: string,
  ops: readonly MigrateOperation[],
  context: DdlContext,
): Promise<Statement[]> {
  let state = ops.some((op) => op instanceof DropColumnOp) ? await context.currentTable?.(schema, tableName) : undefined;
  for (const op of ops) {
    if (needsRebuild(op, state)) return sqliteRebuild(w, schema, tableName, ops, context);
    if (state && isTableChange(op)) state = applyToTable(state, op);
  }
  const out: Statement[] = [];
  for (const op of ops) out.push(...(direct(w, op) ?? (await sqliteDdl.compile(op, context))));
  return out;
}

/** Whether SQLite must rebuild the table for this op (`table` as it is, when known). */
export function needsRebuild(op: MigrateOperation, table: Table | undefined): boolean {
  if (op instanceof AlterTableOptionsOp && op.changed.includes("virtual")) return false;
  if (op instanceof AddColumnOp) return !canAddDirectly(op.column);
  if (op instanceof DropColumnOp) return table !== undefined && isConstrained(table, op.columnName);
  if (op instanceof AlterColumnOp) {
    const kw = Object.keys(op.kw).some((k) => k.startsWith("modify_"));
    return kw || op.modifyType !== undefined || op.modifyNullable !== undefined || op.modifyServerDefault !== undefined;
  }
  return op instanceof CreateConstraintOp || op instanceof DropConstraintOp || op instanceof AlterTableOptionsOp;
}

/** ALTER TABLE ADD COLUMN's limits (lang_altertable.html): no key, no expression default, NOT NULL needs a default. */
function canAddDirectly(column: Column): boolean {
  const def = column.default;
  if (def?.kind === "autoincrement" || def?.kind === "now" || def?.kind === "sql") return false;
  if (!column.nullable && (def === undefined || (def.kind === "literal" && def.value === null))) return false;
  return !column.generated?.stored;
}

/** DROP COLUMN refuses a column in a key, an index, a foreign key or a unique constraint. */
function isConstrained(table: Table, column: string): boolean {
  const uses = (columns: readonly string[]) => columns.includes(column);
  return (
    (table.primaryKey !== undefined && uses(table.primaryKey.columns)) ||
    table.foreignKeys.some((fk) => uses(fk.columns)) ||
    table.uniqueConstraints.some((u) => uses(u.columns)) ||
    table.indexes.some((i) => uses(i.columnNames) || i.elements.some((e) => e.kind === "expression"))
  );
}

const TABLE_CHANGES = [AddColumnOp, DropColumnOp, AlterColumnOp, CreateConstraintOp, DropConstraintOp, CreateIndexOp, DropIndexOp];

function isTableChange(op: MigrateOperation): boolean {
  return TABLE_CHANGES.some((cls) => op instanceof cls);
}

/**
 * A virtual table cannot be altered: another module or other arguments is
 * the table dropped and created again (its module rebuilds what it derives,
 * such as an external-content full-text index).
 */
function recreateVirtual(w: DdlWriter, op: AlterTableOptionsOp): Statement[] {
  const using = op.options.virtual;
  const name = w.name(op.schema, op.tableName);
  if (typeof using !== "string" || typeof op.existing.virtual !== "string") {
    throw new UnsupportedDdlError("sqlite", `turn "${op.tableName}" into or out of a virtual table (drop it and create it anew)`);
  }
  return [{ sql: `DROP TABLE ${name}` }, { sql: `CREATE VIRTUAL TABLE ${name} USING ${using}` }];
}

/** The direct statements of a column op that needs no rebuild; undefined for other ops. */
function direct(w: DdlWriter, op: MigrateOperation): Statement[] | undefined {
  const table = (o: TableOp) => w.name(o.schema, o.tableName);
  if (op instanceof AlterTableOptionsOp && op.changed.includes("virtual")) return recreateVirtual(w, op);
  if (op instanceof AddColumnOp) return [{ sql: `ALTER TABLE ${table(op)} ADD COLUMN ${sqliteColumnDefinition(w, op.column)}` }];
  if (op instanceof DropColumnOp) return [{ sql: `ALTER TABLE ${table(op)} DROP COLUMN ${w.q(op.columnName)}` }];
  if (op instanceof AlterColumnOp) {
    // A comment change alone has nothing to do: SQLite keeps no comments.
    if (!op.modifyName) return [];
    return [{ sql: `ALTER TABLE ${table(op)} RENAME COLUMN ${w.q(op.columnName)} TO ${w.q(op.modifyName.to)}` }];
  }
  return undefined;
}
