import { tableOptionChanges, type Table, type TableOptionName } from "../model/index.js";
import { AlterTableOptionsOp, type ModifyTableOps, type TableOptionValues } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";

export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "tableOptions" })(compareTableOptions);
}

/** Options the dialect keeps (its `tableOptions` capability) that differ: one op setting all of them. */
function compareTableOptions(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable) return;
  const kept = new Set<TableOptionName>(ctx.dialect.capabilities.tableOptions);
  const options: Record<string, unknown> = {};
  const existing: Record<string, unknown> = {};
  for (const [name, change] of Object.entries(tableOptionChanges(connTable.options, metaTable.options))) {
    if (!kept.has(name as TableOptionName)) continue;
    options[name] = change.to ?? null;
    existing[name] = change.from ?? null;
  }
  if (Object.keys(options).length === 0) return;
  modifyOps.ops.push(
    new AlterTableOptionsOp(tableName, options as TableOptionValues, { schema, existing: existing as TableOptionValues }),
  );
}
