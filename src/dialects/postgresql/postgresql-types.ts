import { enumType, PORTABLE_TYPES, scalarType, type SqlType, type TypeArg, type TypeSpec } from "../../model/index.js";
import { quotePgIdentifier } from "./postgresql-identifiers.js";

/**
 * PostgreSQL's own types, and its other spellings of portable ones. The model
 * keeps one spelling per type: reflection reads `format_type()` output
 * (`character varying(50)`, `timestamp(3) with time zone`) and maps it through
 * the aliases below; `spellType` goes the other way. Portable `json` stays
 * `json` (jsonb is a different type with different semantics, so it is native).
 *
 * Multi-word aliases (`double precision`) are what `format_type` prints; the
 * language cannot write them as one type name, but keeping them in the same
 * table means reflection and the parser share one list.
 */
const length = { min: 1, max: 1, names: ["length"], ranges: [[1, 10_485_760]] as const };
const optionalLength = { min: 0, max: 1, names: ["length"], ranges: [[1, 83_886_080]] as const };
const precision = { min: 0, max: 1, names: ["precision"], ranges: [[0, 6]] as const };

const native = (name: string, description: string, extra: Partial<TypeSpec> = {}): TypeSpec => ({
  name,
  description,
  ...extra,
});
const alias = (name: string, aliasOf: string, extra: Partial<TypeSpec> = {}): TypeSpec => ({
  name,
  aliasOf,
  description: `${aliasOf} (PostgreSQL spelling)`,
  ...extra,
});

export const POSTGRESQL_TYPES: readonly TypeSpec[] = [
  native("jsonb", "binary JSON document"),
  native("interval", "time span", { params: precision }),
  native("timetz", "time of day with time zone", { params: precision }),
  native("money", "currency amount"),
  native("xml", "XML document"),
  native("inet", "IPv4 or IPv6 host address"),
  native("cidr", "IPv4 or IPv6 network"),
  native("macaddr", "MAC address"),
  native("macaddr8", "MAC address (EUI-64)"),
  native("tsvector", "text search document"),
  native("tsquery", "text search query"),
  native("bit", "fixed-length bit string", { params: optionalLength }),
  native("varbit", "variable-length bit string", { params: optionalLength }),
  native("citext", "case-insensitive text (citext extension)"),
  native("hstore", "key/value pairs (hstore extension)"),
  native("ltree", "label tree path (ltree extension)"),
  native("point", "geometric point"),
  native("line", "geometric line"),
  native("lseg", "geometric line segment"),
  native("box", "geometric box"),
  native("path", "geometric path"),
  native("polygon", "geometric polygon"),
  native("circle", "geometric circle"),
  native("int4range", "range of integer"),
  native("int8range", "range of bigint"),
  native("numrange", "range of numeric"),
  native("tsrange", "range of timestamp"),
  native("tstzrange", "range of timestamptz"),
  native("daterange", "range of date"),
  native("oid", "object identifier"),
  native("pg_lsn", "write-ahead log position"),
  alias("int2", "smallint"),
  alias("int4", "integer"),
  alias("int8", "bigint"),
  alias("float4", "real"),
  alias("float8", "double"),
  alias("double precision", "double"),
  alias("character varying", "varchar", { params: length }),
  alias("character", "char", { params: length }),
  alias("bpchar", "char", { params: length }),
  alias("bytea", "bytes"),
  alias("timestamp without time zone", "timestamp", { params: precision }),
  alias("timestamp with time zone", "timestamptz", { params: precision }),
  alias("time without time zone", "time", { params: precision }),
  alias("time with time zone", "timetz", { params: precision }),
  alias("bit varying", "varbit", { params: optionalLength }),
];

const CANONICAL = new Map<string, string>(
  [...PORTABLE_TYPES, ...POSTGRESQL_TYPES].flatMap((t): Array<[string, string]> => (t.aliasOf ? [[t.name, t.aliasOf]] : [])),
);

/** How PostgreSQL DDL spells a canonical type name, when it differs. */
const DDL_NAMES: Record<string, string> = {
  double: "double precision",
  decimal: "numeric",
  bytes: "bytea",
  varbit: "bit varying",
};

/** What reflection knows about a column's type besides `format_type()`. */
export interface CatalogType {
  /** `format_type(element type, atttypmod)`: `character varying(50)`, `geometry(Point,4326)`. */
  readonly formatted: string;
  /** `pg_type.typtype` of the element type: `e` for enums. */
  readonly typtype: string;
  readonly typname: string;
  /** Schema of the element type, already mapped (`public` → undefined). */
  readonly schema: string | undefined;
  /** 0 for scalars; array columns declared without dimensions count as 1. */
  readonly arrayDims: number;
}

/** The model value for a column type as the catalog describes it. */
export function typeFromCatalog(type: CatalogType): SqlType {
  if (type.typtype === "e") return enumType(type.typname, type.schema, type.arrayDims);
  const { name, args } = splitFormattedType(type.formatted);
  return scalarType(CANONICAL.get(name) ?? name, args, { arrayDims: type.arrayDims });
}

/** `timestamp(3) with time zone` → name `timestamp with time zone`, args [3]. */
function splitFormattedType(formatted: string): { name: string; args: TypeArg[] } {
  const match = /^([^(]*)\(([^)]*)\)(.*)$/.exec(formatted);
  if (!match) return { name: formatted, args: [] };
  const args = match[2].split(",").map((arg): TypeArg => {
    const text = arg.trim();
    return /^-?\d+$/.test(text) ? Number(text) : text;
  });
  return { name: (match[1] + match[3]).trim(), args };
}

export class UnsupportedTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedTypeError";
  }
}

/** The type as PostgreSQL DDL writes it; reflecting that column gives back the same model value. */
export function spellPostgresqlType(type: SqlType): string {
  const dims = "[]".repeat(type.arrayDims ?? 0);
  if (type.kind === "enum") {
    const name = quotePgIdentifier(type.name);
    return (type.schema !== undefined ? `${quotePgIdentifier(type.schema)}.${name}` : name) + dims;
  }
  if (type.unsigned) throw new UnsupportedTypeError(`PostgreSQL has no unsigned integers (${type.name} unsigned)`);
  const args = type.args.length ? `(${type.args.join(",")})` : "";
  switch (type.name) {
    case "timestamptz":
      return `timestamp${args} with time zone${dims}`;
    case "timetz":
      return `time${args} with time zone${dims}`;
    default:
      return (DDL_NAMES[type.name] ?? type.name) + args + dims;
  }
}
