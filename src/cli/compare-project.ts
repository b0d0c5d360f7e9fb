/**
 * The project's schema compared with its database(s): what `diff` and
 * `check` report. With `databases` in the config (and no --url/--schema),
 * each database is compared with its own schema.
 */
import { MigrationContext, produceMigrations, type AutogenOptions } from "../compare/index.js";
import type { LoadedConfig } from "../config/load-config.js";
import { DEFAULT_VERSION_TABLE } from "../dialects/reflect-options.js";
import type { MigrationScript } from "../ops/index.js";
import { tokensFor } from "../render/index.js";
import type { CommandContext, ParsedArgs } from "./command.js";
import { compileSchemaAt, connectTimeout, databaseUrl, givenUrl, loadProjectConfig, openDatabase, schemaPath } from "./project.js";
import { resolve } from "node:path";
import { redactUrl } from "../dialects/redact-url.js";
import { displayPath } from "../parse/diagnostic.js";
import { startProgress } from "./progress.js";

export interface DatabaseComparison {
  /** The database's name in the config's `databases`, or undefined for the single database. */
  readonly name?: string;
  readonly displayUrl: string;
  readonly script: MigrationScript;
}

/**
 * The autogenerate options a config carries, and the tokens of one of its
 * databases. Every schema of the database takes part unless `--schemas` or
 * `includeSchemas` narrows it (the reference's include_schemas=True): an
 * object outside is then named in a warning, never ignored silently.
 */
export function autogenOptions(args: ParsedArgs, loaded: LoadedConfig, database?: string): AutogenOptions {
  const c = loaded.config;
  return {
    includeObject: c.includeObject,
    includeName: c.includeName,
    includeSchemas: schemaScope(args, loaded),
    compareType: c.compareType,
    compareServerDefault: c.compareServerDefault,
    versionTable: c.versionTable ?? DEFAULT_VERSION_TABLE,
    ...(database === undefined ? {} : tokensFor(database)),
  };
}

/** `--schemas a,b`, else the config's `includeSchemas`, else every schema. */
export function schemaScope(args: ParsedArgs, loaded: LoadedConfig): boolean | readonly string[] {
  const listed = args.values.schemas as string | undefined;
  if (listed !== undefined) return listed.split(",").map((s) => s.trim()).filter(Boolean);
  return loaded.config.includeSchemas ?? true;
}

/** Prints what a comparison skipped (MigrationContext.warnings). */
export function reportWarnings(migrationContext: MigrationContext, context: CommandContext): void {
  for (const warning of migrationContext.warnings) context.err(`warning: ${warning}`);
}

export async function compareProject(args: ParsedArgs, context: CommandContext): Promise<DatabaseComparison[]> {
  const loaded = await loadProjectConfig(args, context);
  const databases = loaded.config.databases;
  const targets =
    databases && !args.values.url && !args.values.schema
      ? Object.entries(databases).map(([name, d]) => ({ name, schema: resolve(loaded.root, d.schema), url: d.url }))
      : [{ name: undefined, schema: schemaPath(args, loaded, context), url: undefined }];

  const progress = startProgress(context, { json: Boolean(args.values.json) });
  try {
    // Compile every schema before connecting anywhere: a broken schema costs no connection.
    const compiled = [];
    for (const target of targets) {
      progress.update(`compiling ${displayPath(target.schema, context.cwd)}`);
      compiled.push({ ...target, metadata: await compileSchemaAt(target.schema, context, target.url ?? givenUrl(args, loaded)) });
    }

    const results: DatabaseComparison[] = [];
    for (const target of compiled) {
      const url = target.url ?? databaseUrl(args, loaded, target.metadata);
      progress.update(`connecting to ${redactUrl(url)}`);
      const connection = await openDatabase(url, target.metadata, { readOnly: true, connectTimeout: connectTimeout(args, loaded) });
      try {
        progress.update(`reading ${connection.displayUrl} and comparing it with the schema`);
        const migrationContext = MigrationContext.configure({ connection, opts: autogenOptions(args, loaded, target.name) });
        const script = await produceMigrations(migrationContext, target.metadata);
        reportWarnings(migrationContext, context);
        results.push({ name: target.name, displayUrl: connection.displayUrl, script });
      } finally {
        await connection.close();
      }
    }
    return results;
  } finally {
    progress.done();
  }
}
