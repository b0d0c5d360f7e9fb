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

/**
 * The sequence with only the options that differ from what `CREATE SEQUENCE`
 * picks on its own, so `sequence s {}` in a schema equals a plain
 * `CREATE SEQUENCE s` on the server.
 */
export function sequenceFromRow(
  row: SequenceRow,
  names: { name: string; schema: string | undefined; ownedBy: string | undefined },
): Sequence {
  const [typeMin, typeMax] = TYPE_RANGES[row.type] ?? TYPE_RANGES.bigint;
  const increment = BigInt(row.increment);
  const ascending = increment > 0n;
  const defaultMin = ascending ? 1n : typeMin;
  const defaultMax = ascending ? typeMax : -1n;
  const min = BigInt(row.min);
  const max = BigInt(row.max);
  const start = BigInt(row.start);
  const unlessDefault = (value: bigint, usual: bigint) => (value === usual ? undefined : Number(value));
  return new Sequence({
    name: names.name,
    schema: names.schema,
    start: unlessDefault(start, ascending ? min : max),
    increment: unlessDefault(increment, 1n),
    minValue: unlessDefault(min, defaultMin),
    maxValue: unlessDefault(max, defaultMax),
    cache: unlessDefault(BigInt(row.cache), 1n),
    cycle: row.cycle ? true : undefined,
    ownedBy: names.ownedBy,
  });
}
