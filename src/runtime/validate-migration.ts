import type { DdlContext, Statement } from "../dialects/ddl-compiler.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { tableKey } from "../model/index.js";
import { executeStatement } from "./execute-statement.js";
import { Operations, type MigrateOperation, type OpClass } from "../ops/index.js";
import { SchemaState } from "./schema-state.js";

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
  const state = new SchemaState(dialect, reflected.tables.values());
  let readLive = false;
  const context: DdlContext = {
    dialect,
    currentTable: async (schema, name) => state.table(schema, name),
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
    if (readLive || !state.apply(op)) break;
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
