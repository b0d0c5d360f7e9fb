import type { Index, IndexElement, ScalarType, Table } from "../../model/index.js";
import { spellPostgresqlType } from "../../dialects/postgresql/postgresql-types.js";
import type { ColumnBuilderCode, DrizzleTarget } from "./drizzle-target.js";
import type { GenerateContext, JsKind } from "./generate-context.js";
import { options, str } from "./js-names.js";
import { pgDeclarations } from "./pg-declarations.js";

type Builder = (
  name: string,
  type: ScalarType,
  ctx: GenerateContext,
  autoincrement: boolean,
) => ColumnBuilderCode | undefined;

const plain =
  (fn: string, kind: JsKind): Builder =>
  (name, _type, ctx) => ({ call: `${ctx.core(fn)}(${name})`, kind });
const integer =
  (fn: string, serial: string, kind: JsKind, mode = ""): Builder =>
  (name, _type, ctx, autoincrement) =>
    autoincrement
      ? { call: `${ctx.core(serial)}(${name}${mode})`, kind, autoincrementBuiltIn: true }
      : { call: `${ctx.core(fn)}(${name}${mode})`, kind };
const precise =
  (fn: string, extra: Record<string, string | boolean> = {}): Builder =>
  (name, type, ctx) => ({
    call: `${ctx.core(fn)}(${name}${options({ mode: "string", ...extra, precision: type.args[0] as number | undefined })})`,
    kind: "string",
  });

/** drizzle pg-core builders for the model's canonical PostgreSQL type names. */
const BUILDERS: Readonly<Record<string, Builder>> = {
  smallint: integer("smallint", "smallserial", "number"),
  integer: integer("integer", "serial", "number"),
  // Values past 2^53 must not be rounded: bigint columns read as JavaScript bigints.
  bigint: integer("bigint", "bigserial", "bigint", ', { mode: "bigint" }'),
  decimal: (name, type, ctx) => ({
    call: `${ctx.core("numeric")}(${name}${options({ precision: type.args[0] as number | undefined, scale: type.args[1] as number | undefined })})`,
    kind: "string",
  }),
  real: plain("real", "number"),
  double: plain("doublePrecision", "number"),
  boolean: plain("boolean", "boolean"),
  text: plain("text", "string"),
  varchar: (name, type, ctx) => ({
    call: `${ctx.core("varchar")}(${name}${options({ length: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  char: (name, type, ctx) => ({
    call: `${ctx.core("char")}(${name}${options({ length: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  // Dates and times as the database prints them: no time zone shifts, no lost microseconds.
  date: (name, _type, ctx) => ({ call: `${ctx.core("date")}(${name}, { mode: "string" })`, kind: "string" }),
  time: (name, type, ctx) => ({
    call: `${ctx.core("time")}(${name}${options({ precision: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  timetz: (name, type, ctx) => ({
    call: `${ctx.core("time")}(${name}${options({ withTimezone: true, precision: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  timestamp: precise("timestamp"),
  timestamptz: precise("timestamp", { withTimezone: true }),
  interval: (name, type, ctx) => ({
    call: `${ctx.core("interval")}(${name}${options({ precision: type.args[0] as number | undefined })})`,
    kind: "string",
  }),
  json: plain("json", "json"),
  jsonb: plain("jsonb", "json"),
  uuid: plain("uuid", "string"),
  inet: plain("inet", "string"),
  cidr: plain("cidr", "string"),
  macaddr: plain("macaddr", "string"),
  macaddr8: plain("macaddr8", "string"),
  bytes: (name, type, ctx) => ({
    call: `${ctx.customType(spellPostgresqlType(type), "Uint8Array")}(${name})`,
    kind: "bytes",
  }),
};

export const pgTarget: DrizzleTarget = {
  coreModule: "drizzle-orm/pg-core",
  coreNames: [
    "pgTable",
    "pgSchema",
    "pgEnum",
    "pgSequence",
    "customType",
    "primaryKey",
    "foreignKey",
    "unique",
    "check",
    "index",
    "uniqueIndex",
    "smallint",
    "smallserial",
    "integer",
    "serial",
    "bigint",
    "bigserial",
    "numeric",
    "real",
    "doublePrecision",
    "boolean",
    "text",
    "varchar",
    "char",
    "date",
    "time",
    "timestamp",
    "interval",
    "json",
    "jsonb",
    "uuid",
    "inet",
    "cidr",
    "macaddr",
    "macaddr8",
  ],

  tableFunction(table, ctx) {
    return table.schema ? `${ctx.schemaVars.get(table.schema)}.table` : ctx.core("pgTable");
  },

  columnBuilder(column, _table, ctx) {
    const name = str(column.name);
    const type = column.type;
    const dims = ".array()".repeat(type.arrayDims ?? 0);
    if (type.kind === "enum") {
      return { call: `${ctx.enumVar(type)}(${name})${dims}`, kind: "string" };
    }
    const autoincrement = column.default?.kind === "autoincrement";
    const built = BUILDERS[type.name]?.(name, type, ctx, autoincrement && !type.arrayDims);
    if (built) return { ...built, call: built.call + dims };
    const spelled = spellPostgresqlType({ ...type, arrayDims: undefined } as ScalarType);
    return { call: `${ctx.customType(spelled, "string")}(${name})${dims}`, kind: "other" };
  },

  autoincrement(column, table, ctx) {
    ctx.warn(
      `column ${table.key}.${column.name}`,
      `autoincrement() on type ${column.type.name} has no drizzle serial builder; the default is not in the module`,
    );
    return undefined;
  },

  nowDefault(column, ctx) {
    return column.type.kind === "scalar" &&
      ["timestamp", "timestamptz", "date", "time", "timetz"].includes(column.type.name)
      ? ".defaultNow()"
      : `.default(${ctx.sql("now()")})`;
  },

  identity(column) {
    return column.identity === "always" ? ".generatedAlwaysAsIdentity()" : ".generatedByDefaultAsIdentity()";
  },

  generated(column, table, ctx) {
    const generated = column.generated!;
    if (!generated.stored) {
      ctx.warn(
        `column ${table.key}.${column.name}`,
        "is a virtual generated column; drizzle-orm's PostgreSQL generatedAlwaysAs is always STORED",
      );
    }
    return `.generatedAlwaysAs(${ctx.sql(generated.expression)})`;
  },

  primaryKeyModifier() {
    return ".primaryKey()";
  },

  partialIndexes: true,

  indexElement(element: IndexElement, ref, index: Index, _table: Table, ctx) {
    if (element.kind === "expression") return ctx.sql(element.sql);
    let code = ref!;
    if (element.order) code += element.order === "desc" ? ".desc()" : ".asc()";
    if (element.nulls) code += element.nulls === "first" ? ".nullsFirst()" : ".nullsLast()";
    if (element.opclass) code += `.op(${str(element.opclass)})`;
    if (element.length !== undefined)
      ctx.warn(
        `index ${index.name}`,
        `PostgreSQL has no prefix length; (length: ${element.length}) on ${element.name} is not in the module`,
      );
    return code;
  },

  indexColumns(index, elements) {
    return index.using ? `.using(${str(index.using)}, ${elements.join(", ")})` : `.on(${elements.join(", ")})`;
  },

  schemaObjects: pgDeclarations,
};
