import type { Column, Table } from "../model/index.js";
import { AddColumnOp, DropColumnOp, type ModifyTableOps } from "../ops/index.js";
import { AlterColumnDraft } from "./alter-column-draft.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, parentNames } from "./filters.js";
import { columnRenames } from "./renames.js";

/**
 * The table-level comparator for columns: added columns (in model order),
 * then changed ones (the column-level comparators fill an AlterColumnDraft;
 * `@renamedFrom` makes it a rename, never a drop plus an add), then dropped
 * ones — the reference's order.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "columns" })(compareColumns);
}

async function compareColumns(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): Promise<void> {
  if (!connTable || !metaTable) return;
  const renames = columnRenames(connTable, metaTable);
  const oldNameOf = new Map([...renames].map(([from, to]) => [to, from]));
  const parent = parentNames(schema, tableName);
  const conn = included(ctx, connTable.columns, "column", true, parent, (c) => metaTable.column(renames.get(c.name) ?? c.name));
  const meta = included(ctx, metaTable.columns, "column", false, parent, (c) => connTable.column(oldNameOf.get(c.name) ?? c.name));
  const connByName = new Map(conn.map((c) => [c.name, c]));
  const metaNames = new Set(meta.map((c) => c.name));

  const pairs: Array<[Column, Column]> = [];
  for (const column of meta) {
    const connColumn = connByName.get(oldNameOf.get(column.name) ?? column.name);
    if (connColumn) pairs.push([connColumn, column]);
    else modifyOps.ops.push(new AddColumnOp(tableName, column, { schema }));
  }
  for (const [connColumn, metaColumn] of pairs) {
    const draft = new AlterColumnDraft(tableName, connColumn.name, schema);
    draft.existingType = connColumn.type;
    draft.existingNullable = connColumn.nullable;
    draft.existingServerDefault = connColumn.default;
    draft.existingComment = connColumn.comment;
    if (connColumn.name !== metaColumn.name) draft.modifyName = { from: connColumn.name, to: metaColumn.name };
    await ctx.comparators.run("column", ctx.dialect.name, ctx, draft, schema, tableName, connColumn.name, connColumn, metaColumn);
    if (draft.hasChanges()) modifyOps.ops.push(draft.toOp());
  }
  for (const column of conn) {
    const newName = renames.get(column.name);
    if (!metaNames.has(column.name) && !(newName !== undefined && metaNames.has(newName))) {
      modifyOps.ops.push(new DropColumnOp(tableName, column.name, { schema, column }));
    }
  }
}
