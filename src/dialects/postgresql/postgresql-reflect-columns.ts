import { Column, scalarType, type ColumnStorage } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema } from "./postgresql-catalog-scope.js";
import { defaultFromCatalog } from "./postgresql-defaults.js";
import { tidySql } from "./postgresql-sql-text.js";
import { typeFromCatalog } from "./postgresql-types.js";

/** `pg_attribute.attstorage` codes. */
const STORAGE: Record<string, ColumnStorage> = { p: "plain", e: "external", x: "extended", m: "main" };

interface ColumnRow {
  readonly table_oid: number;
  /** attnum: the query leaves ordering to the client (a server sort of every column spills to disk at 10,000 tables). */
  readonly position: number;
  readonly name: string;
  readonly not_null: boolean;
  readonly identity: string;
  readonly generated: string;
  readonly type_spelling: string;
  /** Only for a column with a default (defaults are all it serves). */
  readonly type_spelling_bare: string | null;
  readonly domain: string | null;
  readonly category: string;
  /** Null when the base type is the column's own: type_spelling is its spelling then. */
  readonly base_formatted: string | null;
  readonly base_typtype: string;
  readonly base_name: string;
  readonly base_schema: string;
  readonly array_dims: number;
  readonly default_expr: string | null;
  readonly comment: string | null;
  readonly collation: string | null;
  readonly storage: string | null;
  readonly compression: string | null;
}

// A domain column reads as the domain's name, as format_type spells it
// (see domainTypeName); its base type is the domain's. An array type is a varlena with an element
// type (`point` has an element type too, but a fixed length). Array columns
// declared without dimensions (`attndims` 0, as in `CREATE TABLE AS`) count
// as one. format_type runs per row, so each spelling is asked for only
// where it can differ from one already read, and comments come from a join
// rather than col_description (a function call per row). A column inherited
// from a parent (INHERITS, PARTITION OF) and not declared by the table
// itself is the parent's (attislocal).
const COLUMNS_SQL = `
select a.attrelid as table_oid, a.attnum as position, a.attname as name, a.attnotnull as not_null,
       a.attidentity as identity, a.attgenerated as generated,
       pg_catalog.format_type(t.oid, m.typmod) as type_spelling,
       case when d.adbin is not null then pg_catalog.format_type(t.oid, null) end as type_spelling_bare,
       case when declared.typtype = 'd' then pg_catalog.format_type(declared.oid, null) end as domain,
       t.typcategory as category,
       case when b.oid <> t.oid then pg_catalog.format_type(b.oid, m.typmod) end as base_formatted,
       b.typtype as base_typtype, b.typname as base_name, bn.nspname as base_schema,
       case when b.oid <> t.oid then greatest(a.attndims, 1) else 0 end as array_dims,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) as default_expr,
       cd.description as comment,
       case when a.attcollation <> declared.typcollation then co.collname end as collation,
       case when a.attstorage <> declared.typstorage then a.attstorage::text end as storage,
       case a.attcompression when 'p' then 'pglz' when 'l' then 'lz4' end as compression
from pg_catalog.pg_attribute a
join pg_catalog.pg_type declared on declared.oid = a.atttypid
cross join lateral (select case when declared.typtype = 'd' then declared.typtypmod else a.atttypmod end as typmod) m
join pg_catalog.pg_type t on t.oid = case when declared.typtype = 'd' then declared.typbasetype else declared.oid end
join pg_catalog.pg_type b on b.oid = case when t.typelem <> 0 and t.typlen = -1 then t.typelem else t.oid end
join pg_catalog.pg_namespace bn on bn.oid = b.typnamespace
left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
left join pg_catalog.pg_collation co on co.oid = a.attcollation
left join pg_catalog.pg_description cd
  on cd.objoid = a.attrelid and cd.classoid = 'pg_catalog.pg_class'::regclass and cd.objsubid = a.attnum
where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped and a.attislocal`;

export interface ReflectedColumns {
  /** Per table oid, in column order. */
  readonly columns: Map<number, Column[]>;
}

/**
 * The columns of the given tables.
 * `ownedSequences` maps `tableOid:column` to the regclass text of the
 * sequence that column owns, so that its `nextval` default reads as
 * autoincrement.
 */
export async function readColumns(
  connection: DatabaseConnection,
  tableOids: readonly number[],
  ownedSequences: ReadonlyMap<string, string>,
): Promise<ReflectedColumns> {
  const rows = await connection.query<ColumnRow>(COLUMNS_SQL, [tableOids]);
  rows.sort((a, b) => a.table_oid - b.table_oid || a.position - b.position);
  const result: ReflectedColumns = { columns: new Map() };
  for (const row of rows) {
    const columns = result.columns.get(row.table_oid) ?? [];
    columns.push(columnFromRow(row, ownedSequences.get(`${row.table_oid}:${row.name}`)));
    result.columns.set(row.table_oid, columns);
  }
  return result;
}

function columnFromRow(row: ColumnRow, ownedSequence: string | undefined): Column {
  const type =
    row.domain !== null
      ? scalarType(row.domain)
      : typeFromCatalog({
          formatted: row.base_formatted ?? row.type_spelling,
          typtype: row.base_typtype,
          typname: row.base_name,
          schema: modelSchema(row.base_schema),
          arrayDims: row.array_dims,
        });
  const generatedKind = row.generated;
  const expression = row.default_expr ?? undefined;
  return new Column({
    name: row.name,
    type,
    nullable: !row.not_null,
    ...(expression !== undefined && !generatedKind
      ? {
          default: defaultFromCatalog(expression, {
            typeSpellings: [row.type_spelling, row.type_spelling_bare ?? row.type_spelling, ...(row.domain !== null ? [row.domain] : [])],
            category: row.category,
            ...(ownedSequence !== undefined ? { ownedSequence } : {}),
          }, { asWritten: true }),
        }
      : {}),
    ...(row.identity ? { identity: row.identity === "a" ? ("always" as const) : ("byDefault" as const) } : {}),
    ...(expression !== undefined && generatedKind
      ? { generated: { expression: tidySql(expression), stored: generatedKind === "s" } }
      : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
    ...(row.storage !== null ? { storage: STORAGE[row.storage] } : {}),
    ...(row.compression !== null ? { compression: row.compression } : {}),
  });
}
