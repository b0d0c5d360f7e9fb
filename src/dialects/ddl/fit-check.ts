import { formatType, type SqlType } from "../../model/index.js";
import { typeChangeLoss } from "../../ops/type-change.js";
import type { Statement } from "../ddl-compiler.js";

/** How a dialect writes the few functions a fit check needs. */
export interface FitSql {
  /** Characters in a value of any type: `char_length(x::text)`, `CHAR_LENGTH(x)`, `length(x)`. */
  length(value: string): string;
  /** The value in another type, as an explicit cast: `CAST(x AS t)`. */
  cast(value: string, type: SqlType): string;
  /** Whether integer types have the SQL widths (false on SQLite, whose integers are all 64-bit). */
  readonly integerWidths: boolean;
  /** The fractional-second precision of a time type written without one (6, MySQL 0); undefined where none is kept (SQLite stores text). */
  readonly timePrecision: number | undefined;
}

const NUMERIC = new Set(["tinyint", "smallint", "mediumint", "integer", "bigint", "decimal", "real", "double"]);
const INTEGERS: Record<string, readonly [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  mediumint: [-8388608n, 8388607n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};
const UNSIGNED_MAX: Record<string, bigint> = { tinyint: 255n, smallint: 65535n, mediumint: 16777215n, integer: 4294967295n, bigint: 18446744073709551615n };
const LENGTHS = new Set(["varchar", "char"]);
const TIMES = new Set(["timestamp", "timestamptz", "time", "timetz"]);

/**
 * A condition, in SQL, that holds for a value of `column` (typed `from`) that
 * would not survive becoming `to`: longer than a varchar/char's length,
 * outside an integer's range or not whole, more digits than a decimal
 * holds or more decimals than its scale, finer than a time's precision.
 * Undefined when the change cannot lose anything, or when the database's own
 * conversion fails loudly on every value that does not fit (text → integer).
 * Without `from` (a hand-written op that does not say), only what holds for
 * any source type is checked: a varchar/char's length.
 * Databases round or truncate these silently (an explicit cast, MySQL's
 * fractional rounding), so the migration checks first and fails instead.
 */
export function misfitCondition(column: string, from: SqlType | undefined, to: SqlType, sql: FitSql): string | undefined {
  if (to.kind === "scalar" && from?.kind === "scalar" && TIMES.has(to.name) && from.name === to.name && !to.arrayDims && !from.arrayDims) {
    // Precision is dialect-dependent (no precision is 6 on PostgreSQL, 0 on MySQL), so it is judged here.
    if (sql.timePrecision === undefined) return undefined;
    const precision = (type: typeof to) => (typeof type.args[0] === "number" ? type.args[0] : sql.timePrecision!);
    return precision(to) < precision(from) ? `${sql.cast(column, to)} <> ${column}` : undefined;
  }
  if (from !== undefined && (typeChangeLoss(from, to) === undefined || from.kind !== "scalar" || from.arrayDims)) return undefined;
  if (to.kind !== "scalar" || to.arrayDims) return undefined;
  const source = from?.kind === "scalar" ? from : undefined;
  const numericSource = source !== undefined && NUMERIC.has(source.name);
  const [size, scale] = to.args;
  if (LENGTHS.has(to.name) && typeof size === "number") return `${sql.length(column)} > ${size}`;
  if (to.name in INTEGERS && numericSource) {
    const conditions = ["decimal", "real", "double"].includes(source!.name) ? [`${column} <> FLOOR(${column})`] : [];
    if (sql.integerWidths) {
      const [min, max] = to.unsigned ? [0n, UNSIGNED_MAX[to.name]] : INTEGERS[to.name];
      conditions.push(`${column} < ${min}`, `${column} > ${max}`);
    }
    return conditions.length ? conditions.join(" OR ") : undefined;
  }
  if (to.name === "decimal" && typeof size === "number" && numericSource) {
    const decimals = typeof scale === "number" ? scale : 0;
    const limit = `1${"0".repeat(Math.max(size - decimals, 0))}`;
    return `${column} <> ROUND(${column}, ${decimals}) OR ABS(${column}) >= ${limit}`;
  }
  return undefined;
}

/**
 * The statement that fails a migration, before it changes anything, when
 * some row of `table` holds a value of `column` that would not survive the
 * change of type; undefined when nothing can be lost.
 */
export function fitCheck(
  table: { sql: string; shown: string },
  column: { sql: string; name: string },
  from: SqlType | undefined,
  to: SqlType,
  sql: FitSql,
  extra?: string,
): Statement | undefined {
  const found = [misfitCondition(column.sql, from, to, sql), extra].filter((c) => c !== undefined);
  const condition = found.length ? found.join(" OR ") : undefined;
  if (condition === undefined) return undefined;
  return {
    sql: `SELECT ${column.sql} AS ${column.sql} FROM ${table.sql} WHERE ${column.sql} IS NOT NULL AND (${condition}) LIMIT 5`,
    expectNoRows:
      `values of ${table.shown}.${column.name} do not fit ${formatType(to)} (they would be truncated or rounded); ` +
      "change or remove those rows first, or keep the wider type",
  };
}
