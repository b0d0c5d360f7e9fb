/**
 * Type specifications: which names exist and which parameters they take.
 * Portable types map to every dialect; each dialect adds its native types
 * (`src/dialects/<d>/<d>-types.ts`) with specs of the same shape, so the
 * parser can check `varchar(-5)` and suggest `integer` for `integr`.
 */
export interface TypeSpec {
  readonly name: string;
  /** Numeric parameters: [min count, max count], each value within [lo, hi]. */
  readonly params?: {
    readonly min: number;
    readonly max: number;
    readonly names: readonly string[];
    readonly ranges: ReadonlyArray<readonly [number, number]>;
  };
  /** The type takes a list of string values (MySQL `set('a','b')`). */
  readonly stringParams?: boolean;
  /** Sugar that the builder expands: `serial` is `integer @default(autoincrement())`. */
  readonly expandsTo?: { readonly name: string; readonly autoincrement: true };
  /** Another spelling of a canonical type: the model stores `aliasOf` (`int4` → `integer`). */
  readonly aliasOf?: string;
  readonly description: string;
}

const length = (lo = 1, hi = 10_485_760, min = 1) => ({ min, max: 1, names: ["length"], ranges: [[lo, hi]] as const });
const precision = (hi: number) => ({ min: 0, max: 1, names: ["precision"], ranges: [[0, hi]] as const });

export const PORTABLE_TYPES: readonly TypeSpec[] = [
  { name: "smallint", description: "2-byte integer" },
  { name: "integer", description: "4-byte integer" },
  { name: "bigint", description: "8-byte integer" },
  { name: "smallserial", expandsTo: { name: "smallint", autoincrement: true }, description: "smallint @default(autoincrement())" },
  { name: "serial", expandsTo: { name: "integer", autoincrement: true }, description: "integer @default(autoincrement())" },
  { name: "bigserial", expandsTo: { name: "bigint", autoincrement: true }, description: "bigint @default(autoincrement())" },
  {
    name: "decimal",
    params: { min: 0, max: 2, names: ["precision", "scale"], ranges: [[1, 1000], [0, 1000]] },
    description: "exact number: decimal(precision, scale)",
  },
  { name: "real", description: "4-byte floating point" },
  { name: "double", description: "8-byte floating point" },
  { name: "boolean", description: "true or false" },
  { name: "text", description: "unbounded text" },
  // A bare `varchar` (no limit) is legal on PostgreSQL and SQLite and common in real schemas.
  { name: "varchar", params: length(1, 10_485_760, 0), description: "text of at most n characters: varchar(n); bare varchar has no limit" },
  { name: "char", params: length(1, 10_485_760), description: "fixed-length text: char(n)" },
  { name: "bytes", description: "binary data" },
  { name: "date", description: "calendar date" },
  { name: "time", params: precision(6), description: "time of day" },
  { name: "timestamp", params: precision(6), description: "date and time without time zone" },
  { name: "timestamptz", params: precision(6), description: "date and time with time zone" },
  { name: "json", description: "JSON document" },
  { name: "uuid", description: "UUID" },
  { name: "int", aliasOf: "integer", description: "integer" },
  { name: "numeric", aliasOf: "decimal", params: { min: 0, max: 2, names: ["precision", "scale"], ranges: [[1, 1000], [0, 1000]] }, description: "decimal" },
  { name: "bool", aliasOf: "boolean", description: "boolean" },
];
