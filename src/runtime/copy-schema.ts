/**
 * Gives an empty database the schema another database of the same dialect
 * has, through strata's own pipeline: the source is reflected, compared with
 * the empty target, and the ops that bring the target there are run on it.
 * Rows are not copied. This is how verification starts from the state a real
 * database is in without touching it (it is only read).
 */
import { MigrationContext, produceMigrations, type AutogenOptions } from "../compare/index.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { executeStatement } from "./execute-statement.js";
import { liveDdlContext } from "./live-ddl-context.js";
import { StatementFailedError } from "./migration-errors.js";
import { executingOperations } from "./op-executor.js";

export async function copySchema(from: DatabaseConnection, to: DatabaseConnection, options: AutogenOptions): Promise<void> {
  const model = await from.dialect.reflect(from, {
    includeSchemas: options.includeSchemas,
    includeName: options.includeName,
    versionTable: options.versionTable,
  });
  const context = MigrationContext.configure({ connection: to, opts: options });
  const ops = (await produceMigrations(context, model)).upgradeOps;
  const operations = executingOperations(to.dialect, liveDdlContext(to), async (statement) => {
    try {
      await executeStatement(to, statement);
    } catch (error) {
      throw new StatementFailedError(statement, error);
    }
  });
  for (const op of ops.ops) await operations.invoke(op);
}
