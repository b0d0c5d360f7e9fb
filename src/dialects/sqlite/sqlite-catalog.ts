import type { DatabaseConnection } from "../dialect.js";

/**
 * The catalog queries reflection runs: one for the list of objects, then one
 * per kind of detail for all chosen tables at once (the table names travel as
 * one JSON array parameter), so the count never depends on the table count.
 * Each returns its rows as one JSON array in one row: the client library
 * builds an object per row at a cost that, at 1,000 tables, was most of
 * reflection's time, where JSON.parse of the same rows takes a fraction
 * (aggregate ORDER BY needs SQLite 3.44, which libSQL has).
 */
export interface ObjectRow {
  readonly name: string;
  readonly type: "table" | "view" | "index" | "trigger";
  /** The table an index or trigger belongs to. */
  readonly tbl_name: string;
  /** Null for the autoindexes behind PRIMARY KEY and UNIQUE constraints. */
  readonly sql: string | null;
  /** 1 for a virtual table (`CREATE VIRTUAL TABLE ... USING`). */
  readonly virtual: number;
}

export interface ColumnRow {
  readonly table_name: string;
  readonly name: string;
  readonly type: string;
  readonly not_null: number;
  readonly dflt_value: string | null;
  readonly pk: number;
  /** 0 plain, 2 generated virtual, 3 generated stored. */
  readonly hidden: number;
}

export interface IndexColumnRow {
  readonly table_name: string;
  readonly index_name: string;
  readonly is_unique: number;
  /** `c` CREATE INDEX, `u` UNIQUE constraint, `pk` PRIMARY KEY. */
  readonly origin: "c" | "u" | "pk";
  readonly partial: number;
  readonly seqno: number;
  /** -2 for an expression, -1 for the rowid. */
  readonly cid: number;
  readonly column_name: string | null;
  readonly is_desc: number;
  readonly coll: string;
}

export interface ForeignKeyRow {
  readonly table_name: string;
  readonly id: number;
  readonly seq: number;
  readonly target: string;
  readonly from_column: string;
  /** Null only when the target table does not exist. */
  readonly to_column: string | null;
  readonly on_update: string;
  readonly on_delete: string;
}

// sqlite_schema has no index on name, so nothing joins it row by row: the
// index SQL comes with the object list, virtual tables are marked and the
// shadow tables their modules create (and own) excluded through uncorrelated
// subqueries, each run once.
const OBJECTS = `
SELECT json_group_array(json_object('type', m.type, 'name', m.name, 'tbl_name', m.tbl_name, 'sql', m.sql,
  'virtual', m.name IN (SELECT l.name FROM pragma_table_list AS l WHERE l.schema = 'main' AND l.type = 'virtual')) ORDER BY m.name) AS rows
FROM sqlite_schema AS m
WHERE m.type IN ('table', 'view', 'index', 'trigger')
  AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND lower(m.tbl_name) <> lower(?)
  AND m.tbl_name NOT IN (SELECT l.name FROM pragma_table_list AS l WHERE l.schema = 'main' AND l.type = 'shadow')`;

const COLUMNS = `
SELECT json_group_array(json_object('table_name', t.value, 'name', c.name, 'type', c.type, 'not_null', c."notnull",
  'dflt_value', c.dflt_value, 'pk', c.pk, 'hidden', c.hidden) ORDER BY t.key, c.cid) AS rows
FROM json_each(?) AS t
JOIN pragma_table_xinfo(t.value) AS c`;

const INDEXES = `
SELECT json_group_array(json_object('table_name', t.value, 'index_name', il.name, 'is_unique', il."unique", 'origin', il.origin,
  'partial', il.partial, 'seqno', ix.seqno, 'cid', ix.cid, 'column_name', ix.name, 'is_desc', ix."desc",
  'coll', ix.coll) ORDER BY t.key, il.name, ix.seqno) AS rows
FROM json_each(?) AS t
JOIN pragma_index_list(t.value) AS il
JOIN pragma_index_xinfo(il.name) AS ix
WHERE ix.key = 1`;

// pragma_foreign_key_list leaves "to" NULL for `REFERENCES parent` without
// columns, which means the parent's primary key: look that up in the same query.
const FOREIGN_KEYS = `
SELECT json_group_array(json_object('table_name', t.value, 'id', fk.id, 'seq', fk.seq, 'target', fk."table", 'from_column', fk."from",
  'to_column', coalesce(fk."to", (SELECT p.name FROM pragma_table_info(fk."table") AS p WHERE p.pk = fk.seq + 1)),
  'on_update', fk.on_update, 'on_delete', fk.on_delete) ORDER BY t.key, fk.id DESC, fk.seq) AS rows
FROM json_each(?) AS t
JOIN pragma_foreign_key_list(t.value) AS fk`;

export interface CatalogDetails {
  readonly columns: ReadonlyMap<string, ColumnRow[]>;
  readonly indexes: ReadonlyMap<string, IndexColumnRow[]>;
  readonly foreignKeys: ReadonlyMap<string, ForeignKeyRow[]>;
}

/** Tables (virtual ones marked), views, indexes and triggers of the main database, except SQLite's own, shadow tables and the version table. */
export function readObjects(connection: DatabaseConnection, versionTable: string): Promise<ObjectRow[]> {
  return jsonRows<ObjectRow>(connection, OBJECTS, [versionTable]);
}

/** Columns, indexes and foreign keys of the named tables: three queries whatever their number. */
export async function readDetails(connection: DatabaseConnection, tables: readonly string[]): Promise<CatalogDetails> {
  const names = JSON.stringify(tables);
  const columns = await jsonRows<ColumnRow>(connection, COLUMNS, [names]);
  const indexes = await jsonRows<IndexColumnRow>(connection, INDEXES, [names]);
  const foreignKeys = await jsonRows<ForeignKeyRow>(connection, FOREIGN_KEYS, [names]);
  return { columns: byTable(columns), indexes: byTable(indexes), foreignKeys: byTable(foreignKeys) };
}

/** The rows of a query that returns them as one JSON array (see above). */
async function jsonRows<Row>(connection: DatabaseConnection, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const [result] = await connection.query<{ rows: string }>(sql, params);
  return JSON.parse(result.rows) as Row[];
}

function byTable<Row extends { table_name: string }>(rows: Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows) {
    const list = map.get(row.table_name);
    if (list) list.push(row);
    else map.set(row.table_name, [row]);
  }
  return map;
}
