import { createBodyTrigger } from "../ddl/trigger-clauses.js";
import { mysqlCreateRoutine, mysqlDropRoutine, underSqlMode } from "./mysql-ddl-routines.js";
import type { DropConstraintOp } from "../../ops/constraint-ops.js";
import type { RenameTableOp } from "../../ops/table-ops.js";
import { DdlStateError, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import { compileEach, dispatchDdl, type DdlHandlers } from "../ddl/ddl-dispatch.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import type { View } from "../../model/index.js";
import type { DdlCompiler, DdlContext, Statement } from "../ddl-compiler.js";
import { mysqlAlterTableOptions } from "./mysql-ddl-table-options.js";
import { mysqlAlterColumn, mysqlChangeEnumValues } from "./mysql-ddl-alter.js";
import { withAlgorithm } from "./mysql-algorithm-clause.js";
import { dataChecks } from "../ddl/data-checks.js";
import { mysqlColumnDefinition, mysqlCreateIndex, mysqlCreateTable } from "./mysql-ddl-columns.js";

/**
 * MySQL/MariaDB DDL. Every DDL statement commits implicitly on these
 * servers, so none is transactional in effect; the runner learns that from
 * `capabilities.transactionalDdl` (false), not from each statement.
 *
 * Enums: MySQL has no enum objects, only `ENUM('a','b')` on each column.
 * Autogenerate never emits enum ops here: comparison puts the values on the
 * columns (`enum('a','b')` scalar types, see mysql-normalize.ts), so column
 * ops carry them. For hand-written migrations CreateEnumOp and DropEnumOp
 * emit nothing, an enum reference is spelled from `context.metadata`, and
 * Add/DropEnumValueOp modify every column of the enum.
 */
export const mysqlDdl: DdlCompiler = {
  boundary: { beforeBegin: [], beforeCommit: [], afterEnd: [] },
  compile: (op, context) => dispatchDdl("mysql", handlers(writer(context)), op, context),
};

function writer(context: DdlContext): DdlWriter {
  return new DdlWriter(context.dialect, "mysql", () => "?");
}

function handlers(w: DdlWriter): DdlHandlers {
  const table = (op: { schema?: string; tableName: string }) => w.name(op.schema, op.tableName);
  const alterTable = (op: { schema?: string; tableName: string }, clause: string): Statement[] => [
    { sql: `ALTER TABLE ${table(op)} ${clause}` },
  ];
  const fk = { qualifyTarget: true, deferrable: false };
  const unsupported = (what: string) => () => {
    throw new UnsupportedDdlError("mysql", what);
  };
  return {
    CreateTableOp: (op, context) => mysqlCreateTable(w, op.table, context),
    DropTableOp: (op) => [{ sql: `DROP TABLE ${table(op)}` }],
    RenameTableOp: (op, context) => renameTable(w, op, context),
    AddColumnOp: (op, context) => alterTable(op, `ADD COLUMN ${mysqlColumnDefinition(w, op.column, context)}`),
    DropColumnOp: (op) => alterTable(op, `DROP COLUMN ${w.q(op.columnName)}`),
    AlterColumnOp: async (op, context) => [...(await dataChecks(w, op, context)), ...(await mysqlAlterColumn(w, op, context))],
    CreateIndexOp: async (op, context) => [...(await dataChecks(w, op, context)), mysqlCreateIndex(w, op.schema, op.tableName, op.index)],
    DropIndexOp: (op) => {
      if (op.tableName === undefined) throw new DdlStateError(`dropping index "${op.indexName}" on MySQL needs its table`);
      return [{ sql: `DROP INDEX ${w.q(op.indexName)} ON ${w.name(op.schema, op.tableName)}` }];
    },
    CreatePrimaryKeyOp: async (op, context) => [...(await dataChecks(w, op, context)), ...alterTable(op, `ADD ${w.primaryKey(op.constraint)}`)],
    CreateForeignKeyOp: async (op, context) => {
      return [...(await dataChecks(w, op, context)), ...alterTable(op, `ADD ${w.foreignKey(op.constraint, fk)}`)];
    },
    CreateUniqueConstraintOp: async (op, context) => [...(await dataChecks(w, op, context)), ...alterTable(op, `ADD ${w.unique(op.constraint)}`)],
    CreateCheckConstraintOp: (op) => {
      return alterTable(op, `ADD ${w.check(op.constraint)}`);
    },
    ValidateConstraintOp: unsupported("validate a constraint (NOT VALID constraints are PostgreSQL's)"),
    AlgorithmOp: async (op, context) => (await compileEach(mysqlDdl.compile, op.ops, context)).map((s) => ({ ...s, sql: withAlgorithm(s.sql, op.clause) })),
    DropConstraintOp: async (op, context) => [
      ...alterTable(op, dropConstraintClause(w, op)),
      ...(await implicitIndexDrop(w, op, context)),
    ],
    CreateTableCommentOp: (op) => alterTable(op, `COMMENT = ${w.string(op.comment)}`),
    DropTableCommentOp: (op) => alterTable(op, "COMMENT = ''"),
    AlterTableOptionsOp: (op, context) => mysqlAlterTableOptions(w, op, context),
    ExecuteSQLOp: (op) => [{ sql: op.sql }],
    BulkInsertOp: (op, context) => w.insertRows(table(op), op.rows, context.inlineValues === true),
    BatchAlterTableOp: (op, context) => compileEach(mysqlDdl.compile, op.ops, context),
    ModifyTableOps: (op, context) => compileEach(mysqlDdl.compile, op.ops, context),
    CreateSchemaOp: unsupported("create schemas (a MySQL schema is a database)"),
    DropSchemaOp: unsupported("drop schemas (a MySQL schema is a database)"),
    CreateSchemaCommentOp: unsupported("comment on schemas (a MySQL schema is a database)"),
    DropSchemaCommentOp: unsupported("comment on schemas (a MySQL schema is a database)"),
    CreateEnumOp: () => [],
    DropEnumOp: () => [],
    AddEnumValueOp: (op, context) => mysqlChangeEnumValues(w, op, context, true),
    ReorderEnumValuesOp: unsupported("reorder the values of a named enum (MySQL enums are column types: change the column's type)"),
    DropEnumValueOp: (op, context) => mysqlChangeEnumValues(w, op, context, false),
    CreateDomainOp: unsupported("create domains (MySQL has none; they are PostgreSQL's)"),
    DropDomainOp: unsupported("drop domains (MySQL has none)"),
    AlterDomainOp: unsupported("alter domains (MySQL has none)"),
    CreateCompositeTypeOp: unsupported("create composite types (MySQL has none; they are PostgreSQL's)"),
    DropCompositeTypeOp: unsupported("drop composite types (MySQL has none)"),
    AlterCompositeTypeOp: unsupported("alter composite types (MySQL has none)"),
    CreatePolicyOp: unsupported("create row-level security policies (MySQL has none; they are PostgreSQL's)"),
    DropPolicyOp: unsupported("drop policies (MySQL has none)"),
    AlterPolicyOp: unsupported("alter policies (MySQL has none)"),
    CreateExtensionOp: unsupported("create extensions (MySQL has none; they are PostgreSQL's)"),
    DropExtensionOp: unsupported("drop extensions (MySQL has none)"),
    AlterExtensionOp: unsupported("alter extensions (MySQL has none)"),
    CreateSequenceOp: unsupported("create sequences (MySQL has none; use autoincrement())"),
    DropSequenceOp: unsupported("drop sequences (MySQL has none)"),
    AlterSequenceOp: unsupported("alter sequences (MySQL has none)"),
    CreateViewOp: (op) => [createView(w, op.view, false)],
    DropViewOp: (op) => [{ sql: `DROP VIEW ${w.name(op.schema, op.viewName)}` }],
    ReplaceViewOp: (op) => [createView(w, op.view, true)],
    CreateFunctionOp: (op) => mysqlCreateRoutine(w, op.routine),
    DropFunctionOp: (op) => [mysqlDropRoutine(w, op.schema, op.functionName, op.kind ?? op.routine?.kind ?? "function")],
    // MySQL has no CREATE OR REPLACE for routines.
    ReplaceFunctionOp: (op) => [mysqlDropRoutine(w, op.schema, op.functionName, op.existing?.kind ?? op.routine.kind), ...mysqlCreateRoutine(w, op.routine)],
    CreateTriggerOp: (op) => underSqlMode(w, op.trigger.sqlMode, { sql: createBodyTrigger(w, op.trigger, true) }),
    DropTriggerOp: (op) => [{ sql: `DROP TRIGGER ${w.name(op.schema, op.triggerName)}` }],
    ReplaceTriggerOp: (op) => [
      { sql: `DROP TRIGGER ${w.name(op.schema, op.triggerName)}` },
      ...underSqlMode(w, op.trigger.sqlMode, { sql: createBodyTrigger(w, op.trigger, true) }),
    ],
  };
}

function createView(w: DdlWriter, view: View, orReplace: boolean): Statement {
  if (view.materialized) throw new UnsupportedDdlError("mysql", `create the materialized view "${view.name}"`);
  if (view.comment !== undefined) throw new UnsupportedDdlError("mysql", `comment on the view "${view.name}"`);
  return { sql: `CREATE ${orReplace ? "OR REPLACE " : ""}VIEW ${w.name(view.schema, view.name)} AS ${view.definition}` };
}

/**
 * InnoDB gives a foreign key without a usable index one of its own, named
 * after the key, and keeps it when the key is dropped. A downgrade of "add foreign key" must
 * leave the table as it was, so that index goes too. Which index is implicit
 * comes from the live table (reflection lists them in
 * `info.implicitForeignKeyIndexes`); offline (`--sql`) only the key is dropped.
 */
/**
 * InnoDB renames the `<old>_ibfk_<n>` keys of a renamed table but not the
 * indexes it made for them; they are renamed too, so the table's catalog is
 * what creating it under the new name gives (and a rename back restores it).
 */
async function renameTable(w: DdlWriter, op: RenameTableOp, context: DdlContext): Promise<Statement[]> {
  const renamed = w.name(op.schema, op.newTableName);
  const out: Statement[] = [{ sql: `ALTER TABLE ${w.name(op.schema, op.oldTableName)} RENAME TO ${renamed}` }];
  const live = await context.currentTable?.(op.schema, op.oldTableName);
  const implicit = (live?.info.implicitForeignKeyIndexes ?? []) as readonly string[];
  for (const index of implicit.filter((name) => /^.+_ibfk_\d+$/.test(name) && name.startsWith(`${op.oldTableName}_ibfk_`))) {
    const to = `${op.newTableName}${index.slice(op.oldTableName.length)}`;
    out.push({ sql: `ALTER TABLE ${renamed} RENAME INDEX ${w.q(index)} TO ${w.q(to)}` });
  }
  return out;
}

async function implicitIndexDrop(w: DdlWriter, op: DropConstraintOp, context: DdlContext): Promise<Statement[]> {
  if (op.type !== "foreignkey" || op.constraintName === undefined || !context.currentTable) return [];
  const live = await context.currentTable(op.schema, op.tableName);
  const fk = live?.foreignKeys.find((k) => k.name === op.constraintName);
  const implicit = (live?.info.implicitForeignKeyIndexes ?? []) as readonly string[];
  if (!live || !fk) return [];
  const index = implicit.find((name) => name === fk.name);
  // Another foreign key on the same leading columns still needs it.
  const needed = live.foreignKeys.some((k) => k !== fk && k.columns[0] === fk.columns[0]);
  return index === undefined || needed ? [] : [{ sql: `ALTER TABLE ${w.name(op.schema, op.tableName)} DROP INDEX ${w.q(index)}` }];
}

/** MySQL drops each kind of constraint with its own clause. */
function dropConstraintClause(w: DdlWriter, op: DropConstraintOp): string {
  if (op.type === "primarykey") return "DROP PRIMARY KEY";
  if (op.type === undefined) throw new DdlStateError(`dropping constraint "${op.constraintName ?? "(unnamed)"}" on MySQL needs its type`);
  if (op.constraintName === undefined) throw new DdlStateError(`dropping a ${op.type} constraint of "${op.tableName}" on MySQL needs its name`);
  const name = w.q(op.constraintName);
  switch (op.type) {
    case "foreignkey":
      return `DROP FOREIGN KEY ${name}`;
    case "unique":
      return `DROP INDEX ${name}`;
    case "check":
      // DROP CONSTRAINT: MariaDB has no DROP CHECK; MySQL 8.0.19+ accepts both.
      return `DROP CONSTRAINT ${name}`;
  }
}
