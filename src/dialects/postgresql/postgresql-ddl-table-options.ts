import type { TableOptionName } from "../../model/index.js";
import type { AlterTableOptionsOp } from "../../ops/index.js";
import { UnsupportedDdlError } from "../ddl/ddl-errors.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";
import { pgTableKey } from "./postgresql-ddl-columns.js";
import { pgRowLevelSecurity } from "./postgresql-ddl-policies.js";

/**
 * Changes a table's options in place: UNLOGGED, row-level security, the parent and bound of a
 * partition (detached from the old parent, attached to the new one with
 * its bound: a bound cannot be altered), and INHERITS (NO INHERIT the
 * parents it loses, INHERIT those it gains). A partitioned table's key is
 * fixed when it is created.
 */
export function pgAlterTableOptions(w: DdlWriter, op: AlterTableOptionsOp): Statement[] {
  const table = w.name(op.schema, op.tableName);
  const statements: Statement[] = [];
  const changed = new Set(op.changed);
  for (const name of changed) {
    if (!HANDLED.has(name)) throw new UnsupportedDdlError("postgresql", `set the table option ${name} (of "${op.tableName}")`);
  }
  if (changed.has("unlogged")) statements.push({ sql: `ALTER TABLE ${table} SET ${op.options.unlogged ? "UNLOGGED" : "LOGGED"}` });
  for (const clause of pgRowLevelSecurity(op.options)) statements.push({ sql: `ALTER TABLE ${table} ${clause}` });
  if (changed.has("partitionBy")) {
    throw new UnsupportedDdlError("postgresql", `change the partition key of "${op.tableName}" (it is fixed when the table is created: create a new table and move the rows)`);
  }
  if (changed.has("partitionOf") || changed.has("partitionBound")) {
    const [from, to] = [op.existing.partitionOf, op.options.partitionOf];
    if (from) statements.push({ sql: `ALTER TABLE ${pgTableKey(w, from)} DETACH PARTITION ${table}` });
    if (to) statements.push({ sql: `ALTER TABLE ${pgTableKey(w, to)} ATTACH PARTITION ${table} ${op.options.partitionBound ?? "DEFAULT"}` });
  }
  if (changed.has("inherits")) {
    const [from, to] = [parents(op.existing.inherits), parents(op.options.inherits)];
    for (const key of from.filter((k) => !to.includes(k))) statements.push({ sql: `ALTER TABLE ${table} NO INHERIT ${pgTableKey(w, key)}` });
    for (const key of to.filter((k) => !from.includes(k))) statements.push({ sql: `ALTER TABLE ${table} INHERIT ${pgTableKey(w, key)}` });
  }
  return statements;
}

const HANDLED: ReadonlySet<TableOptionName> = new Set(["unlogged", "rowLevelSecurity", "forceRowLevelSecurity", "partitionBy", "partitionOf", "partitionBound", "inherits"]);

function parents(inherits: string | null | undefined): string[] {
  return inherits ? inherits.split(", ") : [];
}
