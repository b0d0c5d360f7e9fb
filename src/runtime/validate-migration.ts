import { applyToTable } from "../dialects/ddl/apply-to-table.js";
import type { DdlContext, Statement } from "../dialects/ddl-compiler.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { tableKey, type Table } from "../model/index.js";
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
 * migration while nothing has changed. Returns the statements every op
 * compiled to, in order (the data checks among them can run up front).
 *
 * Validation stops, without failing, where the model cannot follow: after an
 * op with an implementation of its own or raw SQL, after an op whose
 * compiling read the live catalog (which earlier ops would have changed),
 * and after an op the model cannot apply. What follows runs as before,
 * compiled against the live database op by op.
 */
export async function validateMigration(connection: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<Statement[]> {
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
  const compiled: Statement[] = [];
  for (const [i, op] of ops.entries()) {
    if (Operations.implementations.find(op.constructor as OpClass, dialect.name)) break;
    readLive = false;
    try {
      compiled.push(...(await dialect.ddl.compile(op, context)));
    } catch (error) {
      if (readLive) break;
      throw new MigrationInvalidError(`op ${i + 1} of ${ops.length} (${op.constructor.name}) cannot run: ${(error as Error).message}`);
    }
    if (readLive || !advance(tables, op, dialect.defaultSchema)) break;
  }
  return compiled;
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
