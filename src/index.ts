/**
 * The `strata` package: what migrations, `strata.config.ts` and plugins import.
 * Migrations need `Operations` (the type of `op`) and `s` (column, type and
 * constraint builders); plugins need the model, the ops, the registries and
 * the autogenerate API.
 */
export * from "./model/index.js";
export * from "./ops/index.js";
export { s } from "./migration-api/index.js";
export type { ColumnOptions, IndexElementInput, IndexOptions, DefaultInput } from "./migration-api/index.js";
export { compileSchema, loadSchema, formatDiagnostics, SchemaError, type Diagnostic } from "./parse/index.js";
export { formatSchema, printSchema } from "./format/index.js";
export { defineConfig, type StrataConfig, type DatabaseEntry } from "./config/define-config.js";
export type { Dialect, DialectCapabilities, DatabaseConnection } from "./dialects/dialect.js";
export type { ReflectOptions, IncludeNameFn, NameFilterType, NameFilterParentNames } from "./dialects/reflect-options.js";
export { DIALECTS, dialectForUrl, dialectNamed } from "./dialects/registry.js";
export type { DdlCompiler, DdlContext, MigrationBoundary, Statement } from "./dialects/ddl-compiler.js";
export { DdlStateError, MissingDdlHandlerError, UnsupportedDdlError, sqlLiteral } from "./dialects/ddl/index.js";
export {
  AutogenContext,
  MigrationContext,
  Rewriter,
  comparators,
  compareMetadata,
  compareModels,
  produceMigrations,
  type AutogenOptions,
  type CompareServerDefaultFn,
  type CompareTypeFn,
  type IncludeObjectFn,
  type ProcessRevisionDirectives,
} from "./compare/index.js";
export {
  RendererRegistry,
  formatSource,
  renderCode,
  renderMigrationFile,
  renderers,
  tokensFor,
  type RenderItemFn,
  type RenderOptions,
} from "./render/index.js";
export { RevisionGraph, newRevisionId, resolveTarget } from "./revisions/index.js";
export {
  runMigrations,
  sqlScript,
  DdlCheckFailedError,
  executeStatement,
  liveDdlContext,
  VersionTable,
  migrationChecksum,
  PlanError,
  MigrationFailedError,
} from "./runtime/index.js";
export {
  generateDrizzle,
  drizzleSource,
  DrizzleGenerateError,
  type DrizzleModule,
  type DrizzleWarning,
  type GenerateDrizzleOptions,
} from "./generate/drizzle/index.js";
export { concurrentIndexes, lockTimeouts, mysqlOnlineDdl, notNullViaCheck, notValidConstraints, type LockTimeoutsOptions, type NotNullViaCheckOptions } from "./online/index.js";
