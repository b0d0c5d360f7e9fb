import type { CompareServerDefaultFn, CompareTypeFn, IncludeObjectFn } from "../compare/migration-context.js";
import type { ProcessRevisionDirectives } from "../compare/process-revision-directives.js";
import type { IncludeNameFn } from "../dialects/reflect-options.js";
import type { RenderItemFn } from "../render/render-context.js";

/** What `strata.config.ts` may say. Flags (`--url`, `--schema`) always win over the config. */
export interface DatabaseEntry {
  /** Connection URL; `env("VAR")` is not needed here: read process.env yourself. */
  readonly url: string;
  /** The `.schema` file or folder describing this database. */
  readonly schema: string;
  /** An empty database strata may use to verify migrations, when it cannot create one beside `url` (see `devUrl` below). */
  readonly devUrl?: string;
}

export interface StrataConfig {
  /** `.schema` file or folder (default `schemas`). */
  readonly schema?: string;
  /** Folder holding the migration files (default `migrations`). */
  readonly migrations?: string;
  /** Database URL; else the schema's `database { url }`, else `file:./dev.db`. */
  readonly url?: string;
  /**
   * An empty database of the same dialect where `strata verify` and
   * `revision --autogenerate` prove migrations, for users who cannot create
   * databases on the server: strata fills it and empties it again. Without
   * it, a temporary database is created beside `url` (SQLite: in memory).
   */
  readonly devUrl?: string;
  /** Seconds to wait for a database to answer before giving up (default 10; `--connect-timeout` wins). */
  readonly connectTimeout?: number;
  /** Several databases in one migration stream: each name gets its own upgrade/downgrade pair. */
  readonly databases?: Readonly<Record<string, DatabaseEntry>>;
  /** The table that records applied revisions (default `strata_version`). */
  readonly versionTable?: string;
  /**
   * PostgreSQL schemas the commands read besides `public`: a list narrows
   * them, false keeps `public` alone; default every non-system schema.
   */
  readonly includeSchemas?: boolean | readonly string[];
  readonly includeName?: IncludeNameFn;
  readonly includeObject?: IncludeObjectFn;
  readonly compareType?: boolean | CompareTypeFn;
  readonly compareServerDefault?: boolean | CompareServerDefaultFn;
  /** Edits or replaces the MigrationScripts before they are written (a Rewriter works too). */
  readonly processRevisionDirectives?: ProcessRevisionDirectives;
  readonly renderItem?: RenderItemFn;
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
