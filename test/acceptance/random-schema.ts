/**
 * The model the property test edits: tables with typed columns, defaults,
 * named and unnamed constraints, foreign keys (cycles allowed), views over
 * tables and over views, and enums, for one dialect; and its `.schema`
 * text. The edits themselves live in random-edits.ts; every model they
 * leave is valid on its dialect.
 */
import type { DialectName } from "../support/databases.js";

export interface ColumnModel {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  /** undefined: not unique; "named" or "unnamed" (the database names it). */
  unique?: "named" | "unnamed";
  indexed: boolean;
  check?: "named" | "unnamed";
  references?: { table: string; named: boolean; onDelete?: "noAction" | "restrict" };
  /** Made for a foreign key (even if it has none now): it holds NULL, so a downgrade can restore the key over rows. */
  foreignKeyColumn?: boolean;
  /** The column's own collation (text columns). */
  collation?: string;
  /** MySQL `@onUpdate(now())` (timestamp columns). */
  onUpdate?: boolean;
  renamedFrom?: string;
}

export interface TableModel {
  name: string;
  columns: ColumnModel[];
  /** Whether the test keeps a row in it (some tables stay empty, so changes run with and without data). */
  rows: boolean;
  renamedFrom?: string;
  /** PostgreSQL: `id` is an identity column with these sequence options. */
  identity?: { start: number; increment: number };
  /** SQLite `STRICT` (its columns are then integer or text only). */
  strict?: boolean;
}

/** `select id, <columns> from <source>`; the source is a table or another view. */
export interface ViewModel {
  name: string;
  source: string;
  columns: string[];
}

export interface EnumModel {
  name: string;
  values: string[];
}

export interface SchemaModel {
  readonly dialect: DialectName;
  tables: TableModel[];
  views: ViewModel[];
  enums: EnumModel[];
  counter: number;
}

export function emptyModel(dialect: DialectName): SchemaModel {
  return { dialect, tables: [], views: [], enums: [], counter: 0 };
}

/** A name not used before in this history (so a dropped name never comes back meaning something else). */
export function fresh(model: SchemaModel, prefix: string): string {
  return `${prefix}${++model.counter}`;
}

export function schemaText(model: SchemaModel): string {
  const enums = model.enums.map((e) => `enum ${e.name} { ${e.values.join(" ")} }`);
  const tables = model.tables.map((table) => {
    const identity = table.identity ? ` @identity(start: ${table.identity.start}, increment: ${table.identity.increment})` : "";
    const lines = [`  id integer @id${identity}`];
    for (const c of table.columns) lines.push(`  ${c.name} ${c.type}${c.nullable ? "?" : ""}${attributes(table, c)}`);
    for (const c of table.columns.filter((c) => c.indexed)) lines.push(`  @@index([${c.name}], name: "ix_${table.name}_${c.name}")`);
    if (table.renamedFrom) lines.push(`  @@renamedFrom("${table.renamedFrom}")`);
    if (table.strict) lines.push("  @@strict");
    return `table ${table.name} {\n${lines.join("\n")}\n}`;
  });
  const views = model.views.map((v) => `view ${v.name} = sql("select ${["id", ...v.columns].join(", ")} from ${v.source}")`);
  return [...enums, ...tables, ...views].join("\n\n");
}

function attributes(table: TableModel, c: ColumnModel): string {
  const attrs: string[] = [];
  if (c.default !== undefined) attrs.push(`@default(${c.default})`);
  if (c.collation !== undefined) attrs.push(`@collate("${c.collation}")`);
  if (c.onUpdate) attrs.push("@onUpdate(now())");
  if (c.unique) attrs.push(c.unique === "named" ? `@unique(name: "uq_${table.name}_${c.name}")` : "@unique");
  if (c.check) attrs.push(`@check(sql("${c.name} >= 0")${c.check === "named" ? `, name: "ck_${table.name}_${c.name}"` : ""})`);
  if (c.references) {
    const action = c.references.onDelete ? `, onDelete: ${c.references.onDelete}` : "";
    attrs.push(`@references(${c.references.table}.id${action}${c.references.named ? `, name: "fk_${table.name}_${c.name}"` : ""})`);
  }
  if (c.renamedFrom) attrs.push(`@renamedFrom("${c.renamedFrom}")`);
  return attrs.length ? ` ${attrs.join(" ")}` : "";
}

/** After a step is written: renames are done, so the next schema no longer says where names came from. */
export function settle(model: SchemaModel): void {
  for (const table of model.tables) {
    table.renamedFrom = undefined;
    for (const c of table.columns) c.renamedFrom = undefined;
  }
}
