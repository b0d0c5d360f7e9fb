import { scalarType, tableKey, type MetaData, type ScalarType, type SqlType, type TypeArg, type TypeSpec } from "../../model/index.js";
import type { MysqlFlavor } from "./mysql-defaults.js";
import { parseQuotedList, quoteString } from "./mysql-sql-text.js";

/**
 * MySQL/MariaDB types in the model. Decisions (one spelling for one thing):
 * - an integer's display width is kept where the server reports it
 *   (MariaDB always, MySQL 8 only with ZEROFILL) and it is not the
 *   server's default for the type (`int(11)` is `integer`, `int(10)` stays
 *   `integer(10)`); signed `tinyint(1)` is `boolean`, which is how MySQL
 *   spells BOOLEAN; `zerofill` is kept (and implies `unsigned`);
 * - `datetime` is `timestamp` (no time zone) and MySQL `TIMESTAMP` (stored
 *   as UTC, shown in the session's zone) is `timestamptz`;
 * - `float` is `real` (4 bytes), `double`/`double precision` is `double`;
 *   the deprecated `float(m, d)`/`double(m, d)` lose (m, d), with a
 *   reflection warning;
 * - `longblob` is `bytes`; `blob`, `tinyblob`, `mediumblob` stay native;
 * - `text` is TEXT; `tinytext`, `mediumtext`, `longtext` stay native;
 * - `json` is JSON (MariaDB stores it as LONGTEXT + a json_valid check,
 *   which reflection maps back); `uuid` is CHAR(36), and MariaDB's native
 *   UUID type reflects as `uuid` too.
 */
const length = (lo: number, hi: number, min = 1) => ({ min, max: 1, names: ["length"], ranges: [[lo, hi]] as const });
const precision = { min: 0, max: 1, names: ["precision"], ranges: [[0, 6]] as const };
const decimalParams = { min: 0, max: 2, names: ["precision", "scale"], ranges: [[1, 65], [0, 30]] as const };

const NATIVE = (name: string, description: string): TypeSpec => ({ name, description });
const displayWidth = { min: 0, max: 1, names: ["display width"], ranges: [[1, 255]] as const };
const INTEGER = (name: string, description: string, aliasOf?: string): TypeSpec => ({ name, params: displayWidth, description, ...(aliasOf ? { aliasOf } : {}) });

/**
 * The display width MySQL gives an integer type written without one (what
 * `int` reads back as: `int(11)`, `int(10) unsigned`): a width equal to it
 * is no width at all.
 */
const DEFAULT_WIDTHS: Readonly<Record<string, readonly [signed: number, unsigned: number]>> = {
  tinyint: [4, 3],
  smallint: [6, 5],
  mediumint: [9, 8],
  integer: [11, 10],
  bigint: [20, 20],
};

export const MYSQL_NATIVE_TYPES: readonly TypeSpec[] = [
  // MySQL has no unbounded varchar: the portable type's length is required here.
  { name: "varchar", params: length(1, 65_535), description: "text of at most n characters: varchar(n)" },
  // Integers take a display width (`int(10)`, `tinyint(1)` is boolean).
  INTEGER("tinyint", "1-byte integer: tinyint(width)"),
  INTEGER("smallint", "2-byte integer: smallint(width)"),
  INTEGER("mediumint", "3-byte integer: mediumint(width)"),
  INTEGER("integer", "4-byte integer: integer(width)"),
  INTEGER("int", "integer", "integer"),
  INTEGER("bigint", "8-byte integer: bigint(width)"),
  NATIVE("year", "a year, 1901 to 2155"),
  { name: "bit", params: length(1, 64, 0), description: "bit field of n bits: bit(n)" },
  NATIVE("tinytext", "text of at most 255 bytes"),
  NATIVE("mediumtext", "text of at most 16 MB"),
  NATIVE("longtext", "text of at most 4 GB"),
  { name: "binary", params: length(0, 255, 0), description: "fixed-length binary string: binary(n)" },
  { name: "varbinary", params: length(0, 65_535), description: "binary string of at most n bytes: varbinary(n)" },
  NATIVE("tinyblob", "binary data of at most 255 bytes"),
  NATIVE("blob", "binary data of at most 64 KB"),
  NATIVE("mediumblob", "binary data of at most 16 MB"),
  { name: "set", stringParams: true, description: "a set of the listed values: set('a', 'b')" },
  NATIVE("geometry", "any geometry"),
  NATIVE("point", "a point"),
  NATIVE("linestring", "a line string"),
  NATIVE("polygon", "a polygon"),
  NATIVE("multipoint", "points"),
  NATIVE("multilinestring", "line strings"),
  NATIVE("multipolygon", "polygons"),
  NATIVE("geometrycollection", "geometries"),
  NATIVE("inet4", "MariaDB IPv4 address"),
  NATIVE("inet6", "MariaDB IPv6 address"),
  { name: "float", aliasOf: "real", description: "real (4-byte floating point)" },
  { name: "datetime", aliasOf: "timestamp", params: precision, description: "timestamp (date and time without time zone)" },
  { name: "longblob", aliasOf: "bytes", description: "bytes (binary data of at most 4 GB)" },
  { name: "dec", aliasOf: "decimal", params: decimalParams, description: "decimal" },
  { name: "fixed", aliasOf: "decimal", params: decimalParams, description: "decimal" },
];

/** A column type as reflection reads it: a model type, or the values of an inline ENUM. */
export type ReflectedType = { readonly kind: "type"; readonly type: SqlType } | { readonly kind: "enum"; readonly values: string[] };

/** `information_schema.COLUMNS.COLUMN_TYPE` (`int(10) unsigned`, `enum('a','b')`) → model type. */
export function parseColumnType(columnType: string): ReflectedType {
  const match = /^(\w+)(?:\((.*)\))?(.*)$/s.exec(columnType.trim());
  if (!match) throw new MysqlTypeError(`unreadable column type: ${columnType}`);
  const name = match[1].toLowerCase();
  const argsText = match[2] ?? "";
  const unsigned = /\bunsigned\b/i.test(match[3]);
  const zerofill = /\bzerofill\b/i.test(match[3]);
  if (name === "enum") return { kind: "enum", values: parseQuotedList(argsText) };
  if (name === "set") return { kind: "type", type: scalarType("set", parseQuotedList(argsText)) };
  const args = argsText ? argsText.split(",").map((a) => Number(a.trim())) : [];
  const type = (n: string, a: readonly TypeArg[] = []) => ({ kind: "type" as const, type: scalarType(n, a, { unsigned, zerofill }) });
  switch (name) {
    case "tinyint":
    case "smallint":
    case "mediumint":
    case "bigint":
      return { kind: "type", type: normalizeMysqlType(scalarType(name, args, { unsigned, zerofill })) };
    case "int":
    case "integer":
      return { kind: "type", type: normalizeMysqlType(scalarType("integer", args, { unsigned, zerofill })) };
    case "year":
      return type(name);
    case "decimal":
    case "numeric":
      return type("decimal", args);
    case "float":
      return type("real");
    case "double":
    case "real":
      return type("double");
    case "datetime":
      return type("timestamp", args);
    case "timestamp":
      return type("timestamptz", args);
    case "longblob":
      return type("bytes");
    case "geomcollection":
      return type("geometrycollection");
    default:
      return type(name, args);
  }
}

/** The type as MySQL DDL spells it; enum references need the MetaData holding their values. */
export function spellMysqlType(type: SqlType, metadata?: MetaData): string {
  if (type.arrayDims) throw new MysqlTypeError(`MySQL has no array types: ${type.name}${"[]".repeat(type.arrayDims)}`);
  if (type.kind === "enum") {
    const values = metadata?.enums.get(tableKey(type))?.values;
    if (!values) throw new MysqlTypeError(`enum ${tableKey(type)} is not declared in the model, so its values are unknown`);
    return `ENUM(${values.map(quoteString).join(",")})`;
  }
  const args = type.args.length ? `(${type.args.map((a) => (typeof a === "number" ? String(a) : quoteString(a))).join(",")})` : "";
  const spelled = SPELLINGS[type.name]?.(args);
  if (spelled === undefined) throw new MysqlTypeError(`type ${type.name} has no MySQL spelling`);
  return spelled + (type.unsigned ? " UNSIGNED" : "") + (type.zerofill ? " ZEROFILL" : "");
}

const as = (sql: string) => (args: string) => sql + args;
const fixed = (sql: string) => () => sql;

const SPELLINGS: Readonly<Record<string, (args: string) => string>> = {
  smallint: as("SMALLINT"),
  integer: as("INT"),
  bigint: as("BIGINT"),
  decimal: as("DECIMAL"),
  real: fixed("FLOAT"),
  double: fixed("DOUBLE"),
  boolean: fixed("TINYINT(1)"),
  text: fixed("TEXT"),
  varchar: as("VARCHAR"),
  char: as("CHAR"),
  bytes: fixed("LONGBLOB"),
  date: fixed("DATE"),
  time: as("TIME"),
  timestamp: as("DATETIME"),
  timestamptz: as("TIMESTAMP"),
  json: fixed("JSON"),
  uuid: fixed("CHAR(36)"),
  // An enum normalized onto its column carries its values as arguments.
  enum: as("ENUM"),
  tinyint: as("TINYINT"),
  mediumint: as("MEDIUMINT"),
  ...Object.fromEntries(
    MYSQL_NATIVE_TYPES.filter((spec) => !spec.aliasOf && !(spec.name in DEFAULT_WIDTHS)).map((spec) => [spec.name, as(spec.name.toUpperCase())]),
  ),
};

/**
 * The value reflection reads back after `spellMysqlType(type)` ran: the
 * server fills in defaults (`decimal` is `decimal(10,0)`, `char` is
 * `char(1)`) and `uuid` becomes `char(36)`; an integer's display width is
 * dropped where it is the default or the server does not keep it (MySQL 8
 * keeps it only with ZEROFILL), and signed `tinyint(1)` is `boolean`.
 * Comparison applies it to both sides so equal columns never show up as
 * type changes. `flavor` is the server's, when known.
 */
export function normalizeMysqlType(type: SqlType, flavor?: MysqlFlavor): SqlType {
  if (type.kind === "enum") return type;
  const { name, args } = type;
  const extra = { unsigned: type.unsigned, zerofill: type.zerofill, arrayDims: type.arrayDims };
  if (name in DEFAULT_WIDTHS) {
    if (name === "tinyint" && args[0] === 1 && !type.unsigned) return scalarType("boolean", [], extra);
    return flavor === "mysql" && !type.zerofill ? scalarType(name, [], extra) : withoutDefaultWidth(type);
  }
  switch (name) {
    case "decimal":
      return scalarType(name, [args[0] ?? 10, args[1] ?? 0], extra);
    case "char":
    case "binary":
    case "bit":
      return scalarType(name, [args[0] ?? 1], extra);
    case "time":
    case "timestamp":
    case "timestamptz":
      return args[0] === 0 ? scalarType(name, [], extra) : type;
    case "uuid":
      return scalarType("char", [36], extra);
    default:
      return type;
  }
}

/** An integer type without the display width the server gives it by default. */
function withoutDefaultWidth(type: ScalarType): ScalarType {
  const widths = DEFAULT_WIDTHS[type.name];
  if (!widths || type.args[0] !== widths[type.unsigned ? 1 : 0]) return type;
  return scalarType(type.name, [], { unsigned: type.unsigned, zerofill: type.zerofill, arrayDims: type.arrayDims });
}

/** Types whose literal defaults are numbers (everything else is quoted text). */
export function isNumericType(type: SqlType): boolean {
  return type.kind === "scalar" && NUMERIC.has(type.name);
}

/** Binary strings, whose defaults MySQL 8 shows in hex. */
export function isBinaryType(type: SqlType): boolean {
  return type.kind === "scalar" && BINARY.has(type.name);
}

const BINARY = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "bytes"]);
const NUMERIC = new Set(["tinyint", "smallint", "mediumint", "integer", "bigint", "decimal", "real", "double", "year", "bit", "boolean"]);

/** A type MySQL cannot spell, or a catalog type string strata cannot read. */
export class MysqlTypeError extends Error {
  override readonly name = "MysqlTypeError";
}
