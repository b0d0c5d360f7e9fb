import { liveDdlContext } from "./live-ddl-context.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import type { MigrateOperation } from "../ops/index.js";
import type { LoadedMigration, RevisionGraph } from "../revisions/index.js";
import { MigrationFailedError, NonTransactionalStatementError, StatementFailedError } from "./migration-errors.js";
import { fileChecksum, migrationFunction, shownPath } from "./migration-file.js";
import {
  planMigrations,
  PlanError,
  stateAfter,
  stepIsPending,
  type Direction,
  type MigrationStep,
  type Target,
} from "./migration-plan.js";
import { dataLosses } from "../ops/data-losses.js";
import { lintMigrations, liveTarget } from "../lint/lint-migrations.js";
import { collectOps, executingOperations } from "./op-executor.js";
import { runtimeSupportFor } from "./runtime-support.js";
import type { Statement } from "../dialects/ddl-compiler.js";
import { DdlCheckFailedError, executeStatement } from "./execute-statement.js";
import { stepTitle } from "./step-title.js";
import { MigrationInvalidError, validateMigration } from "./validate-migration.js";
import type { VersionTable } from "./version-table.js";
import { headsOf, type VersionState } from "./version-state.js";
import { checkVersionState } from "./version-table-check.js";

export interface RunOptions {
  readonly connection: DatabaseConnection;
  readonly graph: RevisionGraph<LoadedMigration>;
  readonly versionTable: VersionTable;
  /** Which of a migration's upgrade/downgrade pairs runs here (`default` for single-database projects). */
  readonly database: string;
  /** The project folder, for the paths messages show. */
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly warn: (line: string) => void;
  /** Runs each statement of the migrations (see StatementHook). */
  readonly onStatement?: StatementHook;
  /** Aborted (Ctrl-C): no further statement starts, and the migration running fails as a statement failure would. */
  readonly signal?: AbortSignal;
  /** Hears what is being done, as it changes (which migration, which operation); for a progress line. */
  readonly progress?: (text: string) => void;
}

/**
 * Runs each statement of a migration in place of the runner: it must call
 * `run` once (which throws what the statement throws), and may look before
 * and after at what the statement does (the locks it takes, the rows it
 * touches), on the migration's connection and, when `inTransaction`, inside
 * the migration's transaction, where what it locked stays locked until the
 * migration commits.
 */
export type StatementHook = (
  event: {
    readonly statement: Statement;
    readonly connection: DatabaseConnection;
    readonly step: MigrationStep;
    /** The migration's operation the statement belongs to. */
    readonly op: MigrateOperation;
    readonly inTransaction: boolean;
  },
  run: () => Promise<void>,
) => Promise<void>;

interface PreparedStep extends MigrationStep {
  readonly ops: readonly MigrateOperation[];
  readonly transactional: boolean;
  readonly file: string;
}

/**
 * Moves a live database to `target`, holding the migration lock so that two
 * processes apply each migration once. The state is read after the lock is
 * taken and again before each migration (on SQLite the lock is the
 * migration's own write transaction). Returns how many migrations ran.
 *
 * Where DDL is transactional (PostgreSQL, SQLite) each migration and its
 * version-table change commit together or not at all. Elsewhere (MySQL), and
 * in migrations marked `transactional = false`, a failure leaves the earlier
 * statements of that migration in place, and the error says so.
 */
export async function runMigrations(options: RunOptions, direction: Direction, target: Target): Promise<number> {
  const { connection, versionTable, out } = options;
  const support = runtimeSupportFor(connection.dialect);
  await support.acquireLock(connection, versionTable.name, () =>
    out("another strata process is migrating this database; waiting for it to finish"),
  );
  try {
    const state = await versionTable.read(connection);
    checkVersionState(options.graph, state, versionTable.name);
    verifyChecksums(options, state);
    const plan = planMigrations(options.graph, state, direction, target, versionTable.name);
    options.progress?.(`reading ${plan.length} migration${plan.length === 1 ? "" : "s"}`);
    const steps = await prepare(options, plan);
    if (steps.length === 0) {
      out(`nothing to do: the database is at ${headsOf(state).join(", ") || "base"}`);
      return 0;
    }
    for (const step of steps) {
      for (const loss of dataLosses(step.ops))
        options.warn(`warning: ${step.migration.revision} (${step.file}) loses data: ${loss}`);
    }
    if (direction === "upgrade") await listHazards(options, steps);
    let ran = 0;
    for (const step of steps) {
      if (options.signal?.aborted) throw await interruptedBefore(options, step, ran, steps.length);
      if (await runStep(options, step)) ran++;
    }
    if (ran < steps.length)
      out(`${steps.length - ran} of ${steps.length} migrations had been run by another process meanwhile`);
    return ran;
  } finally {
    await support.releaseLock(connection, versionTable.name);
  }
}

/** Stopped between migrations: says how far the run got and where the database is. */
async function interruptedBefore(options: RunOptions, step: PreparedStep, ran: number, of: number): Promise<Error> {
  const heads = headsOf(await options.versionTable.read(options.connection)).join(", ") || "base";
  return new MigrationFailedError(
    `stopped before ${step.direction} ${step.migration.revision} (${step.file}) started; ` +
      `${ran} of ${of} migrations ran, and the database is at ${heads}`,
  );
}

/**
 * Fails, naming every file, when an applied migration's file changed since
 * it was applied, going either way: an edited downgrade no longer undoes
 * what ran, and an edited upgrade no longer describes the database.
 */
function verifyChecksums(options: RunOptions, state: VersionState): void {
  const edited = [...state.values()]
    .filter((applied) => options.graph.has(applied.revision))
    .map((applied) => ({ applied, migration: options.graph.get(applied.revision) }))
    .filter(({ applied, migration }) => fileChecksum(migration) !== applied.checksum)
    .map(({ migration }) => `${shownPath(migration, options.cwd)} (revision ${migration.revision})`);
  if (edited.length) {
    const heads = headsOf(state);
    throw new PlanError(
      `${edited.join(", ")} ${edited.length > 1 ? "were" : "was"} edited after being applied to this database; nothing was run. ` +
        "Undo the edit and put the change in a new migration (`strata revision`), or, when the edit is intended and the " +
        `database already matches it, accept it with \`strata stamp ${heads.join(" ")}\` (records the files' checksums as they are now)`,
    );
  }
}

/** Collects every step's ops up front, so data-loss warnings come before anything runs. */
async function prepare(options: RunOptions, steps: readonly MigrationStep[]): Promise<PreparedStep[]> {
  const dialect = options.connection.dialect;
  const prepared: PreparedStep[] = [];
  for (const step of steps) {
    const fn = migrationFunction(step.migration, options.database, step.direction, options.cwd);
    const file = shownPath(step.migration, options.cwd);
    let ops: MigrateOperation[];
    try {
      ops = await collectOps(fn, dialect);
    } catch (error) {
      throw new MigrationFailedError(
        `${file}: ${step.direction} failed before anything ran: ${(error as Error).message}`,
      );
    }
    prepared.push({ ...step, ops, file, transactional: step.migration.transactional });
  }
  return prepared;
}

/** Says, before anything runs, what each migration does to the live database that no marker acknowledges and that is not brief (`strata lint`). */
async function listHazards(options: RunOptions, steps: readonly PreparedStep[]): Promise<void> {
  const toLint = steps.map((step) => ({
    revision: step.migration.revision,
    path: step.migration.path,
    file: step.file,
    run: migrationFunction(step.migration, options.database, step.direction, options.cwd),
  }));
  for (const migration of await lintMigrations(toLint, await liveTarget(options.connection))) {
    for (const finding of migration.findings) {
      const where = `${migration.file}${finding.line === undefined ? "" : `:${finding.line}`}`;
      for (const hazard of finding.hazards.filter((h) => !h.acknowledged && h.severity !== "low"))
        options.warn(`hazard: ${migration.revision} (${where}) ${hazard.code} (${hazard.severity}): ${hazard.message}`);
    }
  }
}

/** Runs one migration; false when another process had already run it. */
async function runStep(options: RunOptions, step: PreparedStep): Promise<boolean> {
  const { connection } = options;
  const atomic = connection.dialect.capabilities.transactionalDdl && step.transactional;
  return atomic ? runInTransaction(options, step) : runWithoutTransaction(options, step);
}

async function runInTransaction(options: RunOptions, step: PreparedStep): Promise<boolean> {
  const { connection, versionTable, graph } = options;
  const support = runtimeSupportFor(connection.dialect);
  const boundary = connection.dialect.ddl.boundary;
  for (const statement of boundary.beforeBegin) await runStatement(connection, statement);
  try {
    await connection.execute(support.beginStatement);
    const ran = { statements: 0, committed: 0 };
    let state: VersionState = new Map();
    try {
      // Created inside the first migration's transaction: a failure leaves no table behind either.
      if (!(await versionTable.exists(connection))) await connection.execute(versionTable.createStatement().sql);
      state = await versionTable.read(connection);
      if (!stepIsPending(graph, state, step)) {
        await connection.execute("ROLLBACK");
        return false;
      }
      options.out(stepTitle(step));
      await executeOps(options, step, true, ran);
      const after = stateAfter(graph, state, step, step.direction === "upgrade" ? fileChecksum(step.migration) : "");
      for (const s of versionTable.changeStatements(state, after, new Date().toISOString()))
        await connection.execute(s.sql);
      await connection.execute("COMMIT");
      return true;
    } catch (error) {
      await connection.execute("ROLLBACK").catch(() => {});
      if (error instanceof PlanError) throw error;
      const failed = `${step.direction} ${step.migration.revision} (${step.file})`;
      if (ran.committed === 0) {
        throw new MigrationFailedError(
          `${failed} failed and was rolled back; the database and the version table are as they were before it.\n${(error as Error).message}`,
        );
      }
      // A statement that cannot run in a transaction (PostgreSQL's ALTER TYPE ... ADD VALUE) committed what ran up to it.
      const stays = ran.committed === 1 ? "that statement stays" : `those ${ran.committed} statements stay`;
      throw new MigrationFailedError(
        `${failed} failed after ${ran.committed} of its statements had committed (a statement that commits on its own ` +
          `commits the ones before it), so ${stays} applied; the statements after ${ran.committed === 1 ? "it" : "them"} were rolled back. ` +
          `The version table still says ${headsOf(state).join(", ") || "base"} (the last migration that completed). ` +
          `Undo or finish the partial change by hand before running strata again.\n${(error as Error).message}`,
      );
    }
  } finally {
    for (const statement of boundary.afterEnd) await runStatement(connection, statement);
  }
}

async function runWithoutTransaction(options: RunOptions, step: PreparedStep): Promise<boolean> {
  const { connection, versionTable, graph } = options;
  if (!(await versionTable.exists(connection))) await connection.execute(versionTable.createStatement().sql);
  const state = await versionTable.read(connection);
  if (!stepIsPending(graph, state, step)) return false;
  try {
    await validateMigration(connection, step.ops);
  } catch (error) {
    if (!(error instanceof MigrationInvalidError)) throw error;
    throw new MigrationFailedError(
      `${step.direction} ${step.migration.revision} (${step.file}) failed before anything ran; ` +
        `the database and the version table are as they were.\n${error.message}`,
    );
  }
  options.out(stepTitle(step));
  const ran = { statements: 0, committed: 0 };
  try {
    await executeOps(options, step, false, ran);
  } catch (error) {
    const done = ran.statements;
    const why = connection.dialect.capabilities.transactionalDdl
      ? "it is marked `transactional = false`"
      : `${connection.dialect.name} commits each DDL statement as it runs`;
    const where = `The version table still says ${headsOf(state).join(", ") || "base"} (the last migration that completed).`;
    const failed = `${step.direction} ${step.migration.revision} (${step.file})`;
    throw new MigrationFailedError(
      done === 0
        ? `${failed} failed at its first statement, so nothing of it was applied. ${where}\n${(error as Error).message}`
        : `${failed} failed after ${done} of its statements ran; ${why}, so ` +
            `${done === 1 ? "that statement stays" : `those ${done} statements stay`} applied and ${done === 1 ? "was" : "were"} not rolled back. ` +
            `${where} Undo or finish the partial change by hand before running strata again.\n${(error as Error).message}`,
    );
  }
  const after = stateAfter(graph, state, step, step.direction === "upgrade" ? fileChecksum(step.migration) : "");
  await connection.execute("BEGIN");
  for (const s of versionTable.changeStatements(state, after, new Date().toISOString()))
    await connection.execute(s.sql);
  await connection.execute("COMMIT");
  return true;
}

/** How far a migration got: statements run, and how many of them committed already (inside a transaction, those up to one that commits first). */
interface Ran {
  statements: number;
  committed: number;
}

/** Replays the collected ops through the executing Operations, statement by statement, counting in `ran`. */
async function executeOps(options: RunOptions, step: PreparedStep, inTransaction: boolean, ran: Ran): Promise<void> {
  const { connection } = options;
  const context = liveDdlContext(connection);
  const begin = runtimeSupportFor(connection.dialect).beginStatement;
  let operation = 0;
  const report = () =>
    options.progress?.(
      `${step.direction} ${step.migration.revision} (${step.file}): operation ${operation} of ${step.ops.length}, ` +
        `${ran.statements} statement${ran.statements === 1 ? "" : "s"} run`,
    );
  const operations = executingOperations(connection.dialect, context, async (statement) => {
    options.signal?.throwIfAborted();
    if (inTransaction && statement.transactional === false)
      throw new NonTransactionalStatementError(statement, step.file);
    const commitsFirst = inTransaction && statement.commitsFirst === true;
    const run = () => runStatement(connection, statement);
    const hook = options.onStatement;
    const op = step.ops[operation - 1]!;
    const observed = hook ? () => hook({ statement, connection, step, op, inTransaction: inTransaction && !commitsFirst }, run) : run;
    if (commitsFirst) {
      // What ran so far commits; the statement commits on its own; the rest gets a new transaction.
      await connection.execute("COMMIT");
      await observed();
      ran.committed = ran.statements + 1;
      await connection.execute(begin);
    } else await observed();
    ran.statements++;
    report();
  });
  for (const op of step.ops) {
    operation++;
    report();
    await operations.invoke(op);
  }
}

async function runStatement(connection: DatabaseConnection, statement: Statement): Promise<void> {
  try {
    await executeStatement(connection, statement);
  } catch (error) {
    // A failed check says what is wrong itself; a failed statement needs its SQL shown.
    if (error instanceof DdlCheckFailedError) throw error;
    throw new StatementFailedError(statement, error);
  }
}
