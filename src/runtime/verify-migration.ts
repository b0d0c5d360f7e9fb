/**
 * Proves one migration on a scratch database (never the real one): brings
 * the scratch database to the migration's parent state by running the
 * migrations below it, runs the upgrade, compares the result with the
 * schema (no difference may be left), runs the downgrade, compares the
 * catalog with the parent state (it must be the same), and runs the upgrade
 * again. Stops at the first step that fails and says what failed: the
 * statement and the database's error, the differences left, or the catalog
 * lines that changed. On PostgreSQL, given a second connection, it also
 * watches the locks and rewrites of the upgrade's operations and holds the
 * hazard analysis to them (see UpgradeLockCheck).
 */
import { MigrationContext, produceMigrations, type AutogenOptions } from "../compare/index.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import type { MetaData } from "../model/index.js";
import type { UpgradeOps } from "../ops/index.js";
import type { LoadedMigration, RevisionGraph } from "../revisions/index.js";
import { catalogChanges, snapshotCatalog } from "./catalog-snapshot.js";
import { UpgradeLockCheck, type LockCheck } from "./lock-predictions.js";
import { MigrationFailedError } from "./migration-errors.js";
import { PlanError, type Target } from "./migration-plan.js";
import { runMigrations, type StatementHook } from "./migration-runner.js";
import { stampVersionTable } from "./stamp.js";
import { VersionTable } from "./version-table.js";

export type VerifyStepName = "parent" | "upgrade" | "diff" | "downgrade" | "catalog" | "upgrade again";

/** What each step proves, as the report says it. */
export const VERIFY_STEPS: Readonly<Record<VerifyStepName, string>> = {
  parent: "bring the scratch database to the migration's parent state",
  upgrade: "run the upgrade",
  diff: "compare the upgraded database with the schema (no difference may be left)",
  downgrade: "run the downgrade",
  catalog: "compare the catalog after the downgrade with the parent state (it must be the same)",
  "upgrade again": "run the upgrade again",
};

export interface VerifyOptions {
  /** An empty database of the project's dialect (see scratch-database.ts); left as the steps leave it. */
  readonly scratch: DatabaseConnection;
  readonly graph: RevisionGraph<LoadedMigration>;
  readonly revision: string;
  readonly versionTable: string;
  /** Which of a migration's upgrade/downgrade pairs runs (`default` for single-database projects). */
  readonly database: string;
  readonly cwd: string;
  /**
   * The model the upgraded database must match, with the comparison options
   * of the project; without it the diff step is skipped (a revision below
   * the heads is not described by the schema).
   */
  readonly schema?: { readonly metadata: MetaData; readonly options: AutogenOptions };
  /**
   * Gives the empty scratch database the schema of the parent state by other
   * means than running the migrations below the revision (autogenerate
   * copies the real database, which may predate the migrations); the
   * parents are then stamped as applied.
   */
  readonly parentSchema?: (scratch: DatabaseConnection) => Promise<void>;
  /**
   * PostgreSQL: a second connection to the scratch database, to read
   * pg_locks from while the first upgrade of the verified migration (not of
   * its parents) runs; the result then says what each operation locked.
   */
  readonly observer?: DatabaseConnection;
}

export interface VerifyFailure {
  readonly step: VerifyStepName;
  /** The database's error with the statement, or what differs. */
  readonly message: string;
  /** For the diff step: what is left to do, as ops (for the CLI to describe). */
  readonly remaining?: UpgradeOps;
}

export interface VerifyResult {
  readonly revision: string;
  readonly passed: readonly VerifyStepName[];
  readonly failure?: VerifyFailure;
  /** With an observer, once the upgrade ran: what its operations locked and rewrote, and where the hazard analysis disagrees. */
  readonly locks?: LockCheck;
}

/** Thrown inside `verifyMigration` to stop at a step; never escapes it. */
class StepFailed extends Error {
  constructor(readonly failure: VerifyFailure) {
    super(failure.message);
  }
}

export async function verifyMigration(options: VerifyOptions): Promise<VerifyResult> {
  const { scratch, graph, revision } = options;
  const passed: VerifyStepName[] = [];
  let locks: { locks?: LockCheck } = {};
  const node = graph.get(revision);
  const parents: Target = { revisions: [...node.downRevisions, ...node.dependsOn] };
  const versionTable = new VersionTable(scratch.dialect, options.versionTable);
  const run = (step: VerifyStepName, direction: "upgrade" | "downgrade", target: Target, onStatement?: StatementHook) =>
    migrate(options, versionTable, step, direction, target, onStatement);
  try {
    if (options.parentSchema) await reachParentSchema(options, options.parentSchema, versionTable, parents.revisions);
    else await run("parent", "upgrade", parents);
    const parentCatalog = await snapshotCatalog(scratch, options.versionTable);
    passed.push("parent");

    const watched = options.observer && (await UpgradeLockCheck.before(scratch, options.observer, options.versionTable));
    await run("upgrade", "upgrade", { revisions: [revision] }, watched ? watched.onStatement : undefined);
    passed.push("upgrade");
    if (watched) locks = { locks: watched.check() };

    if (options.schema) {
      const context = MigrationContext.configure({ connection: scratch, opts: options.schema.options });
      const remaining = (await produceMigrations(context, options.schema.metadata)).upgradeOps;
      if (!remaining.isEmpty()) {
        throw new StepFailed({
          step: "diff",
          message: "after the upgrade the database still differs from the schema",
          remaining,
        });
      }
      passed.push("diff");
    }

    await run("downgrade", "downgrade", parents);
    passed.push("downgrade");

    const changes = catalogChanges(parentCatalog, await snapshotCatalog(scratch, options.versionTable));
    if (changes.length) {
      throw new StepFailed({
        step: "catalog",
        message: `the downgrade did not restore the parent state (- what the parent state had, + what is there instead):\n${changes.map((c) => `  ${c}`).join("\n")}`,
      });
    }
    passed.push("catalog");

    await run("upgrade again", "upgrade", { revisions: [revision] });
    passed.push("upgrade again");
    return { revision, passed, ...locks };
  } catch (error) {
    if (error instanceof StepFailed) return { revision, passed, failure: error.failure, ...locks };
    throw error;
  }
}

async function reachParentSchema(
  options: VerifyOptions,
  build: (scratch: DatabaseConnection) => Promise<void>,
  versionTable: VersionTable,
  parents: readonly string[],
): Promise<void> {
  try {
    await build(options.scratch);
  } catch (error) {
    throw new StepFailed({ step: "parent", message: `the parent state could not be built: ${(error as Error).message}` });
  }
  await stampVersionTable(options.scratch, versionTable, options.graph, parents.length ? parents : ["base"]);
}

async function migrate(
  options: VerifyOptions,
  versionTable: VersionTable,
  step: VerifyStepName,
  direction: "upgrade" | "downgrade",
  target: Target,
  onStatement?: StatementHook,
): Promise<void> {
  const quiet = () => {};
  try {
    await runMigrations(
      {
        connection: options.scratch,
        graph: options.graph,
        versionTable,
        database: options.database,
        cwd: options.cwd,
        out: quiet,
        warn: quiet,
        onStatement,
      },
      direction,
      target,
    );
  } catch (error) {
    if (error instanceof MigrationFailedError || error instanceof PlanError) {
      throw new StepFailed({ step, message: onScratch(error.message) });
    }
    throw error;
  }
}

/**
 * A runner's failure without what it tells the owner of a real database
 * (rolled back, or what to undo by hand): on a scratch database only what
 * failed matters, the statement and the database's error.
 */
function onScratch(message: string): string {
  const newline = message.indexOf("\n");
  if (newline < 0) return message;
  const head = message.slice(0, newline);
  const what = head.includes(";") ? head.slice(0, head.indexOf(";")) : head;
  return `${what}:\n${message.slice(newline + 1)}`;
}
