import {
  Index,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type ForeignKeyConstraint,
  type IndexElement,
} from "../../model/index.js";
import type { IndexRow } from "./mysql-catalog.js";
import { byName, groupBy } from "./mysql-collections.js";
import { stripOuterParens } from "./mysql-sql-text.js";

/**
 * MySQL keeps every key in one list (information_schema.STATISTICS): the
 * primary key, UNIQUE keys, plain and FULLTEXT/SPATIAL indexes. Decisions:
 * - A unique key over plain columns (ascending, no prefix length, BTREE) is a
 *   `UniqueConstraint`: MySQL cannot tell `UNIQUE KEY`, `CONSTRAINT UNIQUE`
 *   and `CREATE UNIQUE INDEX` apart, and the DDL side creates a model
 *   UniqueConstraint as `ADD CONSTRAINT ... UNIQUE`. Any other unique key
 *   (prefix, DESC, expression, HASH) is an `Index` with `unique: true`.
 * - The index InnoDB adds for a foreign key is skipped when it is exactly
 *   what the foreign key, as strata writes it (always named), creates:
 *   non-unique, plain columns equal to the key's, named after the
 *   constraint. An explicit index of that very shape is indistinguishable
 *   and is skipped too; the skipped names are kept in `table.info`. The
 *   index of a key created unnamed (InnoDB names it after the first column)
 *   is an index of the model: a database built from the model must have it
 *   under that name.
 */
export interface TableKeys {
  readonly primaryKey?: PrimaryKeyConstraint;
  readonly uniqueConstraints: UniqueConstraint[];
  readonly indexes: Index[];
  readonly implicitForeignKeyIndexes: string[];
  /** Model indexes InnoDB named after the first column of a key created unnamed (`<table>_ibfk_<n>`): a schema's unnamed key accounts for them. */
  readonly columnNamedForeignKeyIndexes: string[];
}

export type KeyFilter = (name: string, type: "index" | "uniqueConstraint") => boolean;

/** `rows`: one table's STATISTICS rows, grouped by index in SEQ_IN_INDEX order. */
export function buildKeys(
  tableName: string,
  rows: readonly IndexRow[],
  foreignKeys: readonly ForeignKeyConstraint[],
  include: KeyFilter,
): TableKeys {
  const keys: TableKeys = { uniqueConstraints: [], indexes: [], implicitForeignKeyIndexes: [], columnNamedForeignKeyIndexes: [] };
  let primaryKey: PrimaryKeyConstraint | undefined;
  for (const [name, parts] of groupBy(rows, (row) => row.name)) {
    const columnsOnly = parts.every((p) => p.columnName !== null);
    if (name === "PRIMARY") {
      // MySQL always names it PRIMARY, whatever the DDL said: the name carries nothing.
      primaryKey = new PrimaryKeyConstraint({ columns: parts.map((p) => p.columnName!) });
      continue;
    }
    const elements = parts.map(element);
    const unique = parts[0].nonUnique === "0";
    const using = parts[0].indexType.toLowerCase();
    const plain = using === "btree" && elements.every((e) => e.kind === "column" && !e.order && e.length === undefined);
    const columns = elements.flatMap((e) => (e.kind === "column" ? [e.name] : []));
    if (unique && plain && columnsOnly) {
      if (include(name, "uniqueConstraint")) keys.uniqueConstraints.push(new UniqueConstraint({ name, columns }));
    } else if (!unique && plain && foreignKeys.some((fk) => isImplicitIndexOf(fk, name, columns))) {
      keys.implicitForeignKeyIndexes.push(name);
    } else if (include(name, "index")) {
      keys.indexes.push(new Index({ name, elements, unique, using: using === "btree" ? undefined : using }));
      if (!unique && plain && foreignKeys.some((fk) => isColumnNamedIndexOf(tableName, fk, name, columns))) keys.columnNamedForeignKeyIndexes.push(name);
    }
  }
  keys.uniqueConstraints.sort(byName);
  keys.indexes.sort(byName);
  keys.implicitForeignKeyIndexes.sort();
  return primaryKey ? { ...keys, primaryKey } : keys;
}

function element(row: IndexRow): IndexElement {
  if (row.columnName === null) return { kind: "expression", sql: stripOuterParens(row.expression ?? "") };
  return {
    kind: "column",
    name: row.columnName,
    ...(row.collation === "D" ? { order: "desc" as const } : {}),
    // MariaDB reports a SUB_PART of 32 for SPATIAL keys, which take no prefix.
    ...(row.subPart !== null && row.indexType !== "SPATIAL" ? { length: Number(row.subPart) } : {}),
  };
}

function isImplicitIndexOf(fk: ForeignKeyConstraint, name: string, columns: readonly string[]): boolean {
  return sameColumns(fk, columns) && name === fk.name;
}

/** The index InnoDB made for a key created unnamed: the key is `<table>_ibfk_<n>` and its index is named after its first column. */
function isColumnNamedIndexOf(tableName: string, fk: ForeignKeyConstraint, name: string, columns: readonly string[]): boolean {
  return sameColumns(fk, columns) && name === fk.columns[0] && fk.name?.startsWith(`${tableName}_ibfk_`) === true;
}

function sameColumns(fk: ForeignKeyConstraint, columns: readonly string[]): boolean {
  return fk.columns.length === columns.length && fk.columns.every((c, i) => c === columns[i]);
}

