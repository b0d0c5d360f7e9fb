/**
 * The project a command works on: its config, its compiled schema and its
 * database. Every verb goes through here so that flags, `strata.config.ts`
 * and the schema's `database` block take precedence the same way everywhere
 * (flags first, then the config, then the schema, then the default).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { loadConfig } from "../config/load-config.js";
import { ConnectTimeoutError, DEFAULT_CONNECT_TIMEOUT } from "../dialects/connect-options.js";
import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import { redactUrl, scrubPassword } from "../dialects/redact-url.js";
import { dialectForUrl, dialectNamed } from "../dialects/registry.js";
import { sqliteFilePath } from "../dialects/sqlite/sqlite-file-path.js";
import type { MetaData } from "../model/index.js";
import { displayPath, type Diagnostic } from "../parse/diagnostic.js";
import type { CommandContext, ParsedArgs } from "./command.js";
import { UserError } from "./user-error.js";

export const DEFAULT_URL = "file:./dev.db";
export const DEFAULT_SCHEMA = "schemas";

export async function loadProjectConfig(args: ParsedArgs, context: CommandContext): Promise<LoadedConfig> {
  return loadConfig(context.cwd, args.values.config as string | undefined);
}

/** The schema path from `--schema`, else the config, else `schemas/`. */
export function schemaPath(args: ParsedArgs, loaded: LoadedConfig, context: CommandContext): string {
  const flag = args.values.schema as string | undefined;
  if (flag) return resolve(context.cwd, flag);
  return resolve(loaded.root, loaded.config.schema ?? DEFAULT_SCHEMA);
}

/**
 * Compiles a schema file or folder; a broken schema becomes a UserError
 * carrying every diagnostic. `url`, when known, is the database the schema
 * will meet: a portable schema (no dialect named) is compiled, and its types
 * checked, for that URL's dialect. The compiler (and the grammar, and
 * Chevrotain) is imported here, so commands that compile no schema never
 * load it.
 */
export async function compileSchemaAt(path: string, context: CommandContext, url?: string): Promise<MetaData> {
  if (!existsSync(path)) throw new UserError(`schema ${displayPath(path, context.cwd)} does not exist (give one with --schema PATH)`);
  const dialect = url === undefined ? undefined : dialectOfUrl(url).name;
  const { formatDiagnostics, loadSchema, SchemaError, SchemaFileError } = await import("../parse/index.js");
  // Warnings do not stop the command: each is said once, located, before it goes on.
  const onWarnings = (warnings: readonly Diagnostic[]) => {
    for (const w of warnings) context.err(`warning: ${formatDiagnostics([w], { relativeTo: context.cwd })}`);
  };
  try {
    return await loadSchema(path, { dialect, onWarnings });
  } catch (error) {
    if (error instanceof SchemaFileError) throw new UserError(`${displayPath(error.path, context.cwd)}: ${error.problem}`);
    if (error instanceof SchemaError) {
      throw new UserError(error.diagnostics.length ? formatDiagnostics(error.diagnostics, { relativeTo: context.cwd }) : error.message);
    }
    throw error;
  }
}

export async function compileProjectSchema(
  args: ParsedArgs,
  context: CommandContext,
  loaded?: LoadedConfig,
): Promise<{ metadata: MetaData; config: LoadedConfig }> {
  const config = loaded ?? (await loadProjectConfig(args, context));
  return { metadata: await compileSchemaAt(schemaPath(args, config, context), context, givenUrl(args, config)), config };
}

/** The URL named before any schema is read: `--url`, else the config's. */
export function givenUrl(args: ParsedArgs, loaded: LoadedConfig): string | undefined {
  return (args.values.url as string | undefined) || loaded.config.url || undefined;
}

/** `--url`, else the config's url, else the schema's `database { url }`, else `file:./dev.db`. */
export function databaseUrl(args: ParsedArgs, loaded: LoadedConfig, metadata?: MetaData): string {
  const given = givenUrl(args, loaded);
  if (given) return given;
  if (metadata?.database.url) return metadata.database.url;
  if (metadata?.database.urlEnv) {
    throw new UserError(
      `the schema takes its database URL from env("${metadata.database.urlEnv}"), which is not set; set it or pass --url`,
    );
  }
  return DEFAULT_URL;
}

export function dialectOfUrl(url: string): Dialect {
  const dialect = dialectForUrl(url);
  if (!dialect) {
    throw new UserError(
      `cannot tell the database from the URL ${redactUrl(url)}: use file:, libsql://, postgres:// or mysql://`,
    );
  }
  return dialect;
}

/** `--connect-timeout SECONDS`, else the config's `connectTimeout`, else DEFAULT_CONNECT_TIMEOUT. */
export function connectTimeout(args: ParsedArgs, loaded: LoadedConfig): number {
  const flag = args.values["connect-timeout"] as string | undefined;
  if (flag === undefined) return loaded.config.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  const seconds = Number(flag);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new UserError(`--connect-timeout takes a number of seconds above 0, not "${flag}"`);
  }
  return seconds;
}

export interface OpenOptions {
  /** Seconds to wait for the server's answer (see connectTimeout). */
  readonly connectTimeout?: number;
  /**
   * The command only reads: a SQLite file that does not exist is read as
   * the empty database it stands for, and is not created (opening a file
   * creates it). Commands that write (upgrade, downgrade, stamp) create it.
   */
  readonly readOnly?: boolean;
}

/** Opens the database, turning driver failures into a message that never shows the password. */
export async function openDatabase(url: string, metadata?: MetaData, options: OpenOptions = {}): Promise<DatabaseConnection> {
  const dialect = dialectOfUrl(url);
  if (metadata && dialectNamed(metadata.dialect) !== dialect) {
    throw new UserError(
      `the schema is written for ${metadata.dialect} but ${redactUrl(url)} is a ${dialect.name} database`,
    );
  }
  const file = sqliteFilePath(url);
  const standIn = options.readOnly && file !== undefined && !existsSync(file);
  try {
    return standIn
      ? emptyStandIn(await dialect.connect(":memory:"), url)
      : await dialect.connect(url, { connectTimeout: options.connectTimeout });
  } catch (error) {
    if (error instanceof ConnectTimeoutError) {
      throw new UserError(`cannot connect to ${redactUrl(url)}: ${error.message} (wait longer with --connect-timeout SECONDS)`);
    }
    const message = scrubPassword((error as Error).message ?? String(error), url);
    throw new UserError(`cannot connect to ${redactUrl(url)}: ${message}`);
  }
}

/** An empty in-memory database that answers, and is named, as the missing file it stands for. */
function emptyStandIn(memory: DatabaseConnection, url: string): DatabaseConnection {
  return {
    dialect: memory.dialect,
    displayUrl: redactUrl(url),
    get queryCount() {
      return memory.queryCount;
    },
    query: (sql, params) => memory.query(sql, params),
    execute: (sql, params) => memory.execute(sql, params),
    close: () => memory.close(),
  };
}
