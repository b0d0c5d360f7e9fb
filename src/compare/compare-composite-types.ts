import type { Column, CompositeType } from "../model/index.js";
import { AlterCompositeTypeOp, CreateCompositeTypeOp, DropCompositeTypeOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";

/**
 * PostgreSQL composite types, per schema: created, dropped, or altered in
 * place when an attribute is added, dropped or given another type or
 * collation (types compared as the dialect spells them).
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "compositeTypes" })(compareCompositeTypes);
}

function compareCompositeTypes(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.compositeTypes) return;
  const target = ctx.targetMetadata.compositeTypes;
  const database = ctx.databaseMetadata.compositeTypes;
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const conn = new Map(included(ctx, inSchema(database.values(), schema), "compositeType", true, parent, (t) => target.get(t.key)).map((t) => [t.key, t]));
    const meta = included(ctx, inSchema(target.values(), schema), "compositeType", false, parent, (t) => database.get(t.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateCompositeTypeOp(m));
      else if (attributesDiffer(ctx, c, m)) upgradeOps.ops.push(new AlterCompositeTypeOp(c, m));
    }
    const metaKeys = new Set(meta.map((t) => t.key));
    for (const c of conn.values()) if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropCompositeTypeOp(c.name, { schema, compositeType: c }));
  }
}

function attributesDiffer(ctx: AutogenContext, a: CompositeType, b: CompositeType): boolean {
  const spell = (c: Column) => `${c.name} ${ctx.dialect.spellType(c.type)} ${c.collation ?? ""}`;
  return a.attributes.map(spell).join(",") !== b.attributes.map(spell).join(",");
}
