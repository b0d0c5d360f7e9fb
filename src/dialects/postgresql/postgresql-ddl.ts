import { dataChecks } from "../ddl/data-checks.js";
import type { ReorderEnumValuesOp } from "../../ops/enum-ops.js";
import { DdlStateError, UnsupportedDdlError } from "../ddl/ddl-errors.js";
import { compileEach, dispatchDdl, type DdlHandlers } from "../ddl/ddl-dispatch.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import type { DdlCompiler, DdlContext, Statement } from "../ddl-compiler.js";
import { pgAlterColumn } from "./postgresql-ddl-alter.js";
import { columnComment, pgColumnDefinition, pgCreateIndex, pgCreateTable, pgTableKey, setStorage } from "./postgresql-ddl-columns.js";
import { pgAlterExtension, pgCreateExtension } from "./postgresql-ddl-extensions.js";
import { pgAlterCompositeType, pgCreateCompositeType } from "./postgresql-ddl-composite-types.js";
import { pgAlterDomain, pgCreateDomain } from "./postgresql-ddl-domains.js";
import { pgCreateFunction, pgDropFunction } from "./postgresql-ddl-functions.js";
import { pgAlterPolicy, pgCreatePolicy, pgDropPolicy } from "./postgresql-ddl-policies.js";
import { pgAlterTableOptions } from "./postgresql-ddl-table-options.js";
import { pgCreateTrigger, pgDropTrigger } from "./postgresql-ddl-triggers.js";
import { pgAlterSequence, pgCreateSequence, pgCreateView, pgRecreateEnum, pgDropView } from "./postgresql-ddl-objects.js";

/**
 * PostgreSQL DDL. Everything runs inside the migration's transaction except
 * `CREATE/DROP INDEX CONCURRENTLY` (`transactional: false`).
 *
 * `ALTER TYPE ... ADD VALUE` runs in a transaction (PostgreSQL 12+), but the
 * new value cannot be *used* (in a default, an UPDATE, a check) until that
 * transaction commits: put such uses in a later migration.
 */
export const postgresqlDdl: DdlCompiler = {
  boundary: { beforeBegin: [], beforeCommit: [], afterEnd: [] },
  compile: (op, context) => dispatchDdl("postgresql", handlers(writer(context)), op, context),
};

function writer(context: DdlContext): DdlWriter {
  return new DdlWriter(context.dialect, "postgresql", (n) => `$${n}`);
}


function handlers(w: DdlWriter): DdlHandlers {
  const table = (op: { schema?: string; tableName: string }) => w.name(op.schema, op.tableName);
  const alterTable = (op: { schema?: string; tableName: string }, clause: string): Statement[] => [
    { sql: `ALTER TABLE ${table(op)} ${clause}` },
  ];
  const fk = { qualifyTarget: true, deferrable: true };
  return {
    CreateTableOp: (op) => pgCreateTable(w, op.table),
    // A partition is detached first: the foreign keys to its parent hold a copy on it that DROP TABLE would refuse to break.
    DropTableOp: (op) => {
      const parent = op.table?.options.partitionOf;
      const detach = parent !== undefined ? [{ sql: `ALTER TABLE ${pgTableKey(w, parent)} DETACH PARTITION ${table(op)}` }] : [];
      return [...detach, { sql: `DROP TABLE ${table(op)}` }];
    },
    RenameTableOp: (op) => [{ sql: `ALTER TABLE ${w.name(op.schema, op.oldTableName)} RENAME TO ${w.q(op.newTableName)}` }],
    AddColumnOp: (op) => [
      ...alterTable(op, `ADD COLUMN ${pgColumnDefinition(w, op.column)}`),
      ...(op.column.comment === undefined ? [] : [columnComment(w, table(op), op.column.name, op.column.comment)]),
      ...setStorage(w, table(op), op.column),
    ],
    DropColumnOp: (op) => alterTable(op, `DROP COLUMN ${w.q(op.columnName)}`),
    AlterColumnOp: async (op, context) => [...(await dataChecks(w, op, context)), ...pgAlterColumn(w, op)],
    CreateIndexOp: async (op, context) => [...(await dataChecks(w, op, context)), pgCreateIndex(w, op.schema, op.tableName, op.index, op.concurrently === true)],
    DropIndexOp: (op) => {
      const sql = `DROP INDEX ${op.concurrently === true ? "CONCURRENTLY " : ""}${w.name(op.schema, op.indexName)}`;
      return [op.concurrently === true ? { sql, transactional: false } : { sql }];
    },
    CreatePrimaryKeyOp: async (op, context) => [...(await dataChecks(w, op, context)), ...alterTable(op, `ADD ${w.primaryKey(op.constraint)}`)],
    CreateForeignKeyOp: async (op, context) => [
      ...(await dataChecks(w, op, context)),
      ...alterTable(op, `ADD ${w.foreignKey(op.constraint, fk)}${op.constraint.notValid ? " NOT VALID" : ""}`),
    ],
    CreateUniqueConstraintOp: async (op, context) => [...(await dataChecks(w, op, context)), ...alterTable(op, `ADD ${w.unique(op.constraint)}`)],
    CreateCheckConstraintOp: (op) => alterTable(op, `ADD ${w.check(op.constraint)}${op.constraint.notValid ? " NOT VALID" : ""}`),
    ValidateConstraintOp: async (op, context) => [...(await dataChecks(w, op, context)), ...alterTable(op, `VALIDATE CONSTRAINT ${w.q(op.constraintName)}`)],
    AlgorithmOp: () => {
      throw new UnsupportedDdlError("postgresql", "run ALGORITHM= clauses (they are MySQL's; use the concurrentIndexes and notValidConstraints rewriters)");
    },
    DropConstraintOp: (op) => {
      if (op.constraintName === undefined) throw new DdlStateError(`dropping a constraint of "${op.tableName}" on PostgreSQL needs its name`);
      return alterTable(op, `DROP CONSTRAINT ${w.q(op.constraintName)}`);
    },
    CreateTableCommentOp: (op) => [{ sql: `COMMENT ON TABLE ${table(op)} IS ${w.string(op.comment)}` }],
    DropTableCommentOp: (op) => [{ sql: `COMMENT ON TABLE ${table(op)} IS NULL` }],
    AlterTableOptionsOp: (op) => pgAlterTableOptions(w, op),
    ExecuteSQLOp: (op) => [{ sql: op.sql }],
    BulkInsertOp: (op, context) => w.insertRows(table(op), op.rows, context.inlineValues === true),
    BatchAlterTableOp: (op, context) => compileEach(postgresqlDdl.compile, op.ops, context),
    ModifyTableOps: (op, context) => compileEach(postgresqlDdl.compile, op.ops, context),
    // No CASCADE: a schema that still holds objects must fail to drop, not take them with it.
    CreateSchemaOp: (op) => [{ sql: `CREATE SCHEMA ${w.q(op.schemaName)}` }],
    CreateSchemaCommentOp: (op) => [{ sql: `COMMENT ON SCHEMA ${w.q(op.schemaName)} IS ${w.string(op.comment)}` }],
    DropSchemaCommentOp: (op) => [{ sql: `COMMENT ON SCHEMA ${w.q(op.schemaName)} IS NULL` }],
    DropSchemaOp: (op) => [{ sql: `DROP SCHEMA ${w.q(op.schemaName)}` }],
    CreateEnumOp: (op) => [
      { sql: `CREATE TYPE ${w.name(op.enum.schema, op.enum.name)} AS ENUM (${op.enum.values.map((v) => w.string(v)).join(", ")})` },
    ],
    DropEnumOp: (op) => [{ sql: `DROP TYPE ${w.name(op.schema, op.enumName)}` }],
    AddEnumValueOp: (op) => {
      const position =
        op.before !== undefined ? ` BEFORE ${w.string(op.before)}` : op.after !== undefined ? ` AFTER ${w.string(op.after)}` : "";
      return [{ sql: `ALTER TYPE ${w.name(op.schema, op.enumName)} ADD VALUE IF NOT EXISTS ${w.string(op.value)}${position}`, commitsFirst: true }];
    },
    DropEnumValueOp: (op, context) => pgRecreateEnum(w, op, context, (values) => values.filter((v) => v !== op.value)),
    ReorderEnumValuesOp: (op, context) => pgRecreateEnum(w, op, context, (values) => reordered(op, values)),
    CreateSequenceOp: (op) => pgCreateSequence(w, op.sequence),
    DropSequenceOp: (op) => [{ sql: `DROP SEQUENCE ${w.name(op.schema, op.sequenceName)}` }],
    AlterSequenceOp: (op) => pgAlterSequence(w, op.from, op.to),
    // No CASCADE: an extension something still uses must fail to drop.
    CreateExtensionOp: (op) => pgCreateExtension(w, op.extension),
    DropExtensionOp: (op) => [{ sql: `DROP EXTENSION ${w.q(op.extensionName)}` }],
    AlterExtensionOp: (op) => pgAlterExtension(w, op.from, op.to),
    CreateDomainOp: (op) => pgCreateDomain(w, op.domain),
    DropDomainOp: (op) => [{ sql: `DROP DOMAIN ${w.name(op.schema, op.domainName)}` }],
    AlterDomainOp: (op) => pgAlterDomain(w, op.from, op.to),
    CreateCompositeTypeOp: (op) => [pgCreateCompositeType(w, op.compositeType)],
    DropCompositeTypeOp: (op) => [{ sql: `DROP TYPE ${w.name(op.schema, op.typeName)}` }],
    AlterCompositeTypeOp: (op) => pgAlterCompositeType(w, op.from, op.to),
    CreateViewOp: (op) => pgCreateView(w, op.view),
    DropViewOp: (op) => [pgDropView(w, op.schema, op.viewName, op.view?.materialized === true)],
    // Dropped and created: CREATE OR REPLACE VIEW can only append columns, and a materialized view has no OR REPLACE.
    // Autogenerate drops the views that read this one first and creates them after (wrapDependentViews).
    ReplaceViewOp: (op) => [
      pgDropView(w, op.schema, op.viewName, op.existing?.materialized ?? op.view.materialized),
      ...pgCreateView(w, op.view),
    ],
    CreateFunctionOp: (op) => pgCreateFunction(w, op.routine, false),
    DropFunctionOp: (op) => [pgDropFunction(w, op.schema, op.functionName, op.arguments ?? op.routine?.arguments ?? "", op.kind ?? op.routine?.kind ?? "function")],
    // OR REPLACE keeps what depends on the routine (triggers, views, defaults) and its grants; its comment is written again.
    ReplaceFunctionOp: (op) => {
      const statements = pgCreateFunction(w, op.routine, true);
      if (op.existing?.comment !== undefined && op.routine.comment === undefined) {
        const { schema, name, arguments: args, kind } = op.routine;
        const dropped = pgDropFunction(w, schema, name, args, kind).sql.replace(/^DROP (\w+) /, "COMMENT ON $1 ");
        statements.push({ sql: `${dropped} IS NULL` });
      }
      return statements;
    },
    CreateTriggerOp: (op) => pgCreateTrigger(w, op.trigger),
    DropTriggerOp: (op) => [pgDropTrigger(w, op.schema, op.tableName, op.triggerName)],
    ReplaceTriggerOp: (op) => [pgDropTrigger(w, op.schema, op.tableName, op.triggerName), ...pgCreateTrigger(w, op.trigger)],
    CreatePolicyOp: (op) => pgCreatePolicy(w, op.policy),
    DropPolicyOp: (op) => [pgDropPolicy(w, { schema: op.schema, table: op.tableName, name: op.policyName })],
    AlterPolicyOp: (op) => pgAlterPolicy(w, op.existing, op.policy),
  };
}

/** The op's order, once the enum is known to hold exactly those values. */
function reordered(op: ReorderEnumValuesOp, values: readonly string[]): readonly string[] {
  const same = values.length === op.values.length && op.values.every((v) => values.includes(v));
  if (!same) throw new DdlStateError(`enum "${op.enumName}" holds ${values.join(", ")}, not the values being reordered (${op.values.join(", ")})`);
  return op.values;
}
