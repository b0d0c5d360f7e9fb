import type { View } from "../model/index.js";
import { CreateViewOp, DropViewOp, ReplaceViewOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeSql } from "./normalize-sql.js";

/**
 * Views, their definitions compared after normalizeSql. A database that
 * rewrites definitions beyond that (PostgreSQL qualifies columns) needs a
 * dialect comparator registered with its qualifier in place of this one.
 * Turning a view into a materialized one (or back) is a drop plus a create.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "views" })(compareViews);
}

function compareViews(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const target = ctx.targetMetadata.views;
    const database = ctx.databaseMetadata.views;
    const conn = new Map(included(ctx, inSchema(database.values(), schema), "view", true, parent, (v) => target.get(v.key)).map((v) => [v.key, v]));
    const meta = included(ctx, inSchema(target.values(), schema), "view", false, parent, (v) => database.get(v.key));
    const metaKeys = new Set(meta.map((v) => v.key));
    const drop = (v: View) => new DropViewOp(v.name, { schema, view: v });
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateViewOp(m));
      else if (c.materialized !== m.materialized) upgradeOps.ops.push(drop(c), new CreateViewOp(m));
      else if (!sameView(ctx, c, m)) upgradeOps.ops.push(new ReplaceViewOp(m, c));
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(drop(c));
    }
  }
}

function sameView(ctx: AutogenContext, a: View, b: View): boolean {
  const comments = !ctx.dialect.capabilities.comments || a.comment === b.comment;
  return comments && normalizeSql(a.definition) === normalizeSql(b.definition);
}
