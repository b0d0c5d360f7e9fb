import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import type { IncludeNameFn, NameFilterType } from "../dialects/reflect-options.js";
import { dialectNamed } from "../dialects/registry.js";
import type { Column, DefaultValue, SqlType } from "../model/index.js";
import type { Comparators } from "./comparators.js";
import type { ProcessRevisionDirectives } from "./process-revision-directives.js";

/** A model object handed to `includeObject`: a table, column, index, constraint, enum, sequence or view. */
export type SchemaItem = object;

/** The reference's include_object: (object, name, type, reflected, compareTo) → keep it? */
export type IncludeObjectFn = (
  object: SchemaItem,
  name: string | undefined,
  type: NameFilterType,
  reflected: boolean,
  compareTo: SchemaItem | undefined,
) => boolean;

/** true: the types differ; false: they are the same; undefined: let strata decide (typesEqual). */
export type CompareTypeFn = (
  context: MigrationContext,
  inspectedColumn: Column,
  metadataColumn: Column,
  inspectedType: SqlType,
  metadataType: SqlType,
) => boolean | undefined;

/** true: the defaults differ; false: the same; undefined: let strata decide (defaultsEqual). */
export type CompareServerDefaultFn = (
  context: MigrationContext,
  inspectedColumn: Column,
  metadataColumn: Column,
  inspectedDefault: DefaultValue | undefined,
  metadataDefault: DefaultValue | undefined,
  renderedMetadataDefault: string | undefined,
) => boolean | undefined;

export interface AutogenOptions {
  readonly includeObject?: IncludeObjectFn;
  readonly includeName?: IncludeNameFn;
  /**
   * Schemas besides the default one to compare: true for every schema either
   * side has, a list, or false for the default schema only. Unset, it is the
   * schemas the target model names.
   */
  readonly includeSchemas?: boolean | readonly string[];
  /** Default true, as the reference. */
  readonly compareType?: boolean | CompareTypeFn;
  /**
   * Default true (the reference defaults to false because it compares SQL
   * text; strata compares canonical DefaultValue values, so it is reliable).
   */
  readonly compareServerDefault?: boolean | CompareServerDefaultFn;
  /** Never compared; default `strata_version`. */
  readonly versionTable?: string;
  /** The comparator registry to use (default: the shared `comparators`). */
  readonly comparators?: Comparators;
  readonly processRevisionDirectives?: ProcessRevisionDirectives;
  readonly upgradeToken?: string;
  readonly downgradeToken?: string;
}

export class UnknownDialectError extends Error {
  override readonly name = "UnknownDialectError";
}

/**
 * The database side of an autogenerate run: a connection (undefined when
 * comparing two models offline), its dialect and the options.
 */
export class MigrationContext {
  readonly connection: DatabaseConnection | undefined;
  readonly dialect: Dialect;
  readonly opts: AutogenOptions;
  /**
   * What comparisons through this context left out, one sentence each (a
   * schema outside includeSchemas): the commands print them, so nothing is
   * skipped without a word.
   */
  readonly warnings: string[] = [];

  constructor(dialect: Dialect, connection: DatabaseConnection | undefined, opts: AutogenOptions = {}) {
    this.dialect = dialect;
    this.connection = connection;
    this.opts = opts;
  }

  /** The dialect comes from the connection, else from `dialect` (an object or a registered name). */
  static configure(options: { connection?: DatabaseConnection; dialect?: Dialect | string; opts?: AutogenOptions }): MigrationContext {
    const named = typeof options.dialect === "string" ? dialectNamed(options.dialect) : options.dialect;
    const dialect = options.connection?.dialect ?? named;
    if (!dialect) throw new UnknownDialectError(`unknown dialect ${JSON.stringify(options.dialect ?? null)}: give a connection or a registered dialect name`);
    return new MigrationContext(dialect, options.connection, options.opts);
  }
}
