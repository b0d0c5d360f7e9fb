import { canonicalNumber, defaults, type DefaultValue } from "../../model/index.js";
import { tokenizeSql } from "./sqlite-sql-tokens.js";

/** A numeric literal as SQLite reads one. */
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const HEX = /^[+-]?0x[0-9a-f]+$/i;
/** `datetime('now')` is what CURRENT_TIMESTAMP computes (`YYYY-MM-DD HH:MM:SS`, UTC). */
const DATETIME_NOW = /^datetime\s*\(\s*'now'\s*\)$/i;

/**
 * A column default as `pragma_table_xinfo.dflt_value` reports it (the DDL
 * text after DEFAULT) turned into the model's value:
 * numbers, strings (`''` unescaped), TRUE/FALSE and NULL become literals;
 * CURRENT_TIMESTAMP and `datetime('now')`, which yield the same text, become
 * `now()`; a parenthesized literal is that literal; anything else stays SQL,
 * outer parentheses removed, so that `DEFAULT (lower('X'))` and
 * `sql("lower('X')")` are the same value. A boolean column's `1` stays the
 * number 1 and `TRUE` the literal true: SQLite keeps the text as written.
 * For the same reason a bare number not spelled as the model spells numbers
 * (`1.0`, `.5`, `1e3`) stays SQL, `sql("1.0")`, which DDL writes back bare.
 */
export function defaultFromSqlite(text: string): DefaultValue {
  const sql = stripParens(text.trim());
  const upper = sql.toUpperCase();
  if (NUMBER.test(sql)) return sql === text.trim() && canonicalNumber(sql) !== sql ? defaults.sql(sql) : defaults.number(sql);
  if (HEX.test(sql)) {
    const magnitude = BigInt(sql.replace(/^[+-]/, ""));
    return defaults.number(sql.startsWith("-") ? -magnitude : magnitude);
  }
  if (upper === "NULL") return defaults.literal(null);
  if (upper === "TRUE" || upper === "FALSE") return defaults.literal(upper === "TRUE");
  if (upper === "CURRENT_TIMESTAMP" || DATETIME_NOW.test(sql)) return defaults.now();
  const tokens = tokenizeSql(sql);
  if (tokens.length === 1 && tokens[0].kind === "string" && sql.endsWith("'")) return defaults.literal(tokens[0].value);
  return defaults.sql(sql);
}

/** `((x))` → `x`, only when the outer parentheses enclose the whole text. */
function stripParens(text: string): string {
  let sql = text;
  while (sql.startsWith("(") && sql.endsWith(")") && enclosesAll(sql)) sql = sql.slice(1, -1).trim();
  return sql;
}

function enclosesAll(sql: string): boolean {
  const tokens = tokenizeSql(sql);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "punct") continue;
    if (t.value === "(") depth++;
    else if (t.value === ")" && --depth === 0 && i < tokens.length - 1) return false;
  }
  return depth === 0;
}
