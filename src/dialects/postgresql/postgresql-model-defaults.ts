import { canonicalNumber, defaults, type Column, type DefaultValue, type SqlType } from "../../model/index.js";
import { defaultFromCatalog, type DefaultContext } from "./postgresql-defaults.js";
import { quotePgIdentifier } from "./postgresql-identifiers.js";

/**
 * A model column's default as PostgreSQL would read it back, so comparison
 * holds the `.schema` to the catalog's canonical value: a `sql("...")`
 * default goes through the same reader reflection uses (`CURRENT_TIMESTAMP`
 * is now(), `'{}'::integer[]` and a bare `'{}'` on an integer[] column are
 * the literal "{}", `'\x00'::bytea` is the literal "\x00", `3000000000` is
 * the number); a number on a text column is the string PostgreSQL stores,
 * and a numeric string on a number column the number. What the reader
 * cannot settle stays SQL, for the server to judge (storedDefaults).
 */
export function canonicalPostgresqlDefault(column: Column): DefaultValue | undefined {
  const value = column.default;
  if (value === undefined) return undefined;
  const context = defaultContextOf(column.type);
  switch (value.kind) {
    case "sql": {
      const text = value.sql.trim();
      // An untyped string literal takes the column's type, as the server types it.
      const typed = /^'(?:[^']|'')*'$/.test(text) ? `${text}::${context.typeSpellings[0]}` : text;
      return defaultFromCatalog(typed, context);
    }
    case "number":
      return context.category === "S" ? defaults.literal(value.value) : value;
    case "literal":
      if (context.category === "N" && typeof value.value === "string" && canonicalNumber(value.value) !== undefined) {
        return defaults.number(value.value);
      }
      return value;
    default:
      return value;
  }
}

/** What `format_type` prints for these canonical names (with and without a type modifier). */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  varchar: "character varying",
  char: "character",
  decimal: "numeric",
  double: "double precision",
  bytes: "bytea",
  varbit: "bit varying",
};

const TIME_ZONE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  timestamp: ["timestamp", " without time zone"],
  timestamptz: ["timestamp", " with time zone"],
  time: ["time", " without time zone"],
  timetz: ["time", " with time zone"],
};

const NUMERIC = new Set(["smallint", "integer", "bigint", "decimal", "real", "double", "money"]);
const STRING = new Set(["text", "varchar", "char", "citext", "name"]);

/** The reader's context for a model type: the spellings `format_type` gives it, and its `typcategory`. */
function defaultContextOf(type: SqlType): DefaultContext {
  const dims = "[]".repeat(type.arrayDims ?? 0);
  if (type.kind === "enum") {
    const name = (type.schema !== undefined ? `${quotePgIdentifier(type.schema)}.` : "") + quotePgIdentifier(type.name);
    return { typeSpellings: [name + dims], category: dims ? "A" : "E" };
  }
  const args = type.args.length ? `(${type.args.join(",")})` : "";
  const [head, tail] = TIME_ZONE_NAMES[type.name] ?? [FORMAT_NAMES[type.name] ?? type.name, ""];
  const spellings = [head + args + tail + dims, head + tail + dims];
  const category = dims ? "A" : NUMERIC.has(type.name) ? "N" : STRING.has(type.name) ? "S" : "U";
  return { typeSpellings: spellings, category };
}
