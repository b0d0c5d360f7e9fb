import { enumType, scalarType, type EnumTypeRef, type ScalarType, type SqlType, type TypeArg } from "../model/index.js";

/**
 * Column types as migrations write them: one builder per portable type, with
 * that type's parameters, plus `type` for dialect-native types. They build the
 * model's SqlType values, so a migration and the compiler agree on equality.
 */
export const typeBuilders = {
  smallint: (): ScalarType => scalarType("smallint"),
  integer: (): ScalarType => scalarType("integer"),
  bigint: (): ScalarType => scalarType("bigint"),
  decimal: (precision?: number, scale?: number): ScalarType => scalarType("decimal", definedArgs(precision, scale)),
  real: (): ScalarType => scalarType("real"),
  double: (): ScalarType => scalarType("double"),
  boolean: (): ScalarType => scalarType("boolean"),
  text: (): ScalarType => scalarType("text"),
  varchar: (length?: number): ScalarType => scalarType("varchar", definedArgs(length)),
  char: (length?: number): ScalarType => scalarType("char", definedArgs(length)),
  bytes: (): ScalarType => scalarType("bytes"),
  date: (): ScalarType => scalarType("date"),
  time: (precision?: number): ScalarType => scalarType("time", definedArgs(precision)),
  timestamp: (precision?: number): ScalarType => scalarType("timestamp", definedArgs(precision)),
  timestamptz: (precision?: number): ScalarType => scalarType("timestamptz", definedArgs(precision)),
  json: (): ScalarType => scalarType("json"),
  uuid: (): ScalarType => scalarType("uuid"),

  /** A dialect-native type, passed through as written: `s.type("inet")`, `s.type("set", ["a", "b"])`. */
  type: (name: string, args: readonly TypeArg[] = []): ScalarType => scalarType(name, args),
  /** A named enum type: `s.enumType("role")`, `s.enumType("level", "audit")`. */
  enumType: (name: string, schema?: string): EnumTypeRef => enumType(name, schema),
  /** MySQL `unsigned`: `s.unsigned(s.integer())`. */
  unsigned: (type: ScalarType): ScalarType => scalarType(type.name, type.args, { unsigned: true, arrayDims: type.arrayDims }),
  /** MySQL `unsigned zerofill`: `s.zerofill(s.integer())`. */
  zerofill: (type: ScalarType): ScalarType => scalarType(type.name, type.args, { zerofill: true, arrayDims: type.arrayDims }),
  /** SQLite: `type` declared exactly as `text` (`s.declared("INT", s.integer())`), which DDL writes verbatim. */
  declared: (text: string, type: ScalarType): ScalarType =>
    scalarType(type.name, type.args, { unsigned: type.unsigned, arrayDims: type.arrayDims, declared: text }),
  /** PostgreSQL arrays: `s.array(s.text())` is `text[]`, `s.array(s.integer(), 2)` is `integer[][]`. */
  array: <T extends SqlType>(type: T, dimensions = 1): T =>
    type.kind === "enum"
      ? (enumType(type.name, type.schema, (type.arrayDims ?? 0) + dimensions) as T)
      : (scalarType(type.name, type.args, { unsigned: type.unsigned, arrayDims: (type.arrayDims ?? 0) + dimensions }) as T),
};

/** The portable types that have a builder of their own, with how many numeric parameters it takes. */
export const PORTABLE_BUILDER_ARITY: ReadonlyMap<string, number> = new Map([
  ...["smallint", "integer", "bigint", "real", "double", "boolean", "text", "bytes", "date", "json", "uuid"].map((n) => [n, 0] as const),
  ...["varchar", "char", "time", "timestamp", "timestamptz"].map((n) => [n, 1] as const),
  ["decimal", 2] as const,
]);

// `decimal(10)` keeps one parameter; a trailing undefined is not a parameter.
function definedArgs(...args: Array<number | undefined>): number[] {
  const out: number[] = [];
  for (const arg of args) {
    if (arg === undefined) break;
    out.push(arg);
  }
  return out;
}
