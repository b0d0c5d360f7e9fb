import type { ScalarType } from "../../model/index.js";
import { spellMysqlType } from "../../dialects/mysql/mysql-types.js";
import type { ColumnBuilderCode, DrizzleTarget } from "./drizzle-target.js";
import type { GenerateContext, JsKind } from "./generate-context.js";
import { options, str } from "./js-names.js";
import { orderedElement } from "./ordered-element.js";
import { unsupportedSequences } from "./unsupported-sequences.js";

type Builder = (name: string, type: ScalarType, ctx: GenerateContext) => ColumnBuilderCode;

const unsigned = (type: ScalarType) => (type.unsigned ? true : undefined);
const numeric =
  (fn: string, kind: JsKind, extra: Record<string, string> = {}): Builder =>
  (name, type, ctx) => ({
    call: `${ctx.core(fn)}(${name}${options({ ...extra, unsigned: unsigned(type) })})`,
    kind,
  });
const plain =
  (fn: string, kind: JsKind): Builder =>
  (name, _type, ctx) => ({ call: `${ctx.core(fn)}(${name})`, kind });
const sized =
  (fn: string, arg: string): Builder =>
  (name, type, ctx) => ({
    call: `${ctx.core(fn)}(${name}${options({ [arg]: type.args[0] as number | undefined })})`,
    kind: "string",
  });
// Dates and times as the server prints them: no time zone shifts, no lost microseconds.
const dated =
  (fn: string): Builder =>
  (name, type, ctx) => ({
    call: `${ctx.core(fn)}(${name}${options({ mode: "string", fsp: type.args[0] as number | undefined })})`,
    kind: "string",
  });
const custom =
  (data: string, kind: JsKind): Builder =>
  (name, type, ctx) => ({
    call: `${ctx.customType(spellMysqlType(type), data)}(${name})`,
    kind,
  });

/** drizzle mysql-core builders for the model's canonical MySQL type names. */
const BUILDERS: Readonly<Record<string, Builder>> = {
  tinyint: numeric("tinyint", "number"),
  smallint: numeric("smallint", "number"),
  mediumint: numeric("mediumint", "number"),
  integer: numeric("int", "number"),
  // Values past 2^53 must not be rounded: bigint columns read as JavaScript bigints.
  bigint: numeric("bigint", "bigint", { mode: "bigint" }),
  decimal: (name, type, ctx) => ({
    call: `${ctx.core("decimal")}(${name}${options({ precision: type.args[0] as number | undefined, scale: type.args[1] as number | undefined, unsigned: unsigned(type) })})`,
    kind: "string",
  }),
  real: numeric("float", "number"),
  double: numeric("double", "number"),
  boolean: plain("boolean", "boolean"),
  text: plain("text", "string"),
  tinytext: plain("tinytext", "string"),
  mediumtext: plain("mediumtext", "string"),
  longtext: plain("longtext", "string"),
  varchar: sized("varchar", "length"),
  char: sized("char", "length"),
  uuid: (name, _type, ctx) => ({ call: `${ctx.core("char")}(${name}, { length: 36 })`, kind: "string" }),
  binary: (name, type, ctx) => ({
    call: `${ctx.core("binary")}(${name}${options({ length: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  varbinary: (name, type, ctx) => ({
    call: `${ctx.core("varbinary")}(${name}${options({ length: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  bytes: custom("Uint8Array", "bytes"),
  tinyblob: custom("Uint8Array", "bytes"),
  blob: custom("Uint8Array", "bytes"),
  mediumblob: custom("Uint8Array", "bytes"),
  date: (name, _type, ctx) => ({ call: `${ctx.core("date")}(${name}, { mode: "string" })`, kind: "string" }),
  time: (name, type, ctx) => ({
    call: `${ctx.core("time")}(${name}${options({ fsp: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  timestamp: dated("datetime"),
  timestamptz: dated("timestamp"),
  year: plain("year", "number"),
  json: plain("json", "json"),
};

// Only mysql-core's timestamp builder has defaultNow(); datetime takes the SQL.
const NOW_BUILDERS = new Set(["timestamptz"]);

export const mysqlTarget: DrizzleTarget = {
  coreModule: "drizzle-orm/mysql-core",
  coreNames: [
    "mysqlTable",
    "mysqlEnum",
    "customType",
    "primaryKey",
    "foreignKey",
    "unique",
    "check",
    "index",
    "uniqueIndex",
    "tinyint",
    "smallint",
    "mediumint",
    "int",
    "bigint",
    "decimal",
    "float",
    "double",
    "boolean",
    "text",
    "tinytext",
    "mediumtext",
    "longtext",
    "varchar",
    "char",
    "binary",
    "varbinary",
    "date",
    "time",
    "datetime",
    "timestamp",
    "year",
    "json",
  ],

  tableFunction(_table, ctx) {
    return ctx.core("mysqlTable");
  },

  columnBuilder(column, _table, ctx) {
    const name = str(column.name);
    const type = column.type;
    if (type.kind === "enum") {
      const values = ctx.enumValues(type).map(str).join(", ");
      return { call: `${ctx.core("mysqlEnum")}(${name}, [${values}])`, kind: "string" };
    }
    return BUILDERS[type.name]?.(name, type, ctx) ?? custom("string", "other")(name, type, ctx);
  },

  autoincrement() {
    return ".autoincrement()";
  },

  nowDefault(column, ctx) {
    return column.type.kind === "scalar" && NOW_BUILDERS.has(column.type.name)
      ? ".defaultNow()"
      : `.default(${ctx.sql("CURRENT_TIMESTAMP")})`;
  },

  identity(column, table, ctx) {
    ctx.warn(`column ${table.key}.${column.name}`, "MySQL has no identity columns; @identity is not in the module");
    return undefined;
  },

  generated(column, _table, ctx) {
    const generated = column.generated!;
    return `.generatedAlwaysAs(${ctx.sql(generated.expression)}, { mode: ${generated.stored ? '"stored"' : '"virtual"'} })`;
  },

  primaryKeyModifier() {
    return ".primaryKey()";
  },

  partialIndexes: false,

  indexElement(element, ref, index, _table, ctx) {
    if (element.kind === "expression") return ctx.sql(`(${element.sql})`);
    if (element.opclass)
      ctx.warn(
        `index ${index.name}`,
        `MySQL has no operator classes; ops "${element.opclass}" on ${element.name} is not in the module`,
      );
    if (element.nulls)
      ctx.warn(
        `index ${index.name}`,
        `MySQL has no NULLS ${element.nulls.toUpperCase()}; nulls: ${element.nulls} on ${element.name} is not in the module`,
      );
    return orderedElement(ref!, { ...element, nulls: undefined }, ctx);
  },

  indexColumns(index, elements, _table, ctx) {
    const using = index.using === "btree" || index.using === "hash" ? `.using(${str(index.using)})` : "";
    if (index.using && !using) {
      ctx.warn(
        `index ${index.name}`,
        `drizzle-orm's MySQL indexes take only using btree or hash; using: ${index.using} is not in the module`,
      );
    }
    return `.on(${elements.join(", ")})${using}`;
  },

  schemaObjects: unsupportedSequences,
};
