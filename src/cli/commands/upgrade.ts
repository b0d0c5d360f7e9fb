import { existsSync } from "node:fs";
import type { LoadedConfig } from "../../config/load-config.js";
import type { DatabaseConnection, Dialect } from "../../dialects/dialect.js";
import { dialectNamed } from "../../dialects/registry.js";
import { DEFAULT_VERSION_TABLE } from "../../dialects/reflect-options.js";
import { DEFAULT_DATABASE, RevisionError, type LoadedMigration, type RevisionGraph } from "../../revisions/index.js";
import { MigrationFailedError } from "../../runtime/migration-errors.js";
import { PlanError, type Direction } from "../../runtime/migration-plan.js";
import { runMigrations } from "../../runtime/migration-runner.js";
import { sqlScript } from "../../runtime/sql-script.js";
import { VersionTable } from "../../runtime/version-table.js";
import { COMMON_OPTIONS, CONNECT_TIMEOUT_HELP, type Command, type CommandContext, type ParsedArgs } from "../command.js";
import { compileSchemaAt, connectTimeout, databaseUrl, DEFAULT_URL, dialectOfUrl, loadProjectConfig, openDatabase, schemaPath, type OpenOptions } from "../project.js";
import { scrubPassword as scrub } from "../../dialects/redact-url.js";
import { interruptible } from "../interruptible.js";
import { startProgress } from "../progress.js";
import { UserError } from "../user-error.js";
import { openMigrations } from "./revision.js";

/** One database a command works on: its name in a migration's `databases` and its URL. */
export interface MigrationTarget {
  readonly database: string;
  readonly url: string;
}

/**
 * The databases a migration command runs on: every database strata.config.ts
 * lists (each with its own version table), else the one URL the project
 * names (flag, config, the schema's `database` block, or file:./dev.db).
 */
export async function migrationTargets(
  args: ParsedArgs,
  loaded: LoadedConfig,
  context: CommandContext,
): Promise<MigrationTarget[]> {
  const databases = Object.entries(loaded.config.databases ?? {});
  if (databases.length) {
    if (args.values.url) throw new UserError("--url cannot be used when strata.config.ts lists several databases");
    return databases.map(([database, entry]) => ({ database, url: entry.url }));
  }
  if (args.values.url || loaded.config.url) return [{ database: DEFAULT_DATABASE, url: databaseUrl(args, loaded) }];
  const schema = schemaPath(args, loaded, context);
  const metadata = existsSync(schema) ? await compileSchemaAt(schema, context) : undefined;
  return [{ database: DEFAULT_DATABASE, url: databaseUrl(args, loaded, metadata) }];
}

/**
 * The databases `--sql` writes scripts for: only their dialects matter, so
 * no URL is needed. A URL given (flag, config) says the dialect; else the
 * schema's `database { dialect }` does, even when its URL comes from an
 * unset environment variable; else SQLite.
 */
async function offlineTargets(
  args: ParsedArgs,
  loaded: LoadedConfig,
  context: CommandContext,
): Promise<Array<{ database: string; dialect: Dialect; url?: string }>> {
  const databases = Object.entries(loaded.config.databases ?? {});
  if (databases.length) return databases.map(([database, entry]) => ({ database, dialect: dialectOfUrl(entry.url), url: entry.url }));
  const url = (args.values.url as string | undefined) ?? loaded.config.url;
  if (url) return [{ database: DEFAULT_DATABASE, dialect: dialectOfUrl(url), url }];
  const schema = schemaPath(args, loaded, context);
  const dialect = existsSync(schema) ? dialectNamed((await compileSchemaAt(schema, context)).dialect) : undefined;
  return [{ database: DEFAULT_DATABASE, dialect: dialect ?? dialectOfUrl(DEFAULT_URL) }];
}

export function versionTableName(loaded: LoadedConfig): string {
  return loaded.config.versionTable ?? DEFAULT_VERSION_TABLE;
}

/**
 * Opens `url`, runs `fn`, closes. What the runtime reports as the user's to
 * fix (a bad target, a failed migration, an edited file) becomes a UserError;
 * every message loses the URL's password on the way out.
 */
export async function withDatabase<T>(
  url: string,
  fn: (connection: DatabaseConnection) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const connection = await openDatabase(url, undefined, options);
  try {
    return await fn(connection);
  } catch (error) {
    throw scrubbed(error, url);
  } finally {
    await connection.close().catch(() => {});
  }
}

/** Turns the runtime's and the graph's errors into UserErrors, with the password removed from any message. */
export function scrubbed(error: unknown, url: string): unknown {
  if (
    error instanceof PlanError ||
    error instanceof MigrationFailedError ||
    error instanceof RevisionError ||
    error instanceof UserError
  ) {
    return new UserError(scrub(error.message, url), error instanceof UserError ? error.exitCode : 2);
  }
  if (error instanceof Error) error.message = scrub(error.message, url);
  return error;
}

/** `upgrade` and `downgrade`: the same verb run in two directions. */
export function migrateCommand(direction: Direction): Command {
  const other = direction === "upgrade" ? "downgrade" : "upgrade";
  return {
    name: direction,
    usage: `strata ${direction} TARGET [--sql] [--url URL] [--config FILE]`,
    help: [
      direction === "upgrade"
        ? "Applies the migrations between the database's current revision and TARGET, in order."
        : "Runs the downgrade of each applied migration above TARGET, newest first.",
      "Each migration runs in one transaction with its version-table update where the database allows",
      "DDL in a transaction (PostgreSQL, SQLite): a migration that fails leaves no trace. On MySQL a",
      "failure stops at the last completed migration, and the error says what stayed applied. Two",
      "processes at once apply each migration once (a database lock). Operations that lose data, and",
      "(upgrading) the hazards `strata lint` reports that no `// strata-allow:` marker acknowledges, are",
      "listed before anything runs.",
      "",
      "TARGET: head, heads, base, a revision id or unique prefix, BRANCH@head, +N / -N (relative to",
      `the database's revision), REV+N, and ${direction === "upgrade" ? "BRANCH@+N: N steps along BRANCH from where the database is on" : "BRANCH@-N / BRANCH@base: N steps down BRANCH, or all of"}`,
      `it${direction === "upgrade" ? " (or from the trunk it grows on)" : "; only that branch is undone, and a branch that is not applied is an error"}.`,
      "With --sql, START:TARGET says where to start from.",
      "",
      "  --sql            print the SQL script (version-table statements included) instead of running it;",
      `                   no connection is made and no URL is needed${direction === "downgrade" ? "; give START:TARGET (e.g. head:base)" : "; starts from base unless START:TARGET"}`,
      "  --url URL        the database (default: strata.config.ts, the schema's database block, file:./dev.db)",
      CONNECT_TIMEOUT_HELP,
      "  --config FILE    strata.config.ts to use",
      "",
      `exit codes: 0 done (or nothing to do), 2 error (see \`strata ${other}\` to go the other way)`,
    ].join("\n"),
    options: { sql: { type: "boolean" }, ...COMMON_OPTIONS },
    positionals: [1, 1],
    async run(args, context) {
      const target = args.positionals[0];
      const loaded = await loadProjectConfig(args, context);
      const { graph } = await openMigrations(loaded, context);
      if (args.values.sql) {
        const targets = await offlineTargets(args, loaded, context);
        for (const { database, dialect, url } of targets) {
          const versionTable = new VersionTable(dialect, versionTableName(loaded));
          if (targets.length > 1) context.out(`-- database ${database}`);
          const options = { dialect, graph, versionTable, database, cwd: context.cwd };
          context.out(await offline(() => sqlScript(options, direction, target), url ?? ""));
        }
        return 0;
      }
      const targets = await migrationTargets(args, loaded, context);
      for (const { database, url } of targets) {
        const versionTable = new VersionTable(dialectOfUrl(url), versionTableName(loaded));
        if (targets.length > 1) context.out(`database ${database}`);
        await withDatabase(url, async (connection) => {
          context.out(`${direction === "upgrade" ? "upgrading" : "downgrading"} ${connection.displayUrl} to ${target}`);
          await interruptible(connection, context, (signal) =>
            run({ graph, connection, versionTable, database, context, direction, target, signal }),
          );
        }, { connectTimeout: connectTimeout(args, loaded) });
      }
      return 0;
    },
  };
}

async function offline<T>(fn: () => Promise<T>, url: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw scrubbed(error, url);
  }
}

interface Run {
  readonly graph: RevisionGraph<LoadedMigration>;
  readonly connection: DatabaseConnection;
  readonly versionTable: VersionTable;
  readonly database: string;
  readonly context: CommandContext;
  readonly direction: Direction;
  readonly target: string;
  readonly signal: AbortSignal;
}

async function run({ graph, connection, versionTable, database, context, direction, target, signal }: Run): Promise<void> {
  const progress = startProgress(context);
  let ran: number;
  try {
    ran = await runMigrations(
      { connection, graph, versionTable, database, cwd: context.cwd, out: context.out, warn: context.err, signal, progress: progress.update },
      direction,
      target,
    );
  } finally {
    progress.done();
  }
  if (ran > 0) context.out(`${direction === "upgrade" ? "applied" : "undid"} ${ran} migration${ran > 1 ? "s" : ""}`);
}

export const upgradeCommand = migrateCommand("upgrade");
