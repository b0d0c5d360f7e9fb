import { Sequence } from "../../model/index.js";
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
  const sequence = new Sequence({
    name: names.name,
    schema: names.schema,
    start: Number(row.start),
    increment: Number(row.increment),
    minValue: Number(row.min),
    maxValue: Number(row.max),
    cache: Number(row.cache),
    cycle: row.cycle ? true : undefined,
    ownedBy: names.ownedBy,
  });
  return canonicalSequence(sequence, row.type);
}

/**
 * The sequence with only the options that differ from what `CREATE SEQUENCE`
 * picks on its own, so `sequence s {}` and `sequence s { start = 1 }` in a
 * schema both equal a plain `CREATE SEQUENCE s` on the server. Applied to
 * reflected sequences and (by normalizeModel) to the model's. A model
 * sequence has no type: `CREATE SEQUENCE` makes it bigint.
 */
export function canonicalSequence(sequence: Sequence, type = "bigint"): Sequence {
  const [typeMin, typeMax] = TYPE_RANGES[type] ?? TYPE_RANGES.bigint;
  const increment = BigInt(sequence.increment ?? 1);
  const ascending = increment > 0n;
  const min = sequence.minValue === undefined ? (ascending ? 1n : typeMin) : BigInt(sequence.minValue);
  const max = sequence.maxValue === undefined ? (ascending ? typeMax : -1n) : BigInt(sequence.maxValue);
  const unlessDefault = (value: number | undefined, usual: bigint) =>
    value === undefined || BigInt(value) === usual ? undefined : value;
  const canonical = new Sequence({
    name: sequence.name,
    schema: sequence.schema,
    start: unlessDefault(sequence.start, ascending ? min : max),
    increment: unlessDefault(sequence.increment, 1n),
    minValue: unlessDefault(sequence.minValue, ascending ? 1n : typeMin),
    maxValue: unlessDefault(sequence.maxValue, ascending ? typeMax : -1n),
    cache: unlessDefault(sequence.cache, 1n),
    cycle: sequence.cycle ? true : undefined,
    ownedBy: sequence.ownedBy,
    info: sequence.info,
  });
  return OPTIONS.every((o) => canonical[o] === sequence[o]) ? sequence : canonical;
}

const OPTIONS = ["start", "increment", "minValue", "maxValue", "cache", "cycle"] as const;
