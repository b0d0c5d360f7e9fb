import type { Dialect } from "../dialects/dialect.js";
import { resolveTarget, type LoadedMigration, type RevisionGraph } from "../revisions/index.js";
import { DdlStateError } from "../dialects/ddl/ddl-errors.js";
import { fileChecksum, migrationFunction, shownPath } from "./migration-file.js";
import { planMigrations, PlanError, stampedState, stateAfter, type Direction } from "./migration-plan.js";
import { dataLosses } from "../ops/data-losses.js";
import { collectOps, executingOperations } from "./op-executor.js";
import type { Statement } from "../dialects/ddl-compiler.js";
import { SchemaState } from "./schema-state.js";
import { stepTitle } from "./step-title.js";
import type { VersionTable } from "./version-table.js";

export interface ScriptOptions {
  readonly dialect: Dialect;
  readonly graph: RevisionGraph<LoadedMigration>;
  readonly versionTable: VersionTable;
  readonly database: string;
  readonly cwd: string;
  /** The timestamp written into version rows (fixed in tests). */
  readonly now?: string;
}

/**
 * The SQL `upgrade`/`downgrade` would run, version-table statements
 * included, written without a database (`--sql`). `range` is `TARGET` or
 * `START:TARGET`; without a start, an upgrade starts from base and a
 * downgrade must say where the database is. What ops need to know about the
 * database (the table a SQLite rebuild re-creates, the columns of a
 * PostgreSQL enum that loses a value) comes from the schema the migrations
 * below build, followed on the model; after an op the model cannot follow
 * (raw SQL, a plugin op), such ops fail with a message that says so.
 */
export async function sqlScript(options: ScriptOptions, direction: Direction, range: string): Promise<string> {
  const { dialect, graph, versionTable } = options;
  const [start, target] = range.includes(":") ? range.split(":", 2) : [undefined, range];
  if (start === undefined && direction === "downgrade") {
    throw new PlanError(
      `downgrade --sql needs to know where the database is: write START:${range} (e.g. head:${range})`,
    );
  }
  const startIds = start === undefined || start === "" ? [] : resolveTarget(graph, start);
  let state = stampedState(graph, startIds, fileChecksum);
  // The schema at the start, from the migrations themselves: what rebuilds and enum value drops are written from.
  const schema = new SchemaState(dialect);
  for (const migration of graph.upgradePath([], startIds)) {
    for (const op of await collectOps(migrationFunction(migration, options.database, "upgrade", options.cwd), dialect)) schema.apply(op);
  }
  const now = options.now ?? new Date().toISOString();
  const lines = [
    `-- strata ${direction} ${start ?? "base"}:${target} on ${dialect.name}, written offline by \`--sql\``,
  ];
  const emit = (statement: Statement) => {
    if (statement.params?.length) {
      throw new PlanError(`\`${statement.sql}\` takes parameters, which a --sql script cannot carry`);
    }
    // Offline nothing can fail a check, so the script says what its rows would mean.
    if (statement.expectNoRows) lines.push(`-- must return no rows, else: ${statement.expectNoRows}`);
    lines.push(/;\s*$/.test(statement.sql) ? statement.sql : `${statement.sql};`);
  };
  if (state.size === 0) emit(versionTable.createStatement());

  for (const step of planMigrations(graph, state, direction, target, versionTable.name)) {
    const file = shownPath(step.migration, options.cwd);
    const ops = await collectOps(
      migrationFunction(step.migration, options.database, step.direction, options.cwd),
      dialect,
    );
    const atomic = dialect.capabilities.transactionalDdl && step.migration.transactional;
    lines.push("", `-- ${stepTitle(step)} (${file})`);
    for (const loss of dataLosses(ops)) lines.push(`-- warning: loses data: ${loss}`);
    const boundary = dialect.ddl.boundary;
    if (atomic) [...boundary.beforeBegin, { sql: "BEGIN" }].forEach(emit);
    const operations = executingOperations(dialect, schema.context({ inlineValues: true }), async (statement) => {
      if (atomic && statement.commitsFirst) [{ sql: "COMMIT" }, statement, { sql: "BEGIN" }].forEach(emit);
      else emit(statement);
    });
    try {
      for (const op of ops) {
        await operations.invoke(op);
        schema.apply(op);
      }
    } catch (error) {
      if (error instanceof DdlStateError) {
        throw new PlanError(
          `${file} cannot be written as SQL without a database: ${error.message}; run it online instead`,
        );
      }
      throw error;
    }
    const after = stateAfter(graph, state, step, step.direction === "upgrade" ? fileChecksum(step.migration) : "");
    for (const statement of versionTable.changeStatements(state, after, now)) emit(statement);
    if (atomic) [...boundary.beforeCommit, { sql: "COMMIT" }, ...boundary.afterEnd].forEach(emit);
    state = after;
  }
  return `${lines.join("\n")}\n`;
}
