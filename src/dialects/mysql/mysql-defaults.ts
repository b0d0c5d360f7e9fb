import { defaults, type DefaultValue, type SqlType } from "../../model/index.js";
import { quoteString, stripOuterParens, unquoteString } from "./mysql-sql-text.js";
import { isBinaryType, isNumericType, MysqlTypeError } from "./mysql-types.js";

/** MariaDB and MySQL 8 write `information_schema.COLUMNS.COLUMN_DEFAULT` differently. */
export type MysqlFlavor = "mariadb" | "mysql";

/** The flavor a `VERSION()` string names (`10.11.6-MariaDB`, `8.0.36`). */
export function mysqlFlavor(serverVersion: string): MysqlFlavor {
  return /mariadb/i.test(serverVersion) ? "mariadb" : "mysql";
}

export interface DefaultContext {
  readonly flavor: MysqlFlavor;
  /** The column's model type (an enum reference for ENUM columns). */
  readonly type: SqlType;
  /** `COLUMNS.EXTRA` (`auto_increment`, `DEFAULT_GENERATED on update ...`). */
  readonly extra: string;
}

const NOW = /^(current_timestamp|now|localtimestamp|localtime)(\(\s*\d*\s*\))?$/i;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const BITS = /^b'([01]*)'$/i;

/**
 * `COLUMN_DEFAULT` → model default. MariaDB quotes string literals
 * (`'abc'`) and writes NULL as `NULL`; MySQL 8 writes literals bare (`abc`)
 * and marks expressions (and CURRENT_TIMESTAMP) with DEFAULT_GENERATED in
 * EXTRA. `DEFAULT NULL` and no default are the same thing (MySQL 8 cannot
 * tell them apart), so both are `undefined`.
 */
export function parseMysqlDefault(raw: string | null, context: DefaultContext): DefaultValue | undefined {
  if (/\bauto_increment\b/i.test(context.extra)) return defaults.autoincrement();
  if (raw === null) return undefined;
  if (context.flavor === "mariadb") {
    if (raw === "NULL") return undefined;
    const text = unquoteString(raw);
    return text === undefined ? bareDefault(raw, context.type) : textLiteral(text, context.type);
  }
  if (/\bdefault_generated\b/i.test(context.extra)) return expression(raw);
  if (isNumericType(context.type)) return bareDefault(raw, context.type);
  // MySQL 8 shows the defaults of binary strings in hex.
  const hex = isBinaryType(context.type) ? /^0x([0-9a-f]*)$/i.exec(raw) : null;
  return textLiteral(hex ? Buffer.from(hex[1], "hex").toString("utf8") : raw, context.type);
}

function textLiteral(text: string, type: SqlType): DefaultValue {
  return type.kind === "enum" ? defaults.enumValue(text) : defaults.literal(text);
}

/** An unquoted default: a number, bits, or an expression. */
function bareDefault(raw: string, type: SqlType): DefaultValue {
  const bits = BITS.exec(raw);
  if (bits) return defaults.number(bits[1] ? BigInt(`0b${bits[1]}`) : 0n);
  if (NUMBER.test(raw)) {
    const value = defaults.number(raw);
    const isBoolean = type.kind === "scalar" && type.name === "boolean";
    if (isBoolean && value.kind === "number" && (value.value === "0" || value.value === "1")) return defaults.literal(value.value === "1");
    return value;
  }
  return expression(raw);
}

function expression(raw: string): DefaultValue {
  const sql = stripOuterParens(raw);
  return NOW.test(sql) ? defaults.now() : defaults.sql(sql);
}

/**
 * A model column's default as MySQL would read it back (normalizeModel):
 * a `sql("...")` default goes through the reader reflection uses
 * (`CURRENT_TIMESTAMP` is now(), `b'101'` is 5, `'abc'` the string), and a
 * number on a string column is the string MySQL stores. What the reader
 * cannot settle stays SQL, for the server to judge (storedDefaults).
 */
export function canonicalMysqlDefault(value: DefaultValue | undefined, type: SqlType): DefaultValue | undefined {
  if (value?.kind === "number" && !isNumericType(type) && !isBinaryType(type)) return defaults.literal(value.value);
  if (value?.kind !== "sql") return value;
  const sql = stripOuterParens(value.sql.trim());
  const text = unquoteString(sql);
  return text === undefined ? bareDefault(sql, type) : textLiteral(text, type);
}

/** `EXTRA` `on update current_timestamp(6)` → the value the column takes on every UPDATE. */
export function parseOnUpdate(extra: string): DefaultValue | undefined {
  const match = /\bon update (\S+)/i.exec(extra);
  if (!match) return undefined;
  return expression(match[1]);
}

/**
 * The DEFAULT clause's value as MySQL DDL writes it, such that reflection
 * reads back the same model value. `now()` carries the column's fractional
 * precision, which MySQL requires to match.
 */
export function spellMysqlDefault(value: DefaultValue, type: SqlType): string {
  switch (value.kind) {
    case "literal":
      if (value.value === null) return "NULL";
      if (typeof value.value === "boolean") return value.value ? "1" : "0";
      return quoteString(value.value);
    case "number":
      return value.value;
    case "enum":
      return quoteString(value.value);
    case "now": {
      const fsp = type.kind === "scalar" && typeof type.args[0] === "number" && type.args[0] > 0 ? `(${type.args[0]})` : "";
      return `CURRENT_TIMESTAMP${fsp}`;
    }
    case "sql":
      return `(${value.sql})`;
    case "autoincrement":
      throw new MysqlTypeError("autoincrement() is spelled AUTO_INCREMENT on the column, not as a DEFAULT");
  }
}
