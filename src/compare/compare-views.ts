import type { Index, MetaData, View } from "../model/index.js";
import { CreateIndexOp, CreateViewOp, DropIndexOp, DropViewOp, ReplaceViewOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { indexShape } from "./compare-indexes.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeViewDefinition } from "./view-definition.js";

/**
 * Views, their definitions compared after normalizeViewDefinition. Where
 * the database rewrites definitions beyond that, the dialect says how it
 * would store the model's (Dialect.storedViewDefinitions: PostgreSQL and
 * MySQL create and read back a view of strata's own). A dialect comparator
 * registered with its qualifier can stand in for this one. Turning a view
 * into a materialized one (or back) is a drop plus a create. A
 * materialized view's indexes come with it when it is created (or
 * re-created for a new query); those of one that stays are compared by name
 * and shape, a changed one dropped and created.
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
      else compareViewIndexes(ctx, upgradeOps, c, m);
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(drop(c));
    }
  }
}

/** Index changes of a materialized view that stays; `c` is the database's view, `m` the model's. */
function compareViewIndexes(ctx: AutogenContext, upgradeOps: UpgradeOps, c: View, m: View): void {
  const parent = parentNames(m.schema, m.name);
  const conn = included(ctx, c.indexes, "index", true, parent);
  const meta = included(ctx, m.indexes, "index", false, parent);
  const shape = (i: Index) => indexShape(i, (column) => column);
  const options = { tableName: m.name, schema: m.schema };
  for (const ci of conn) {
    const mi = meta.find((i) => i.name === ci.name);
    if (mi === undefined || shape(mi) !== shape(ci)) upgradeOps.ops.push(new DropIndexOp(ci.name, { ...options, index: ci }));
  }
  for (const mi of meta) {
    const ci = conn.find((i) => i.name === mi.name);
    if (ci === undefined || shape(mi) !== shape(ci)) upgradeOps.ops.push(new CreateIndexOp(m.name, mi, { schema: m.schema }));
  }
}

/**
 * `a` is the database's view, `b` the model's; `select *` expands to the
 * target table's columns. The model's definition is taken as the database
 * would store it, when the dialect could say (storedViewDefinitions).
 */
function sameView(ctx: AutogenContext, a: View, b: View): boolean {
  const comments = !ctx.dialect.capabilities.comments || a.comment === b.comment;
  const normalize = (definition: string, schema: string | undefined) => normalizeViewDefinition(definition, ctx.targetMetadata, schema);
  const target = ctx.storedViewDefinitions.get(b.key) ?? b.definition;
  return comments && normalize(a.definition, a.schema) === normalize(target, b.schema);
}

/**
 * The target's views that the database has too but whose definitions
 * differ as normalized text: the ones worth asking the database how it
 * would store them (PostgreSQL rewrites a view beyond what normalizing can
 * undo), so the asking costs nothing when every view already compares equal.
 */
export function viewsToAskAbout(database: MetaData, target: MetaData): View[] {
  const normalize = (v: View) => normalizeViewDefinition(v.definition, target, v.schema);
  return [...target.views.values()].filter((v) => {
    const stored = database.views.get(v.key);
    return stored !== undefined && stored.materialized === v.materialized && normalize(stored) !== normalize(v);
  });
}
