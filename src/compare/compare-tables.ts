import type { Table } from "../model/index.js";
import { CreateTableOp, DropTableOp, ModifyTableOps, RenameTableOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";

/**
 * The schema-level comparator for tables: added, removed and renamed tables,
 * then the table-level comparators for each table (with `connTable`
 * undefined for an added table and `metadataTable` undefined for a removed
 * one, as in the reference).
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "tables" })(compareTables);
}

async function compareTables(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): Promise<void> {
  const renamedTo = ctx.tableRenames;
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const notVersion = (t: Table) => t.name !== ctx.versionTable;
    const dbAll = inSchema(ctx.databaseMetadata.tables.values(), schema).filter(notVersion);
    const targetAll = inSchema(ctx.targetMetadata.tables.values(), schema).filter(notVersion);
    const counterpartInTarget = (t: Table) => ctx.targetMetadata.tables.get(renamedTo.get(t.key) ?? t.key);
    const counterpartInDb = (t: Table) => ctx.databaseMetadata.tables.get(renamedFrom.get(t.key) ?? t.key);
    const conn = new Map(included(ctx, dbAll, "table", true, parent, counterpartInTarget).map((t) => [t.key, t]));
    const meta = included(ctx, targetAll, "table", false, parent, counterpartInDb);
    const metaKeys = new Set(meta.map((t) => t.key));

    for (const table of meta) {
      const oldKey = renamedFrom.get(table.key);
      if (oldKey !== undefined && conn.has(oldKey)) {
        upgradeOps.ops.push(new RenameTableOp(conn.get(oldKey)!.name, table.name, { schema }));
      } else if (!conn.has(table.key)) {
        upgradeOps.ops.push(new CreateTableOp(table));
        await compareTable(ctx, upgradeOps, schema, table.name, undefined, table);
      }
    }
    for (const table of conn.values()) {
      const newKey = renamedTo.get(table.key);
      if (!metaKeys.has(table.key) && !(newKey !== undefined && metaKeys.has(newKey))) {
        upgradeOps.ops.push(new DropTableOp(table.name, { schema, table }));
        await compareTable(ctx, upgradeOps, schema, table.name, table, undefined);
      }
    }
    for (const table of meta) {
      const connTable = conn.get(renamedFrom.get(table.key) ?? table.key);
      if (connTable) await compareTable(ctx, upgradeOps, schema, table.name, connTable, table);
    }
  }
}

async function compareTable(
  ctx: AutogenContext,
  upgradeOps: UpgradeOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metadataTable: Table | undefined,
): Promise<void> {
  const modifyOps = new ModifyTableOps(tableName, [], { schema });
  await ctx.comparators.run("table", ctx.dialect.name, ctx, modifyOps, schema, tableName, connTable, metadataTable);
  if (!modifyOps.isEmpty()) upgradeOps.ops.push(modifyOps);
}
