import type { ScalarType } from "../../model/index.js";
import { spellSqliteType } from "../../dialects/sqlite/sqlite-types.js";
import type { ColumnBuilderCode, DrizzleTarget } from "./drizzle-target.js";
import { DrizzleGenerateError, type GenerateContext } from "./generate-context.js";
import { orderedElement } from "./ordered-element.js";
import { unsupportedSequences } from "./unsupported-sequences.js";
import { options, str } from "./js-names.js";

type Builder = (name: string, type: ScalarType, ctx: GenerateContext) => ColumnBuilderCode;

const integer: Builder = (name, _type, ctx) => ({ call: `${ctx.core("integer")}(${name})`, kind: "number" });
const real: Builder = (name, _type, ctx) => ({ call: `${ctx.core("real")}(${name})`, kind: "number" });
const text: Builder = (name, type, ctx) => ({
  call: `${ctx.core("text")}(${name}${options({ length: type.args[0] as number | undefined })})`,
  kind: "string",
});
// SQLite stores dates and times as the text CURRENT_TIMESTAMP and friends produce.
const textual: Builder = (name, _type, ctx) => ({ call: `${ctx.core("text")}(${name})`, kind: "string" });

/** drizzle sqlite-core builders for the model's canonical SQLite type names (by storage class). */
const BUILDERS: Readonly<Record<string, Builder>> = {
  integer,
  smallint: integer,
  bigint: integer,
  tinyint: integer,
  mediumint: integer,
  boolean: (name, _type, ctx) => ({ call: `${ctx.core("integer")}(${name}, { mode: "boolean" })`, kind: "boolean" }),
  decimal: (name, _type, ctx) => ({ call: `${ctx.core("numeric")}(${name})`, kind: "string" }),
  real,
  double: real,
  float: real,
  text,
  varchar: text,
  char: text,
  nvarchar: text,
  nchar: text,
  clob: text,
  uuid: textual,
  date: textual,
  time: textual,
  timestamp: textual,
  timestamptz: textual,
  datetime: textual,
  json: (name, _type, ctx) => ({ call: `${ctx.core("text")}(${name}, { mode: "json" })`, kind: "json" }),
  bytes: (name, _type, ctx) => ({ call: `${ctx.core("blob")}(${name}, { mode: "buffer" })`, kind: "bytes" }),
};

const isSoleKey = (columnName: string, pk: readonly string[] | undefined) => pk?.length === 1 && pk[0] === columnName;

export const sqliteTarget: DrizzleTarget = {
  coreModule: "drizzle-orm/sqlite-core",
  coreNames: [
    "sqliteTable",
    "customType",
    "primaryKey",
    "foreignKey",
    "unique",
    "check",
    "index",
    "uniqueIndex",
    "integer",
    "real",
    "numeric",
    "text",
    "blob",
  ],

  tableFunction(_table, ctx) {
    return ctx.core("sqliteTable");
  },

  columnBuilder(column, table, ctx) {
    const name = str(column.name);
    const type = column.type;
    if (type.arrayDims) throw new DrizzleGenerateError(`column ${table.key}.${column.name}: SQLite has no array types`);
    if (type.kind === "enum") {
      const values = ctx.enumValues(type).map(str).join(", ");
      return { call: `${ctx.core("text")}(${name}, { enum: [${values}] })`, kind: "string" };
    }
    return (
      BUILDERS[type.name]?.(name, type, ctx) ?? {
        call: `${ctx.customType(spellSqliteType(type), "string")}(${name})`,
        kind: "other",
      }
    );
  },

  autoincrement(column, table, ctx) {
    // Only `INTEGER PRIMARY KEY AUTOINCREMENT` exists; primaryKeyModifier writes it.
    if (isSoleKey(column.name, table.primaryKey?.columns) && !table.primaryKey?.name) return "";
    ctx.warn(
      `column ${table.key}.${column.name}`,
      "SQLite auto-increments only a sole, unnamed INTEGER PRIMARY KEY; autoincrement() is not in the module",
    );
    return undefined;
  },

  nowDefault(_column, ctx) {
    return `.default(${ctx.sql("(CURRENT_TIMESTAMP)")})`;
  },

  identity(column, table, ctx) {
    ctx.warn(`column ${table.key}.${column.name}`, "SQLite has no identity columns; @identity is not in the module");
    return undefined;
  },

  generated(column, _table, ctx) {
    const generated = column.generated!;
    return `.generatedAlwaysAs(${ctx.sql(generated.expression)}, { mode: ${generated.stored ? '"stored"' : '"virtual"'} })`;
  },

  primaryKeyModifier(column) {
    return column.default?.kind === "autoincrement" ? ".primaryKey({ autoIncrement: true })" : ".primaryKey()";
  },

  partialIndexes: true,

  indexElement(element, ref, index, _table, ctx) {
    if (element.kind === "expression") return ctx.sql(element.sql);
    if (element.opclass)
      ctx.warn(
        `index ${index.name}`,
        `SQLite has no operator classes; ops "${element.opclass}" on ${element.name} is not in the module`,
      );
    if (element.length !== undefined)
      ctx.warn(
        `index ${index.name}`,
        `SQLite has no prefix length; (length: ${element.length}) on ${element.name} is not in the module`,
      );
    return orderedElement(ref!, { ...element, length: undefined }, ctx);
  },

  indexColumns(index, elements, _table, ctx) {
    if (index.using)
      ctx.warn(`index ${index.name}`, `SQLite has no index methods; using: ${index.using} is not in the module`);
    return `.on(${elements.join(", ")})`;
  },

  schemaObjects: unsupportedSequences,
};
