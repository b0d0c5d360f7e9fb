import { existsSync } from "node:fs";
import type { LoadedConfig } from "../../config/load-config.js";
import { sqliteFilePath } from "../../dialects/sqlite/sqlite-file-path.js";
import { formatLint, lintFails, type LintedMigration } from "../../lint/lint-report.js";
import { lintMigrations, liveTarget, type LintTarget } from "../../lint/lint-migrations.js";
import { DEFAULT_DATABASE, resolveTarget, type LoadedMigration, type RevisionGraph } from "../../revisions/index.js";
import { migrationFunction, shownPath } from "../../runtime/migration-file.js";
import { headsOf } from "../../runtime/version-state.js";
import { VersionTable } from "../../runtime/version-table.js";
import { ALLOW_MARKER } from "../../lint/acknowledgements.js";
import { COMMON_OPTIONS, type Command, type CommandContext, type ParsedArgs } from "../command.js";
import { compileSchemaAt, DEFAULT_URL, dialectOfUrl, loadProjectConfig, schemaPath } from "../project.js";
import { UserError } from "../user-error.js";
import type { Dialect } from "../../dialects/dialect.js";
import { dialectNamed } from "../../dialects/registry.js";
import { openMigrations, userErrors } from "./revision.js";
import { migrationTargets, versionTableName, withDatabase } from "./upgrade.js";

export const lintCommand: Command = {
  name: "lint",
  usage: "strata lint [REVISION|START:END] [--json] [--url URL] [--config FILE]",
  help: [
    "Analyses the operations of migrations, not their SQL: for each one, the hazards it has on a live",
    "database (which lock it takes and for how long, whether it rewrites or scans the table, whether the",
    "running application breaks) with the safer way, and what it loses. Knows the server's version, how",
    "big each table is (a hazard on an empty or tiny table is low), and which tables are new (an index",
    "on a table the same upgrade creates is free).",
    "",
    "Which migrations: REVISION (an id, prefix or label) lints that one; START:END those after START up",
    "to END (base:head is all of them). Without either: the migrations not yet applied to the database,",
    "or, when there is no database to ask (no URL and no dev.db), all of them, without table sizes.",
    "",
    `A hazard is acknowledged with \`// ${ALLOW_MARKER} CODE[, CODE] reason\` on a comment line right above`,
    "the operation (`data-loss` for what it loses): lint still shows it, and passes.",
    "",
    "  --json           one JSON array: per migration, its findings with file, line and operation",
    "  --url URL        the database (default: strata.config.ts, the schema's database block, file:./dev.db)",
    "  --config FILE    strata.config.ts to use",
    "",
    "exit codes: 0 nothing to stop for (low hazards and acknowledged ones are shown), 1 a hazard above low",
    "or a data loss that is not acknowledged, 2 error",
  ].join("\n"),
  options: { json: { type: "boolean" }, ...COMMON_OPTIONS },
  positionals: [0, 1],
  async run(args, context) {
    const loaded = await loadConfigAndMigrations(args, context);
    const range = args.positionals[0];
    const linted: LintedMigration[] = [];
    for (const { database, url, dialect } of await lintTargets(args, loaded.config, context)) {
      const lint = (target: LintTarget, applied: readonly string[] | undefined) =>
        userErrors(() => {
          const toLint = selectMigrations(loaded.graph, range, applied).map((m) => ({
            revision: m.revision,
            path: m.path,
            file: shownPath(m, context.cwd),
            run: migrationFunction(m, database, "upgrade", context.cwd),
          }));
          return lintMigrations(toLint, target);
        });
      if (url === undefined || isOffline(url)) {
        linted.push(...(await lint({ dialect, facts: {} }, undefined)));
        continue;
      }
      const versionTable = new VersionTable(dialect, versionTableName(loaded.config));
      await withDatabase(url, async (connection) => {
        const applied = headsOf(await versionTable.read(connection));
        linted.push(...(await lint(await liveTarget(connection), applied)));
      }, { readOnly: true });
    }
    if (args.values.json) context.out(JSON.stringify(linted, null, 2));
    else for (const line of formatLint(linted)) context.out(line);
    return lintFails(linted) ? 1 : 0;
  },
};

async function loadConfigAndMigrations(args: ParsedArgs, context: CommandContext): Promise<{ config: LoadedConfig; graph: RevisionGraph<LoadedMigration> }> {
  const config = await loadProjectConfig(args, context);
  return { config, graph: (await openMigrations(config, context)).graph };
}

/**
 * The databases to lint for, as upgrade would run on them; when the URL
 * comes from an environment variable that is not set, there is no database
 * to ask, and the schema's dialect says how its migrations would run.
 */
async function lintTargets(args: ParsedArgs, loaded: LoadedConfig, context: CommandContext): Promise<Array<{ database: string; url?: string; dialect: Dialect }>> {
  try {
    return (await migrationTargets(args, loaded, context)).map((t) => ({ ...t, dialect: dialectOfUrl(t.url) }));
  } catch (error) {
    const schema = schemaPath(args, loaded, context);
    if (!(error instanceof UserError) || !existsSync(schema)) throw error;
    const metadata = await compileSchemaAt(schema, context);
    if (metadata.database.urlEnv === undefined) throw error;
    return [{ database: DEFAULT_DATABASE, dialect: dialectNamed(metadata.dialect) ?? dialectOfUrl(DEFAULT_URL) }];
  }
}

/** No database to ask: the default SQLite file that does not exist yet. */
function isOffline(url: string): boolean {
  const file = sqliteFilePath(url);
  return url === DEFAULT_URL && file !== undefined && !existsSync(file);
}

/** REVISION, START:END, else what is not applied (`applied` known) or everything. */
function selectMigrations(graph: RevisionGraph<LoadedMigration>, range: string | undefined, applied: readonly string[] | undefined): LoadedMigration[] {
  if (range === undefined) return graph.upgradePath(applied ?? [], graph.heads);
  const colon = range.indexOf(":");
  if (colon < 0) return resolveTarget(graph, range, applied ?? []).map((id) => graph.get(id));
  const start = resolveTarget(graph, range.slice(0, colon) || "base", applied ?? []);
  const end = resolveTarget(graph, range.slice(colon + 1) || "heads", applied ?? []);
  return graph.upgradePath(start, end);
}
