import { Index, type IndexElement } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { tidySql } from "./postgresql-sql-text.js";

interface ElementRow {
  readonly column: string | null;
  readonly expression: string | null;
  /** `pg_index.indoption` bits: 1 DESC, 2 NULLS FIRST. */
  readonly option: number;
  /** The operator class, only when it is not the default one for the column's type. */
  readonly opclass: string | null;
}

export interface IndexRow {
  readonly table_oid: number;
  readonly name: string;
  readonly unique: boolean;
  readonly method: string;
  readonly predicate: string | null;
  readonly include: string[];
  /** Storage parameters (`fillfactor=70`), or null. */
  readonly storage: string | null;
  readonly nulls_not_distinct: boolean;
  readonly elements: ElementRow[];
}

// Indexes that back a primary key, unique or exclusion constraint are part of
// that constraint, not indexes of their own; a partition's index attached to
// its parent's (relispartition) is the parent's. (Foreign keys point `conindid`
// at the referenced table's index, hence the contype filter.)
const INDEXES_SQL = `
select i.indrelid as table_oid, ic.relname as name, i.indisunique as unique, am.amname as method,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
       array(select a.attname::text from generate_series(i.indnkeyatts + 1, i.indnatts) k(n)
             join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n - 1] order by k.n) as include,
       array_to_string(ic.reloptions, ', ') as storage, i.indnullsnotdistinct as nulls_not_distinct,
       (select json_agg(json_build_object(
                 'column', a.attname,
                 'expression', case when i.indkey[k.n - 1] = 0 then pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) end,
                 'option', i.indoption[k.n - 1],
                 'opclass', case when not oc.opcdefault then oc.opcname end) order by k.n)
          from generate_series(1, i.indnkeyatts) k(n)
          join pg_catalog.pg_opclass oc on oc.oid = i.indclass[k.n - 1]
          left join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n - 1]) as elements
from pg_catalog.pg_index i
join pg_catalog.pg_class ic on ic.oid = i.indexrelid
join pg_catalog.pg_am am on am.oid = ic.relam
where i.indrelid = any($1::oid[]) and not ic.relispartition
  and not exists (select 1 from pg_catalog.pg_constraint c
                  where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
order by i.indrelid, ic.relname`;

/** Index rows of the given tables, per table oid, in name order. */
export async function readIndexes(
  connection: DatabaseConnection,
  tableOids: readonly number[],
): Promise<Map<number, IndexRow[]>> {
  const rows = await connection.query<IndexRow>(INDEXES_SQL, [tableOids]);
  const byTable = new Map<number, IndexRow[]>();
  for (const row of rows) {
    const list = byTable.get(row.table_oid) ?? [];
    list.push(row);
    byTable.set(row.table_oid, list);
  }
  return byTable;
}

/** `btree` is the default method and stays implicit, as in `CREATE INDEX` without `USING`. */
export function indexFromRow(row: IndexRow): Index {
  return new Index({
    name: row.name,
    elements: row.elements.map(elementFromRow),
    unique: row.unique,
    ...(row.predicate !== null ? { where: tidySql(row.predicate) } : {}),
    ...(row.method !== "btree" ? { using: row.method } : {}),
    include: row.include,
    ...(row.storage ? { storage: row.storage } : {}),
    nullsNotDistinct: row.nulls_not_distinct,
  });
}

/** Sort order and NULLS placement appear only where they differ from the default (ASC NULLS LAST, DESC NULLS FIRST). */
function elementFromRow(row: ElementRow): IndexElement {
  if (row.column === null) return { kind: "expression", sql: tidySql(row.expression ?? "") };
  const desc = (row.option & 1) !== 0;
  const nullsFirst = (row.option & 2) !== 0;
  return {
    kind: "column",
    name: row.column,
    ...(desc ? { order: "desc" as const } : {}),
    ...(desc && !nullsFirst ? { nulls: "last" as const } : {}),
    ...(!desc && nullsFirst ? { nulls: "first" as const } : {}),
    ...(row.opclass !== null ? { opclass: row.opclass } : {}),
  };
}
