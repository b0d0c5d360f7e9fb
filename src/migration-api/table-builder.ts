import type { Table } from "../model/index.js";
import { buildTable, type CreateTableOptions, type TableItem } from "../ops/operation-arguments.js";

/**
 * A whole table, for the ops that carry one (`op.dropTable(name, { table })`):
 * the same arguments as `op.createTable`, columns, constraints and indexes,
 * then an optional `{ schema, comment }`.
 */
export function table(name: string, ...items: Array<TableItem | CreateTableOptions>): Table {
  return buildTable(name, items);
}
