import type { IncludeNameFn } from "../dialects/reflect-options.js";

/**
 * What `strata.config.ts` may say. Hooks are typed loosely here (`unknown`
 * arguments) where their precise types belong to later stages; those stages
 * narrow them. Flags (`--url`, `--schema`) always win over the config.
 */
export interface DatabaseEntry {
  /** Connection URL; `env("VAR")` is not needed here: read process.env yourself. */
  readonly url: string;
  /** The `.schema` file or folder describing this database. */
  readonly schema: string;
}

export interface StrataConfig {
  /** `.schema` file or folder (default `schemas`). */
  readonly schema?: string;
  /** Folder holding the migration files (default `migrations`). */
  readonly migrations?: string;
  /** Database URL; else the schema's `database { url }`, else `file:./dev.db`. */
  readonly url?: string;
  /** Several databases in one migration stream: each name gets its own upgrade/downgrade pair. */
  readonly databases?: Readonly<Record<string, DatabaseEntry>>;
  /** The table that records applied revisions (default `strata_version`). */
  readonly versionTable?: string;
  readonly includeSchemas?: boolean | readonly string[];
  readonly includeName?: IncludeNameFn;
  readonly includeObject?: (...args: never[]) => boolean;
  readonly compareType?: boolean | ((...args: never[]) => boolean | undefined);
  readonly compareServerDefault?: boolean | ((...args: never[]) => boolean | undefined);
  /** Edits or replaces the MigrationScripts before they are written (a Rewriter works too). */
  readonly processRevisionDirectives?: (...args: never[]) => unknown;
  readonly renderItem?: (...args: never[]) => string | false | undefined;
  readonly renderAsBatch?: boolean;
  readonly userModulePrefix?: string;
  /** Write a migration file even when autogenerate finds nothing (default true, as the reference). */
  readonly writeEmptyRevisions?: boolean;
  /** Runs once before any command: register comparators, renderers, rewriters, operations. */
  readonly plugins?: ReadonlyArray<() => void | Promise<void>>;
}

/** Identity function that gives `strata.config.ts` its types. */
export function defineConfig(config: StrataConfig): StrataConfig {
  return config;
}
