import { applyToTable } from "../dialects/ddl/apply-to-table.js";
import type { DdlContext, Statement } from "../dialects/ddl-compiler.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { tableKey, type Table } from "../model/index.js";
import { executeStatement } from "./execute-statement.js";
import {
  AlterSequenceOp,
  BatchAlterTableOp,
  CreateEnumOp,
  CreateSequenceOp,
  CreateTableOp,
  CreateViewOp,
  DropEnumOp,
  DropSequenceOp,
  DropTableOp,
  DropViewOp,
  ModifyTableOps,
  Operations,
  RenameTableOp,
  ReplaceViewOp,
  type MigrateOperation,
  type OpClass,
} from "../ops/index.js";

/** An op of a migration cannot run; found before any of the migration's statements did. */
export class MigrationInvalidError extends Error {
  override readonly name = "MigrationInvalidError";
}

/**
 * Where DDL commits as it runs (MySQL), a migration whose fourth statement
 * cannot even be written would leave three applied. So before its first
 * statement, every op is compiled against the database as the ops before it
 * would leave it: the live tables, reflected once, with each op applied to
 * the model (applyToTable). The first op that cannot compile fails the
 * migration while nothing has changed, and so does a data check (a value
 * that does not fit a narrower type) of an op on a table no op before it
 * touched, whose rows are therefore the rows it will see.
 *
 * Validation stops, without failing, where the model cannot follow: after an
 * op with an implementation of its own or raw SQL, after an op whose
 * compiling read the live catalog (which earlier ops would have changed),
 * and after an op the model cannot apply. What follows runs as before,
 * compiled against the live database op by op.
 */
export async function validateMigration(connection: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<void> {
  const dialect = connection.dialect;
  const reflected = await dialect.reflect(connection);
  const tables = new Map<string, Table>(reflected.tables);
  let readLive = false;
  const context: DdlContext = {
    dialect,
    currentTable: async (schema, name) => tables.get(keyOf(schema, name, dialect.defaultSchema)),
    query: (sql, params) => {
      readLive = true;
      return connection.query(sql, params);
    },
  };
  const touched = new Set<string>();
  for (const [i, op] of ops.entries()) {
    if (Operations.implementations.find(op.constructor as OpClass, dialect.name)) break;
    const where = `op ${i + 1} of ${ops.length} (${op.constructor.name})`;
    readLive = false;
    let statements: Statement[];
    try {
      statements = await dialect.ddl.compile(op, context);
    } catch (error) {
      if (readLive) break;
      throw new MigrationInvalidError(`${where} cannot run: ${(error as Error).message}`);
    }
    const table = tableOf(op, dialect.defaultSchema);
    if (table !== undefined && !touched.has(table)) {
      for (const check of statements.filter((s) => s.expectNoRows !== undefined)) {
        try {
          await executeStatement(connection, check);
        } catch (error) {
          throw new MigrationInvalidError(`${where} cannot run: ${(error as Error).message}`);
        }
      }
    }
    if (table !== undefined) touched.add(table);
    if (readLive || !advance(tables, op, dialect.defaultSchema)) break;
  }
}

/** The key of the one table an op changes, if it changes one. */
function tableOf(op: MigrateOperation, defaultSchema: string | undefined): string | undefined {
  const { schema, tableName } = op as MigrateOperation & { schema?: string; tableName?: string };
  return typeof tableName === "string" ? keyOf(schema, tableName, defaultSchema) : undefined;
}

function keyOf(schema: string | undefined, name: string, defaultSchema: string | undefined): string {
  return tableKey({ name, ...(schema !== undefined && schema !== defaultSchema ? { schema } : {}) });
}

/** The tables after `op`; false when the model cannot follow it. */
function advance(tables: Map<string, Table>, op: MigrateOperation, defaultSchema: string | undefined): boolean {
  try {
    if (op instanceof CreateTableOp) tables.set(keyOf(op.table.schema, op.table.name, defaultSchema), op.table);
    else if (op instanceof DropTableOp) tables.delete(keyOf(op.schema, op.tableName, defaultSchema));
    else if (op instanceof RenameTableOp) {
      const table = tables.get(keyOf(op.schema, op.oldTableName, defaultSchema));
      if (!table) return false;
      tables.delete(keyOf(op.schema, op.oldTableName, defaultSchema));
      tables.set(keyOf(op.schema, op.newTableName, defaultSchema), table.with({ name: op.newTableName }));
    } else if (op instanceof ModifyTableOps || op instanceof BatchAlterTableOp) {
      return op.ops.every((inner) => advance(tables, inner, defaultSchema));
    } else if (UNRELATED_TO_TABLES.some((cls) => op instanceof cls)) {
      return true;
    } else {
      const { schema, tableName } = op as MigrateOperation & { schema?: string; tableName?: string };
      if (tableName === undefined) return false;
      const key = keyOf(schema, tableName, defaultSchema);
      const table = tables.get(key);
      if (!table) return false;
      tables.set(key, applyToTable(table, op));
    }
    return true;
  } catch {
    return false;
  }
}

/** Ops that leave every table as it is (enum value changes do not: MySQL enums live on columns). */
const UNRELATED_TO_TABLES = [CreateViewOp, DropViewOp, ReplaceViewOp, CreateSequenceOp, DropSequenceOp, AlterSequenceOp, CreateEnumOp, DropEnumOp];
