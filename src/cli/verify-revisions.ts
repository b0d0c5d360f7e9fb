/**
 * Verification as the command line runs it, for `strata verify` and for
 * `revision --autogenerate`: each revision on a fresh scratch database of
 * each of the project's databases, with the result printed the way a user
 * reads it. The real databases are only asked to create (and drop) the
 * scratch databases beside them.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { includedSchemas } from "../compare/index.js";
import { DEFAULT_VERSION_TABLE } from "../dialects/reflect-options.js";
import type { DiffEntry } from "../ops/index.js";
import { DEFAULT_DATABASE, type LoadedMigration, type RevisionGraph } from "../revisions/index.js";
import { tableOfOp } from "../dialects/hazard-helpers.js";
import { describeOp } from "../lint/lint-report.js";
import { copySchema } from "../runtime/copy-schema.js";
import { observesLocks, type LockCheck } from "../runtime/lock-predictions.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import { executeStatement } from "../runtime/execute-statement.js";
import { liveDdlContext } from "../runtime/live-ddl-context.js";
import { migrationFunction, shownPath } from "../runtime/migration-file.js";
import { collectOps, executingOperations } from "../runtime/op-executor.js";
import { openScratchDatabase, ScratchDatabaseError } from "../runtime/scratch-database.js";
import { VERIFY_STEPS, verifyMigration, type VerifyResult, type VerifyStepName } from "../runtime/verify-migration.js";
import { headsOf } from "../runtime/version-state.js";
import { VersionTable } from "../runtime/version-table.js";
import type { CommandContext, ParsedArgs } from "./command.js";
import { autogenOptions } from "./compare-project.js";
import { describeDiff } from "./describe-diff.js";
import { compileSchemaAt, connectTimeout, databaseUrl, dialectOfUrl, givenUrl, openDatabase, schemaPath } from "./project.js";
import { UserError } from "./user-error.js";

interface VerifyTarget {
  readonly database: string;
  readonly url: string;
  readonly devUrl?: string;
  /** The schema of this database, when the project has one where it says. */
  readonly schema?: string;
}

/** One line per verification, for the `Verified:` note of a generated file. */
export function verifiedNote(results: readonly VerifyResult[], dialects: readonly string[]): string {
  const failed = results.find((r) => r.failure);
  if (failed?.failure) {
    return `FAILED at the ${failed.failure.step} step on a scratch database; \`strata verify ${failed.revision}\` shows why`;
  }
  const steps = [...new Set(results.flatMap((r) => r.passed))].filter((s) => s !== "parent").join(", ");
  return `on a scratch ${dialects.join(" and ")} database (${steps})`;
}

export interface VerifiedRevisions {
  readonly results: VerifyResult[];
  readonly dialects: string[];
}

/**
 * Verifies `revisions` (ids in `graph`) on every database of the project
 * and prints one line per revision and database, and each failure in full.
 */
export async function verifyRevisions(
  revisions: readonly string[],
  graph: RevisionGraph<LoadedMigration>,
  loaded: LoadedConfig,
  args: ParsedArgs,
  context: CommandContext,
  options: { readonly fromRealDatabase?: boolean } = {},
): Promise<VerifiedRevisions> {
  const targets = await verifyTargets(loaded, args, context);
  const results: VerifyResult[] = [];
  const dialects = new Set<string>();
  const versionTable = loaded.config.versionTable ?? DEFAULT_VERSION_TABLE;
  for (const target of targets) {
    const dialect = dialectOfUrl(target.url);
    dialects.add(dialect.name);
    const model = target.schema ? await compileSchemaAt(target.schema, context, target.url) : undefined;
    // The schema describes the database at the single head: only a head revision is compared with it.
    const metadata = graph.heads.length === 1 ? model : undefined;
    const compare = autogenOptions(args, loaded);
    const copy = { ...compare, includeSchemas: model ? includedSchemas(compare, model) : compare.includeSchemas };
    // Read once per database, with the project's connect timeout: a project verifying on a devUrl may not reach it.
    const realHeads = options.fromRealDatabase ? undefined : await headsOfRealDatabase(target.url, versionTable, connectTimeout(args, loaded));
    for (const [index, revision] of revisions.entries()) {
      const migration = graph.get(revision);
      const parents = [...migration.downRevisions, ...migration.dependsOn];
      const where = `${targets.length > 1 ? `${target.database}: ` : ""}${revision} (${shownPath(migration, context.cwd)})`;
      const scratch = await openScratch(dialect, target);
      // Autogenerate compared the schema with the real database as it is: its parent state is a copy of that database.
      // So is that of the migration the real database runs next: a database adopted without a baseline migration
      // holds tables no migration creates, and the migrations below cannot build them from an empty database.
      const runsNext = realHeads !== undefined && realHeads.length === parents.length && parents.every((p) => realHeads.includes(p));
      const real = options.fromRealDatabase || runsNext ? await openDatabase(target.url, undefined, { readOnly: true }) : undefined;
      // PostgreSQL: a second connection watches the locks the upgrade takes.
      const observer = scratch.url !== undefined && observesLocks(dialect) ? await dialect.connect(scratch.url) : undefined;
      let result: VerifyResult;
      try {
        result = await verifyMigration({
          // Revisions written before this one in the same run (a rewriter's steps) are not in the real database yet: they run on the copy.
          parentSchema:
            real &&
            (async (to) => {
              await copySchema(real, to, copy);
              if (!options.fromRealDatabase) return;
              for (const earlier of revisions.slice(0, index)) await applyUpgrade(to, graph.get(earlier), target.database, context.cwd);
            }),
          scratch: scratch.connection,
          graph,
          revision,
          versionTable,
          database: target.database,
          cwd: context.cwd,
          schema: metadata && graph.heads[0] === revision ? { metadata, options: compare } : undefined,
          observer,
        });
      } finally {
        await observer?.close();
        await real?.close();
        await scratch.dispose();
      }
      results.push(result);
      const failure = result.failure;
      const copied = real && !options.fromRealDatabase ? `, from a copy of the database (at ${parentsText(migration)})` : "";
      if (!failure) context.out(`verified ${where} on a scratch ${dialect.name} database${copied}: ${result.passed.join(", ")}`);
      if (result.locks) reportLocks(result.locks, context);
      if (!failure) continue;
      context.err(
        `${where}: verification on a scratch ${dialect.name} database${copied} (the real one was not touched) ` +
          `failed at the ${failure.step} step, which is to ${VERIFY_STEPS[failure.step]}:\n${failure.message}`,
      );
      if (!real && builtFromBase(failure.step, migration)) context.err(NO_BASELINE_HINT);
      if (failure.remaining) {
        for (const line of describeDiff(failure.remaining.asDiffs() as DiffEntry[])) context.err(`  ${line}`);
      }
    }
  }
  return { results, dialects: [...dialects] };
}

/** The heads the real database is at; undefined when it cannot be reached or its version table cannot be read. */
async function headsOfRealDatabase(url: string, versionTable: string, timeout: number): Promise<string[] | undefined> {
  const real = await openDatabase(url, undefined, { readOnly: true, connectTimeout: timeout }).catch(() => undefined);
  if (!real) return undefined;
  try {
    return headsOf(await new VersionTable(real.dialect, versionTable).read(real));
  } catch {
    // A version table strata cannot read: the migrations build the parent state, as for any other database.
    return undefined;
  } finally {
    await real.close();
  }
}

function parentsText(migration: LoadedMigration): string {
  return [...migration.downRevisions, ...migration.dependsOn].join(", ") || "base";
}

/** Whether the failing step ran migrations on the empty scratch database: those below the revision, or a first migration itself. */
function builtFromBase(step: VerifyStepName, migration: LoadedMigration): boolean {
  return step === "parent" || (step === "upgrade" && migration.downRevisions.length === 0 && migration.dependsOn.length === 0);
}

const NO_BASELINE_HINT =
  "  The scratch database was built from an empty one by the migrations up to this revision. If the real database was adopted " +
  "without a baseline migration (it has tables that no migration creates), they cannot build it: verify a migration before it is " +
  "applied (`strata verify` then starts from a copy of the database it will run on), or add a first migration that creates what " +
  "the database held when strata took it over.";

/**
 * What the upgrade's operations locked and rewrote on the tables that were
 * there before it (the ones a live application uses), and where `strata
 * lint`'s analysis said otherwise (a strata bug: the hazards are wrong).
 */
function reportLocks(check: LockCheck, context: CommandContext): void {
  const lines = check.observed.flatMap((seen) => {
    const own = tableOfOp(seen.op);
    const locks = [...seen.locks].filter(([table]) => check.existing.has(table));
    // A lock the transaction already held (an earlier operation took it) hides the one this operation takes.
    const parts = [
      ...locks.filter(([table, mode]) => seen.heldBefore.get(table) !== mode).map(([table, mode]) => `${mode} on ${table}`),
      ...locks.filter(([table, mode]) => table === own && seen.heldBefore.get(table) === mode).map(([table, mode]) => `${table} was under ${mode} already`),
      ...seen.rewritten.filter((t) => check.existing.has(t)).map((t) => `rewrote ${t}`),
    ];
    return parts.length ? [`    ${describeOp(seen.op)}: ${parts.join(", ")}`] : [];
  });
  if (lines.length) context.out(`  the upgrade's operations took, on the tables that existed before it:\n${lines.join("\n")}`);
  for (const wrong of check.disagreements) context.err(`  warning: the lock analysis (strata lint) disagrees with the database: ${wrong}`);
}

/** Runs a migration's upgrade ops on the scratch database, outside the version table (its parents are stamped after). */
async function applyUpgrade(scratch: DatabaseConnection, migration: LoadedMigration, database: string, cwd: string): Promise<void> {
  const ops = await collectOps(migrationFunction(migration, database, "upgrade", cwd), scratch.dialect);
  const operations = executingOperations(scratch.dialect, liveDdlContext(scratch), (statement) => executeStatement(scratch, statement));
  for (const op of ops) await operations.invoke(op);
}

async function openScratch(dialect: ReturnType<typeof dialectOfUrl>, target: VerifyTarget) {
  try {
    return await openScratchDatabase(dialect, target.url, target.devUrl);
  } catch (error) {
    if (error instanceof ScratchDatabaseError) throw new UserError(error.message);
    throw new UserError(`cannot open a scratch database to verify on: ${(error as Error).message}`);
  }
}

/** Every database of the project (strata.config.ts `databases`), else the one its URL names. */
async function verifyTargets(loaded: LoadedConfig, args: ParsedArgs, context: CommandContext): Promise<VerifyTarget[]> {
  const databases = Object.entries(loaded.config.databases ?? {});
  if (databases.length) {
    return databases.map(([database, entry]) => ({
      database,
      url: entry.url,
      devUrl: entry.devUrl,
      schema: resolve(loaded.root, entry.schema),
    }));
  }
  const schema = schemaPath(args, loaded, context);
  const present = existsSync(schema);
  const url = databaseUrl(args, loaded, present ? await compileSchemaAt(schema, context, givenUrl(args, loaded)) : undefined);
  return [{ database: DEFAULT_DATABASE, url, devUrl: loaded.config.devUrl, schema: present ? schema : undefined }];
}
