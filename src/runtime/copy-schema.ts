/**
 * Gives an empty database the schema another database of the same dialect
 * has, through strata's own pipeline: the source is reflected, compared with
 * the empty target, and the ops that bring the target there are run on it.
 * Rows are not copied. This is how verification starts from the state a real
 * database is in without touching it (it is only read).
 */
import { createComparators, MigrationContext, produceMigrations, type AutogenOptions } from "../compare/index.js";
import type { MetaData } from "../model/index.js";
import { CreateSchemaOp } from "../ops/index.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { executeStatement } from "./execute-statement.js";
import { liveDdlContext } from "./live-ddl-context.js";
import { StatementFailedError } from "./migration-errors.js";
import { executingOperations } from "./op-executor.js";

export async function copySchema(from: DatabaseConnection, to: DatabaseConnection, options: CopyOptions): Promise<void> {
  const reflect = { includeSchemas: options.includeSchemas, includeName: options.includeName, versionTable: options.versionTable };
  const model = await from.dialect.reflect(from, reflect);
  const operations = executingOperations(to.dialect, liveDdlContext(to), async (statement) => {
    try {
      await executeStatement(to, statement);
    } catch (error) {
      throw new StatementFailedError(statement, error);
    }
  });
  // Empty schemas have no object to be compared by: they are created first.
  const present = listedSchemas(await to.dialect.reflect(to, reflect));
  for (const schema of listedSchemas(model)) {
    if (schema !== to.dialect.defaultSchema && !present.includes(schema)) await operations.invoke(new CreateSchemaOp(schema));
  }
  // The built-in comparators only: a plugin's comparator describes the user's schema, not this copy.
  const context = MigrationContext.configure({ connection: to, opts: { ...reflect, comparators: createComparators() } });
  const ops = (await produceMigrations(context, model)).upgradeOps;
  for (const op of ops.ops) await operations.invoke(op);
}

export interface CopyOptions {
  /** The schemas to copy besides the default one, as autogenerate compares them (see includedSchemas). */
  readonly includeSchemas?: boolean | readonly string[];
  readonly includeName?: AutogenOptions["includeName"];
  readonly versionTable?: string;
}

function listedSchemas(model: MetaData): string[] {
  const listed = model.info.schemaNames;
  return Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
}
