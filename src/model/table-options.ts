/**
 * Storage options of a table that the database keeps and reports, each
 * where a dialect has it: SQLite `STRICT` and `WITHOUT ROWID`, PostgreSQL
 * `UNLOGGED` and row-level security (`ENABLE` and `FORCE ROW LEVEL
 * SECURITY`, kept apart as the catalog keeps them), MySQL/MariaDB `ENGINE`, `ROW_FORMAT`, `AUTO_INCREMENT` (the
 * next value), `DEFAULT CHARSET` and `COLLATE`. An option left out is the
 * database's default (MySQL: the database's own charset and collation).
 * SQLite's `virtual` makes the table a virtual table: the text after
 * `CREATE VIRTUAL TABLE name USING`, as written (`fts5(title, body)`); the
 * module defines its columns, so such a table has none in the model.
 *
 * PostgreSQL's partitioning and inheritance are clauses of CREATE TABLE
 * too, kept here as the SQL they stand for: `partitionBy` the key
 * (`RANGE (sold_on)`), `partitionOf` the parent's key (`sales.orders`) and
 * `partitionBound` its `FOR VALUES ...` (or `DEFAULT`), `inherits` the
 * parents' keys (`a, audit.b`). A partition's columns, and the
 * constraints and indexes it takes from its parent, are the parent's.
 * MySQL/MariaDB partitions are not tables but part of their table:
 * `partitions` is the whole clause as the server reports it (`PARTITION BY
 * RANGE (year(\`d\`)) (PARTITION p0 VALUES LESS THAN (2000), ...)`).
 */
export interface TableOptions {
  readonly virtual?: string;
  readonly strict?: boolean;
  readonly withoutRowid?: boolean;
  readonly unlogged?: boolean;
  readonly rowLevelSecurity?: boolean;
  /** Row-level security applies to the table's owner too. */
  readonly forceRowLevelSecurity?: boolean;
  readonly engine?: string;
  readonly rowFormat?: string;
  readonly autoIncrement?: number;
  readonly charset?: string;
  readonly collation?: string;
  readonly partitionBy?: string;
  readonly partitionOf?: string;
  readonly partitionBound?: string;
  readonly inherits?: string;
  readonly partitions?: string;
}

export type TableOptionName = keyof TableOptions;

/** Every option, in the order the language and migrations write them. */
export const TABLE_OPTION_NAMES: readonly TableOptionName[] = Object.freeze([
  "virtual",
  "strict",
  "withoutRowid",
  "unlogged",
  "rowLevelSecurity",
  "forceRowLevelSecurity",
  "engine",
  "rowFormat",
  "autoIncrement",
  "charset",
  "collation",
  "partitionBy",
  "partitionOf",
  "partitionBound",
  "inherits",
  "partitions",
]);

export const NO_TABLE_OPTIONS: TableOptions = Object.freeze({});

/** The options with `false` flags and undefined values left out, frozen: one spelling for each set of options. */
export function tableOptions(options: TableOptions | undefined): TableOptions {
  if (!options) return NO_TABLE_OPTIONS;
  const out: Record<string, unknown> = {};
  for (const name of TABLE_OPTION_NAMES) {
    const value = options[name];
    if (value !== undefined && value !== false) out[name] = value;
  }
  return Object.keys(out).length ? Object.freeze(out) : NO_TABLE_OPTIONS;
}

/** The options whose values differ, as `{ from, to }` pairs (undefined when the option is left out). */
export function tableOptionChanges(
  from: TableOptions,
  to: TableOptions,
): Partial<Record<TableOptionName, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<TableOptionName, { from: unknown; to: unknown }>> = {};
  for (const name of TABLE_OPTION_NAMES) {
    if (from[name] !== to[name]) changes[name] = { from: from[name], to: to[name] };
  }
  return changes;
}
