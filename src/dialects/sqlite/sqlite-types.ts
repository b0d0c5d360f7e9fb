import { PORTABLE_TYPES, scalarType, type ScalarType, type SqlType, type TypeArg, type TypeSpec } from "../../model/index.js";

/**
 * SQLite keeps a column's declared type exactly as written and only derives
 * an affinity from it, so reflection reads back whatever the DDL said. These
 * are the declared types seen in real SQLite schemas that are not portable
 * types; `aliasOf` marks the ones that are the same thing as a portable type.
 */
// SQLite accepts `NVARCHAR` without a length, so the length is optional here.
const length = { min: 0, max: 1, names: ["length"], ranges: [[1, 1_000_000_000]] as const };

export const SQLITE_NATIVE_TYPES: readonly TypeSpec[] = [
  { name: "any", description: "no declared type (BLOB affinity: values are stored as given); written without a type" },
  { name: "nvarchar", params: length, description: "text of at most n characters (TEXT affinity; SQLite does not enforce n)" },
  { name: "nchar", params: length, description: "fixed-length text (TEXT affinity; SQLite does not enforce n)" },
  { name: "clob", description: "character large object (TEXT affinity)" },
  {
    name: "datetime",
    params: { min: 0, max: 1, names: ["precision"], ranges: [[0, 6]] },
    description: "date and time, stored as text, number or Julian day (NUMERIC affinity); Rails writes datetime(6)",
  },
  {
    name: "float",
    params: { min: 0, max: 1, names: ["precision"], ranges: [[1, 53]] },
    description: "8-byte floating point (REAL affinity)",
  },
  { name: "tinyint", description: "integer (INTEGER affinity; SQLite stores every integer in up to 8 bytes)" },
  { name: "mediumint", description: "integer (INTEGER affinity; SQLite stores every integer in up to 8 bytes)" },
  { name: "blob", aliasOf: "bytes", description: "binary data (bytes)" },
  { name: "int2", aliasOf: "smallint", description: "smallint" },
  { name: "int8", aliasOf: "bigint", description: "bigint" },
];

/** Spellings that only DDL can hold (several words), mapped to the canonical model name. */
const MULTI_WORD_ALIASES: ReadonlyMap<string, string> = new Map([
  ["double precision", "double"],
  ["character varying", "varchar"],
  ["varying character", "varchar"],
  ["character", "char"],
  ["timestamp with time zone", "timestamptz"],
  ["timestamp without time zone", "timestamp"],
]);

const SPECS: ReadonlyMap<string, TypeSpec> = new Map([...PORTABLE_TYPES, ...SQLITE_NATIVE_TYPES].map((s) => [s.name, s]));

/** Portable types whose SQLite spelling is not simply the name in upper case. */
const SPELLINGS: Readonly<Record<string, string>> = {
  bytes: "BLOB",
  any: "",
};

/** A type the model holds but SQLite cannot declare (enums, arrays): a caller skipped a capability check. */
export class UnsupportedSqliteTypeError extends Error {
  constructor(what: string) {
    super(`SQLite cannot declare ${what}`);
    this.name = "UnsupportedSqliteTypeError";
  }
}

const DECLARED = /^\s*([a-z_][\w$]*(?:\s+[a-z_][\w$]*)*)\s*(?:\(([^()]*)\)\s*((?:[a-z_][\w$]*\s*)*))?$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The model type for a declared type as `pragma_table_xinfo` reports it:
 * its meaning (lower case, aliases resolved, `UNSIGNED` kept as the model's
 * flag, arguments dropped only where the canonical type takes none: SQLite
 * ignores `INTEGER(11)`), and, when strata would spell that meaning
 * differently, the declared text itself, which SQLite keeps and DDL writes
 * back verbatim (`INT`, `DECIMAL(4,2)`, `varchar(10)`). A spelling this
 * cannot read becomes a native type named by its whole text.
 */
export function typeFromDeclared(declared: string): SqlType {
  const meaning = meaningOf(declared);
  return spellSqliteType(meaning) === declared ? meaning : scalarType(meaning.name, meaning.args, { unsigned: meaning.unsigned, declared });
}

function meaningOf(declared: string): ScalarType {
  const text = declared.trim();
  if (text === "") return scalarType("any");
  const match = DECLARED.exec(text);
  if (!match) return scalarType(normalizeWords(text));
  const before = normalizeWords(match[1]).split(" ");
  const after = match[3] ? normalizeWords(match[3]).split(" ") : [];
  const argText = match[2];
  let unsigned = false;
  if (after.length === 1 && after[0] === "unsigned") {
    unsigned = true;
  } else if (after.length > 0) {
    return scalarType(normalizeWords(text));
  } else if (argText === undefined && before.length > 1 && before[before.length - 1] === "unsigned") {
    unsigned = true;
    before.pop();
  }
  const args = argText === undefined ? [] : parseArgs(argText);
  if (args === undefined) return scalarType(normalizeWords(text));
  const name = canonicalName(before.join(" "));
  const spec = SPECS.get(name);
  const kept = spec && !spec.params ? [] : args;
  return scalarType(name, kept, { unsigned });
}

function normalizeWords(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function parseArgs(text: string): TypeArg[] | undefined {
  const parts = text.split(",").map((p) => p.trim());
  if (!parts.every((p) => NUMBER.test(p))) return undefined;
  return parts.map(Number);
}

function canonicalName(name: string): string {
  const multi = MULTI_WORD_ALIASES.get(name);
  if (multi !== undefined) return multi;
  return SPECS.get(name)?.aliasOf ?? name;
}

/**
 * The declared type SQLite DDL should use, chosen so that reflecting it gives
 * back the same model value (`bytes` → `BLOB` → `bytes`); a declared type
 * is written as declared.
 */
export function spellSqliteType(type: SqlType): string {
  if (type.kind === "enum") throw new UnsupportedSqliteTypeError(`the enum type "${type.name}"`);
  if (type.arrayDims) throw new UnsupportedSqliteTypeError(`array types (${type.name}[])`);
  if (type.declared !== undefined) return type.declared;
  const name = SPELLINGS[type.name] ?? type.name.toUpperCase();
  const args = type.args.length
    ? `(${type.args.map((a) => (typeof a === "number" ? String(a) : `'${a.replaceAll("'", "''")}'`)).join(", ")})`
    : "";
  return name + args + (type.unsigned ? " UNSIGNED" : "");
}
