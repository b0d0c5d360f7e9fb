import { Sequence, type IdentityOptions } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";

interface SequenceRow {
  readonly oid: number;
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

// int8 values come as text: the defaults of a bigint sequence do not fit a JS number.
const SEQUENCES_SQL = `
select s.seqrelid as oid, pg_catalog.format_type(s.seqtypid, null) as type,
       s.seqstart::text as start, s.seqincrement::text as increment,
       s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache, s.seqcycle as cycle
from pg_catalog.pg_sequence s
where s.seqrelid = any($1::oid[])`;

const TYPE_RANGES: Record<string, readonly [bigint, bigint]> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

export async function readSequenceDetails(
  connection: DatabaseConnection,
  oids: readonly number[],
): Promise<Map<number, SequenceRow>> {
  const rows = await connection.query<SequenceRow>(SEQUENCES_SQL, [oids]);
  return new Map(rows.map((row) => [row.oid, row]));
}

/** The sequence as the catalog row describes it, in canonical form (see canonicalSequence). */
export function sequenceFromRow(
  row: SequenceRow,
  names: { name: string; schema: string | undefined; ownedBy: string | undefined },
): Sequence {
  const options = canonicalOptions(
    { start: BigInt(row.start), increment: BigInt(row.increment), minValue: BigInt(row.min), maxValue: BigInt(row.max), cache: BigInt(row.cache) },
    row.type,
  );
  return new Sequence({ name: names.name, schema: names.schema, ...options, cycle: row.cycle ? true : undefined, ownedBy: names.ownedBy });
}

/**
 * The sequence with only the options that differ from what `CREATE SEQUENCE`
 * picks on its own, so `sequence s {}` and `sequence s { start = 1 }` in a
 * schema both equal a plain `CREATE SEQUENCE s` on the server. Applied to
 * reflected sequences and (by normalizeModel) to the model's. A model
 * sequence has no type: `CREATE SEQUENCE` makes it bigint.
 */
export function canonicalSequence(sequence: Sequence): Sequence {
  const big = (value: number | undefined) => (value === undefined ? undefined : BigInt(value));
  const options = canonicalOptions({
    start: big(sequence.start),
    increment: big(sequence.increment),
    minValue: big(sequence.minValue),
    maxValue: big(sequence.maxValue),
    cache: big(sequence.cache),
  });
  const cycle = sequence.cycle ? true : undefined;
  const same = NUMERIC_OPTIONS.every((o) => options[o] === sequence[o]) && cycle === sequence.cycle;
  if (same) return sequence;
  return new Sequence({ name: sequence.name, schema: sequence.schema, ...options, cycle, ownedBy: sequence.ownedBy, info: sequence.info });
}

/** An identity column's sequence options from its catalog row, without those CREATE picks for the column's type. */
export function identityOptionsFromRow(row: SequenceRow): IdentityOptions {
  const options = canonicalOptions(
    { start: BigInt(row.start), increment: BigInt(row.increment), minValue: BigInt(row.min), maxValue: BigInt(row.max), cache: BigInt(row.cache) },
    row.type,
  );
  return { ...options, ...(row.cycle ? { cycle: true } : {}) };
}

/** The model's identity options the same way, for a column of `type` (smallint, integer or bigint). */
export function canonicalIdentityOptions(options: IdentityOptions, type: string): IdentityOptions {
  const big = (value: number | undefined) => (value === undefined ? undefined : BigInt(value));
  const numeric = canonicalOptions(
    { start: big(options.start), increment: big(options.increment), minValue: big(options.minValue), maxValue: big(options.maxValue), cache: big(options.cache) },
    type,
  );
  return { ...numeric, ...(options.cycle ? { cycle: true } : {}) };
}

const NUMERIC_OPTIONS = ["start", "increment", "minValue", "maxValue", "cache"] as const;
type NumericOptions = { [K in (typeof NUMERIC_OPTIONS)[number]]?: bigint };

function canonicalOptions(options: NumericOptions, type = "bigint"): { [K in keyof NumericOptions]?: number } {
  const [typeMin, typeMax] = TYPE_RANGES[type] ?? TYPE_RANGES.bigint;
  const ascending = (options.increment ?? 1n) > 0n;
  const min = options.minValue ?? (ascending ? 1n : typeMin);
  const max = options.maxValue ?? (ascending ? typeMax : -1n);
  const usual: NumericOptions = {
    start: ascending ? min : max,
    increment: 1n,
    minValue: ascending ? 1n : typeMin,
    maxValue: ascending ? typeMax : -1n,
    cache: 1n,
  };
  const out: { [K in keyof NumericOptions]?: number } = {};
  for (const option of NUMERIC_OPTIONS) {
    const value = options[option];
    // Compared as the model holds them (JS numbers), so a model's 9223372036854775807 is the bigint maximum.
    if (value !== undefined && Number(value) !== Number(usual[option])) out[option] = Number(value);
  }
  return out;
}
