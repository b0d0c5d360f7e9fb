import type { View } from "../model/index.js";
import { CreateViewOp, DropViewOp, ReplaceViewOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeViewDefinition } from "./view-definition.js";

/**
 * Views, their definitions compared after normalizeViewDefinition. A
 * database that rewrites definitions beyond that (PostgreSQL spells out
 * joins and qualifies columns in multi-table views) needs a dialect
 * comparator registered with its qualifier, which stands in for this one.
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

/** `a` is the database's view, `b` the model's; `select *` expands to the target table's columns. */
function sameView(ctx: AutogenContext, a: View, b: View): boolean {
  const comments = !ctx.dialect.capabilities.comments || a.comment === b.comment;
  const normalize = (v: View) => normalizeViewDefinition(v.definition, ctx.targetMetadata, v.schema);
  return comments && normalize(a) === normalize(b);
}
