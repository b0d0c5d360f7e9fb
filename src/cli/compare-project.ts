/**
 * The project's schema compared with its database(s): what `diff` and
 * `check` report. With `databases` in the config (and no --url/--schema),
 * each database is compared with its own schema.
 */
import { MigrationContext, produceMigrations, type AutogenOptions } from "../compare/index.js";
import type { LoadedConfig } from "../config/load-config.js";
import { DEFAULT_VERSION_TABLE } from "../dialects/reflect-options.js";
import type { MigrationScript } from "../ops/index.js";
import type { CommandContext, ParsedArgs } from "./command.js";
import { compileSchemaAt, databaseUrl, givenUrl, loadProjectConfig, openDatabase, schemaPath } from "./project.js";
import { resolve } from "node:path";

export interface DatabaseComparison {
  /** The database's name in the config's `databases`, or undefined for the single database. */
  readonly name?: string;
  readonly displayUrl: string;
  readonly script: MigrationScript;
}

/** The autogenerate options a config carries. */
export function autogenOptions(loaded: LoadedConfig): AutogenOptions {
  const c = loaded.config;
  return {
    includeObject: c.includeObject,
    includeName: c.includeName,
    includeSchemas: c.includeSchemas,
    compareType: c.compareType,
    compareServerDefault: c.compareServerDefault,
    versionTable: c.versionTable ?? DEFAULT_VERSION_TABLE,
  };
}

export async function compareProject(args: ParsedArgs, context: CommandContext): Promise<DatabaseComparison[]> {
  const loaded = await loadProjectConfig(args, context);
  const databases = loaded.config.databases;
  const targets =
    databases && !args.values.url && !args.values.schema
      ? Object.entries(databases).map(([name, d]) => ({ name, schema: resolve(loaded.root, d.schema), url: d.url }))
      : [{ name: undefined, schema: schemaPath(args, loaded, context), url: undefined }];

  // Compile every schema before connecting anywhere: a broken schema costs no connection.
  const compiled = [];
  for (const target of targets) {
    compiled.push({ ...target, metadata: await compileSchemaAt(target.schema, context, target.url ?? givenUrl(args, loaded)) });
  }

  const results: DatabaseComparison[] = [];
  for (const target of compiled) {
    const url = target.url ?? databaseUrl(args, loaded, target.metadata);
    const connection = await openDatabase(url, target.metadata, { readOnly: true });
    try {
      const migrationContext = MigrationContext.configure({ connection, opts: autogenOptions(loaded) });
      const script = await produceMigrations(migrationContext, target.metadata);
      results.push({ name: target.name, displayUrl: connection.displayUrl, script });
    } finally {
      await connection.close();
    }
  }
  return results;
}
