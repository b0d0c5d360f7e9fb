import type { Column, Table } from "../model/index.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import type { DatabaseConnection } from "./dialect.js";
import { TINY_TABLE_ROWS, type LiveFacts } from "./hazards.js";

/** An op on one table, as hazards name it. */
export type TableOp = MigrateOperation & { readonly tableName: string; readonly schema?: string };

/** `event`, or `audit.event` outside the default schema: how hazards and row counts key a table. */
export function tableKeyOf(schema: string | undefined, name: string, defaultSchema?: string): string {
  return schema === undefined || schema === defaultSchema ? name : `${schema}.${name}`;
}

export function hazardTable(op: TableOp): string {
  return tableKeyOf(op.schema, op.tableName, "public");
}

/** The table an op works on (a rename's old name), or undefined for ops on no table. */
export function tableOfOp(op: MigrateOperation): string | undefined {
  const named = op as { tableName?: unknown; oldTableName?: unknown; schema?: string };
  const name = typeof named.tableName === "string" ? named.tableName : typeof named.oldTableName === "string" ? named.oldTableName : undefined;
  return name === undefined ? undefined : tableKeyOf(named.schema, name, "public");
}

/** The table as the database holds it now, when the facts include the reflected model. */
export function liveTable(facts: LiveFacts, op: TableOp): Table | undefined {
  const tables = facts.metadata?.tables;
  if (!tables) return undefined;
  return [...tables.values()].find((t) => t.name === op.tableName && (op.schema === undefined || t.schema === undefined || t.schema === op.schema));
}

export function liveColumn(facts: LiveFacts, op: TableOp & { readonly columnName: string }): Column | undefined {
  return liveTable(facts, op)?.column(op.columnName);
}

/** The tables whose columns use the enum `name` (by the reflected model). */
export function enumUsers(facts: LiveFacts, name: string, schema: string | undefined): string[] {
  const users = new Set<string>();
  for (const table of facts.metadata?.tables.values() ?? []) {
    for (const column of table.columns) {
      if (column.type.kind === "enum" && column.type.name === name && (schema === undefined || column.type.schema === undefined || column.type.schema === schema)) {
        users.add(tableKeyOf(table.schema, table.name, "public"));
      }
    }
  }
  return [...users];
}

/** The tables with a foreign key to `table` (its children), by the reflected model. */
export function childTables(facts: LiveFacts, op: TableOp): string[] {
  const children = new Set<string>();
  for (const table of facts.metadata?.tables.values() ?? []) {
    if (table.foreignKeys.some((fk) => fk.target.name === op.tableName && table.name !== op.tableName)) children.add(table.name);
  }
  return [...children];
}

/** Counting stops here: past it a table is simply not tiny, and counting a huge table would be slow. */
const COUNT_LIMIT = TINY_TABLE_ROWS + 1;

/**
 * Row counts of tables the catalog's statistics call small or cannot size
 * (statistics lag behind inserts), counted in one query, each count
 * stopping at COUNT_LIMIT. `tables` maps a table key to its quoted name.
 */
export async function boundedCounts(connection: DatabaseConnection, tables: ReadonlyMap<string, string>): Promise<Map<string, number>> {
  const keys = [...tables.keys()];
  const counts = new Map<string, number>();
  if (keys.length === 0) return counts;
  const parts = keys.map((key, i) => `SELECT ${i} AS i, (SELECT count(*) FROM (SELECT 1 AS one FROM ${tables.get(key)} LIMIT ${COUNT_LIMIT}) AS bounded) AS n`);
  for (const row of await connection.query<{ i: number | string; n: number | string }>(parts.join(" UNION ALL "))) {
    counts.set(keys[Number(row.i)]!, Number(row.n));
  }
  return counts;
}
