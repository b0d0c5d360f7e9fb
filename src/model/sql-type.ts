/**
 * A column type as a value: a name plus parameters. The same value comes out
 * of the parser and out of reflection, so two types are equal exactly when
 * `typesEqual` says so; each dialect spells it (`spellType`) in its own SQL.
 *
 * `scalar` names are either portable (see portable-types.ts) or native to a
 * dialect (`inet`, `mediumtext`), always lower case and canonical: dialects
 * normalize aliases (`int4`, `character varying`) before building one.
 */
export type TypeArg = number | string;

export interface ScalarType {
  readonly kind: "scalar";
  readonly name: string;
  readonly args: readonly TypeArg[];
  /** MySQL `unsigned`. */
  readonly unsigned?: boolean;
  /** MySQL `zerofill` (always with `unsigned`: MySQL makes a ZEROFILL column UNSIGNED). */
  readonly zerofill?: boolean;
  /** PostgreSQL array dimensions: `text[]` is 1. */
  readonly arrayDims?: number;
  /**
   * SQLite keeps a declared type as written, and the spelling can matter
   * (`INT PRIMARY KEY` is not the rowid; `INTEGER PRIMARY KEY` is): the text
   * as declared, when it is not how strata spells `name` and `args`.
   */
  readonly declared?: string;
}

export interface EnumTypeRef {
  readonly kind: "enum";
  readonly name: string;
  readonly schema?: string;
  readonly arrayDims?: number;
}

export type SqlType = ScalarType | EnumTypeRef;

export function scalarType(
  name: string,
  args: readonly TypeArg[] = [],
  extra: { unsigned?: boolean; zerofill?: boolean; arrayDims?: number; declared?: string } = {},
): ScalarType {
  const type: ScalarType = {
    kind: "scalar",
    name,
    args: Object.freeze([...args]),
    ...(extra.unsigned || extra.zerofill ? { unsigned: true } : {}),
    ...(extra.zerofill ? { zerofill: true } : {}),
    ...(extra.arrayDims ? { arrayDims: extra.arrayDims } : {}),
    ...(extra.declared !== undefined ? { declared: extra.declared } : {}),
  };
  return Object.freeze(type);
}

export function enumType(name: string, schema?: string, arrayDims?: number): EnumTypeRef {
  return Object.freeze({
    kind: "enum" as const,
    name,
    ...(schema !== undefined ? { schema } : {}),
    ...(arrayDims ? { arrayDims } : {}),
  });
}

/** Equal in meaning: a declared spelling (SQLite) is not compared here, see Dialect.sameColumn. */
export function typesEqual(a: SqlType, b: SqlType): boolean {
  if (a.kind !== b.kind || a.name !== b.name || (a.arrayDims ?? 0) !== (b.arrayDims ?? 0)) return false;
  if (a.kind === "enum" && b.kind === "enum") return (a.schema ?? "") === (b.schema ?? "");
  if (a.kind === "scalar" && b.kind === "scalar") {
    return (
      !!a.unsigned === !!b.unsigned &&
      !!a.zerofill === !!b.zerofill &&
      a.args.length === b.args.length &&
      a.args.every((arg, i) => arg === b.args[i])
    );
  }
  return false;
}

/** The type as the language writes it: `varchar(50)`, `integer(10) unsigned zerofill`, `text[]`, `Role`, `"INT"` (declared). */
export function formatType(type: SqlType): string {
  const dims = "[]".repeat(type.arrayDims ?? 0);
  if (type.kind === "enum") return (type.schema ? `${type.schema}.` : "") + type.name + dims;
  if (type.declared !== undefined) return JSON.stringify(type.declared);
  const args = type.args.length
    ? `(${type.args.map((a) => (typeof a === "number" ? String(a) : `'${a.replaceAll("'", "''")}'`)).join(", ")})`
    : "";
  return type.name + args + (type.unsigned ? " unsigned" : "") + (type.zerofill ? " zerofill" : "") + dims;
}
