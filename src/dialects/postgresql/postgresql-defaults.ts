import { defaults, type DefaultValue } from "../../model/index.js";
import { castLiteral, stripOuterParens, tidySql } from "./postgresql-sql-text.js";

/** What a column's default is read against. */
export interface DefaultContext {
  /** `format_type(atttypid, atttypmod)` and `format_type(atttypid, NULL)`: the casts PostgreSQL puts on this column's literals. */
  readonly typeSpellings: readonly string[];
  /** `pg_type.typcategory` of the column's type: `N` numeric, `E` enum, ... */
  readonly category: string;
  /** `regclass` text of the sequence this column owns (serial), if any. */
  readonly ownedSequence?: string;
}

const STRING_CASTS = new Set(["text", "character varying", "bpchar", "character", "name", "citext"]);
const NUMBER_CASTS = new Set(["smallint", "integer", "bigint", "numeric", "real", "double precision"]);
const NOW = new Set(["now()", "current_timestamp", "transaction_timestamp()"]);
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * A default as `pg_get_expr(adbin, adrelid)` prints it, as the model value the
 * parser builds for the same thing: `'a'::text` is "a", `'-1'::integer` and
 * `(-1)` are -1, `'member'::role` is the enum value, `nextval` of the
 * column's own sequence is autoincrement. Never asks the database.
 * `CURRENT_TIMESTAMP` and `transaction_timestamp()` are now() to compare;
 * read `asWritten` (reflection, so pull writes what the catalog holds) they
 * stay SQL, and only `now()`, which is how the DDL writes now(), is now().
 */
export function defaultFromCatalog(expression: string, column: DefaultContext, options: { asWritten?: boolean } = {}): DefaultValue {
  const text = expression.trim();
  if (/^NULL(::.*)?$/.test(text)) return defaults.literal(null);
  if (text === "true" || text === "false") return defaults.literal(text === "true");
  if (options.asWritten ? text === "now()" : NOW.has(text.toLowerCase())) return defaults.now();
  const sequence = /^nextval\('((?:[^']|'')*)'::regclass\)$/.exec(text)?.[1];
  if (sequence !== undefined && sequence.replaceAll("''", "'") === column.ownedSequence) return defaults.autoincrement();
  // `-1::int` is `-(1::int)`, which PostgreSQL prints as `- 1`.
  const bare = stripOuterParens(text).replace(/^-\s+(?=\d)/, "-");
  if (NUMBER.test(bare)) return defaults.number(bare);
  const literal = castLiteral(text);
  if (literal) {
    const ownType = column.typeSpellings.includes(literal.cast);
    if (ownType && column.category === "E") return defaults.enumValue(literal.value);
    if ((ownType && column.category === "N") || NUMBER_CASTS.has(literal.cast)) {
      if (NUMBER.test(literal.value)) return defaults.number(literal.value);
    } else if (ownType || STRING_CASTS.has(literal.cast)) {
      return defaults.literal(literal.value);
    }
  }
  return defaults.sql(tidySql(text));
}
