import {
  CheckConstraint,
  Column,
  defaults,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  Table,
  UniqueConstraint,
  type IndexElement,
  type ReferentialAction,
  withUnspecifiedAction,
} from "../../model/index.js";
import type { NameFilterType } from "../reflect-options.js";
import type { ColumnRow, ForeignKeyRow, IndexColumnRow } from "./sqlite-catalog.js";
import { defaultFromSqlite } from "./sqlite-defaults.js";
import { parseCreateIndex } from "./sqlite-index-ddl.js";
import { columnKey, parseCreateTable, type TableDdl } from "./sqlite-table-ddl.js";
import { typeFromDeclared } from "./sqlite-types.js";

export interface TableSource {
  readonly name: string;
  readonly sql: string;
  readonly columns: readonly ColumnRow[];
  readonly indexes: readonly IndexColumnRow[];
  readonly foreignKeys: readonly ForeignKeyRow[];
  /** CREATE INDEX text by index name (the whole database's; autoindexes have none). */
  readonly indexSql: ReadonlyMap<string, string>;
}

/** Resolves names as SQLite does (case-insensitively) to their spelling in the catalog. */
export interface NameResolver {
  table(name: string): string;
  column(table: string, name: string): string;
}

export type NameFilter = (name: string | undefined, type: NameFilterType) => boolean;

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  "NO ACTION": "noAction",
  RESTRICT: "restrict",
  CASCADE: "cascade",
  "SET NULL": "setNull",
  "SET DEFAULT": "setDefault",
};

/** Builds one table from its catalog rows and its CREATE TABLE text. */
export function buildTable(source: TableSource, names: NameResolver, include: NameFilter): Table {
  const ddl = parseCreateTable(source.sql);
  const columns = source.columns.filter((row) => include(row.name, "column")).map((row) => buildColumn(row, ddl));
  const pkRows = source.columns.filter((row) => row.pk > 0).sort((a, b) => a.pk - b.pk);
  const primaryKey = pkRows.length
    ? new PrimaryKeyConstraint({ name: ddl.primaryKeyName, columns: pkRows.map((r) => r.name) })
    : undefined;
  const { uniqueConstraints, indexes } = buildIndexes(source, ddl, include);
  return new Table({
    name: source.name,
    columns,
    primaryKey,
    foreignKeys: buildForeignKeys(source, ddl, names).filter((fk) => include(fk.name, "foreignKeyConstraint")),
    uniqueConstraints,
    checkConstraints: ddl.checks.map((c) => new CheckConstraint(c)).filter((c) => include(c.name, "checkConstraint")),
    indexes,
    options: { strict: ddl.strict, withoutRowid: ddl.withoutRowid },
  });
}

/**
 * A column as declared: its type text kept (typeFromDeclared), and NOT NULL
 * only where `notnull` says so (an INTEGER PRIMARY KEY, the rowid, cannot
 * hold NULL either way, but the catalog keeps whether it was declared).
 */
function buildColumn(row: ColumnRow, ddl: TableDdl): Column {
  const parsed = ddl.columns.get(columnKey(row.name));
  const collation = parsed?.collation;
  const type = typeFromDeclared(row.type);
  return new Column({
    name: row.name,
    type,
    nullable: row.not_null === 0,
    default: parsed?.autoincrement
      ? defaults.autoincrement()
      : row.dflt_value === null
        ? undefined
        : defaultFromSqlite(row.dflt_value),
    generated:
      row.hidden === 2 || row.hidden === 3
        ? { expression: parsed?.generated?.expression ?? "", stored: row.hidden === 3 }
        : undefined,
    collation: collation !== undefined && collation.toUpperCase() !== "BINARY" ? collation : undefined,
  });
}

/**
 * Autoindexes of origin `u` are UNIQUE constraints (named from the DDL when
 * it names them), origin `c` are CREATE [UNIQUE] INDEX, and `pk` is the
 * primary key, already read from the columns.
 */
function buildIndexes(
  source: TableSource,
  ddl: TableDdl,
  include: NameFilter,
): { uniqueConstraints: UniqueConstraint[]; indexes: Index[] } {
  const groups = groupBy(source.indexes, (row) => row.index_name);
  const uniqueConstraints: UniqueConstraint[] = [];
  const indexes: Index[] = [];
  for (const [name, rows] of groups) {
    const origin = rows[0].origin;
    if (origin === "u") {
      const columns = rows.map((r) => r.column_name ?? "");
      const declared = ddl.uniques.find((u) => sameNames(u.columns, columns));
      const unique = new UniqueConstraint({ name: declared?.name, columns });
      if (include(unique.name, "uniqueConstraint")) uniqueConstraints.push(unique);
    } else if (origin === "c" && include(name, "index")) {
      indexes.push(buildIndex(name, rows, source.indexSql.get(name) ?? "", ddl));
    }
  }
  // Unique constraints in the order the DDL declares them, then any it does not name.
  const order = (u: UniqueConstraint) => {
    const i = ddl.uniques.findIndex((d) => sameNames(d.columns, u.columns));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  uniqueConstraints.sort((a, b) => order(a) - order(b));
  return { uniqueConstraints, indexes };
}

function buildIndex(name: string, rows: readonly IndexColumnRow[], sql: string, table: TableDdl): Index {
  const ddl = parseCreateIndex(sql);
  const elements = rows.map((row, i): IndexElement => {
    const written = ddl.elements[i];
    const columnName = row.column_name ?? written?.column;
    const declaredCollation = columnName === undefined ? undefined : table.columns.get(columnKey(columnName))?.collation;
    const ownCollation = sameCollation(row.coll, declaredCollation ?? "BINARY");
    if (row.cid === -2 || columnName === undefined || !ownCollation) {
      // An expression, or a column under a collation of its own: the model keeps its SQL as written.
      return { kind: "expression", sql: written?.text ?? columnName ?? "" };
    }
    return row.is_desc ? { kind: "column", name: columnName, order: "desc" } : { kind: "column", name: columnName };
  });
  const partial = rows[0].partial === 1 && ddl.where !== undefined;
  return new Index({ name, elements, unique: rows[0].is_unique === 1, ...(partial ? { where: ddl.where } : {}) });
}

function buildForeignKeys(source: TableSource, ddl: TableDdl, names: NameResolver): ForeignKeyConstraint[] {
  const groups = groupBy(source.foreignKeys, (row) => row.id);
  // Rows come ordered by id descending, which is declaration order.
  const unmatched = [...ddl.foreignKeys];
  return [...groups.values()].map((rows) => {
    const columns = rows.map((r) => r.from_column);
    const target = names.table(rows[0].target);
    const at = unmatched.findIndex((d) => sameNames(d.columns, columns) && sameNames([d.target], [target]));
    const declared = at < 0 ? undefined : unmatched.splice(at, 1)[0];
    // SQLite reports an unspecified action as NO ACTION: one thing, written as nothing.
    const fk = new ForeignKeyConstraint({
      name: declared?.name,
      columns: columns.map((c) => names.column(source.name, c)),
      target: { name: target },
      targetColumns: rows.map((r) => names.column(target, r.to_column ?? "")),
      onDelete: action(rows[0].on_delete),
      onUpdate: action(rows[0].on_update),
      deferrable: declared?.deferrable,
      initiallyDeferred: declared?.initiallyDeferred,
    });
    return withUnspecifiedAction(fk, "noAction");
  });
}

function action(text: string): ReferentialAction {
  const value = ACTIONS[text.toUpperCase()];
  if (value === undefined) throw new Error(`sqlite: unknown referential action "${text}" in pragma_foreign_key_list`);
  return value;
}

/** Rows grouped by a key, groups and rows in their original order. */
function groupBy<K, Row>(rows: readonly Row[], key: (row: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name.toLowerCase() === b[i].toLowerCase());
}

function sameCollation(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
