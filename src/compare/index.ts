export { MigrationContext, UnknownDialectError, type AutogenOptions, type CompareServerDefaultFn, type CompareTypeFn, type IncludeObjectFn, type SchemaItem } from "./migration-context.js";
export { AutogenContext, DuplicateTableKeyError } from "./autogen-context.js";
export {
  Comparators,
  DuplicateComparatorError,
  Priority,
  STOP,
  type ColumnComparator,
  type ComparatorResult,
  type ComparatorsByScope,
  type DispatchOptions,
  type SchemaComparator,
  type Scope,
  type TableComparator,
} from "./comparators.js";
export { BUILTIN_COMPARATORS, comparators, createComparators } from "./default-comparators.js";
export { AlterColumnDraft } from "./alter-column-draft.js";
export { compareMetadata, compareModels, includedSchemas, NoConnectionError, produceMigrations, reflectDatabase, scriptFor } from "./compare-models.js";
export { orderOps } from "./order-ops.js";
export { normalizeSql } from "./normalize-sql.js";
export { Rewriter, type RewriteFn } from "./rewriter.js";
export {
  runProcessRevisionDirectives,
  type ProcessRevisionDirectives,
  type ProcessRevisionDirectivesFn,
  type RevisionTuple,
} from "./process-revision-directives.js";
