import type { Column, Index, IndexElement, Table } from "../../model/index.js";
import type { GenerateContext, JsKind } from "./generate-context.js";

/** A column's drizzle builder call before the shared modifiers (`.notNull()`, `.default()`, ...). */
export interface ColumnBuilderCode {
  /** e.g. `varchar("email", { length: 255 })`, with `.array()` already applied. */
  readonly call: string;
  readonly kind: JsKind;
  /** The builder itself carries `autoincrement()` (PostgreSQL `serial`), so no modifier is added. */
  readonly autoincrementBuiltIn?: boolean;
}

/**
 * What differs between drizzle's dialect modules (pg-core, sqlite-core,
 * mysql-core); everything else is written once for all three. Capabilities a
 * dialect lacks are warnings raised by its target, never silent skips.
 */
export interface DrizzleTarget {
  /** `drizzle-orm/pg-core`, ... */
  readonly coreModule: string;
  /** The call that declares `table`: `pgTable`, `auditSchema.table`, `sqliteTable`, `mysqlTable`. */
  tableFunction(table: Table, ctx: GenerateContext): string;
  /** Every name the module might import from the core module, kept free at the top level. */
  readonly coreNames: readonly string[];
  columnBuilder(column: Column, table: Table, ctx: GenerateContext): ColumnBuilderCode;
  /** The modifier that makes the column auto-incrementing, or undefined after a warning. */
  autoincrement(column: Column, table: Table, ctx: GenerateContext): string | undefined;
  /** `.defaultNow()` or its equivalent for a column of this builder. */
  nowDefault(column: Column, ctx: GenerateContext): string;
  identity(column: Column, table: Table, ctx: GenerateContext): string | undefined;
  generated(column: Column, table: Table, ctx: GenerateContext): string;
  /** A single-column primary key's modifier: `.primaryKey()`, or SQLite's `.primaryKey({ autoIncrement: true })`. */
  primaryKeyModifier(column: Column, table: Table): string;
  /** One index element as an argument of `.on(...)`; `ref` is the column as `t.key`. */
  indexElement(
    element: IndexElement,
    ref: string | undefined,
    index: Index,
    table: Table,
    ctx: GenerateContext,
  ): string;
  /** `.on(elements)`, or PostgreSQL's `.using(method, elements)`. */
  indexColumns(index: Index, elements: readonly string[], table: Table, ctx: GenerateContext): string;
  readonly partialIndexes: boolean;
  /** Schemas, sequences and other objects only some dialects have; returns top-level declarations. */
  schemaObjects(ctx: GenerateContext): string[];
}
