import { deferMode, type Table } from "../model/index.js";
import { CreatePrimaryKeyOp, DropConstraintOp, type ModifyTableOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { columnRenames } from "./renames.js";

/** A primary key changes when its columns (or their order) or its DEFERRABLE mode do; its name alone is not compared (MySQL calls every one PRIMARY). */
export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "primaryKey" })(comparePrimaryKey);
}

function comparePrimaryKey(
  _ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable) return;
  const renames = columnRenames(connTable, metaTable);
  const connPk = connTable.primaryKey;
  const metaPk = metaTable.primaryKey;
  const connColumns = (connPk?.columns ?? []).map((c) => renames.get(c) ?? c);
  const metaColumns = metaPk?.columns ?? [];
  const sameColumns = connColumns.length === metaColumns.length && connColumns.every((c, i) => c === metaColumns[i]);
  if (sameColumns && (!connPk || !metaPk || deferMode(connPk) === deferMode(metaPk))) return;
  if (connPk) modifyOps.ops.push(new DropConstraintOp(connPk.name, tableName, { type: "primarykey", schema, constraint: connPk }));
  if (metaPk) modifyOps.ops.push(new CreatePrimaryKeyOp(tableName, metaPk, { schema }));
}
