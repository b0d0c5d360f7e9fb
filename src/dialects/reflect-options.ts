/**
 * Filters, with the reference's names and arguments. `includeName` runs on
 * names before anything is reflected (an excluded table costs nothing);
 * `includeObject` runs on objects during comparison.
 */
export type NameFilterType =
  | "schema"
  | "table"
  | "column"
  | "index"
  | "uniqueConstraint"
  | "foreignKeyConstraint"
  | "checkConstraint"
  | "enum"
  | "sequence"
  | "view"
  | "extension"
  | "domain"
  | "compositeType"
  | "function"
  | "trigger"
  | "policy";

export interface NameFilterParentNames {
  readonly schemaName?: string;
  readonly tableName?: string;
  readonly schemaQualifiedTableName?: string;
}

export type IncludeNameFn = (name: string | undefined, type: NameFilterType, parentNames: NameFilterParentNames) => boolean;

export interface ReflectOptions {
  /** Schemas besides the default one to read: true for all, or a list. */
  readonly includeSchemas?: boolean | readonly string[];
  readonly includeName?: IncludeNameFn;
  /** Never reflected; defaults to `strata_version`. */
  readonly versionTable?: string;
}

export const DEFAULT_VERSION_TABLE = "strata_version";
