import { Extension } from "../model/index.js";
import { AlterExtensionOp, CreateExtensionOp, DropExtensionOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { compareNames, included } from "./filters.js";

/**
 * PostgreSQL extensions. They belong to the database, not to a schema, so
 * they are compared once, whatever schemas take part. The schema an
 * extension lives in is compared as both sides state it (none is the default
 * schema); its version only when the model pins one, as an unpinned
 * extension is whatever version the server installs.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "extensions" })(compareExtensions);
}

function compareExtensions(ctx: AutogenContext, upgradeOps: UpgradeOps): void {
  if (!ctx.dialect.capabilities.extensions) return;
  const target = ctx.targetMetadata.extensions;
  const database = ctx.databaseMetadata.extensions;
  const sorted = (items: Iterable<Extension>) => [...items].sort((a, b) => compareNames(a.name, b.name));
  const conn = new Map(included(ctx, sorted(database.values()), "extension", true, {}, (e) => target.get(e.key)).map((e) => [e.key, e]));
  const meta = included(ctx, sorted(target.values()), "extension", false, {}, (e) => database.get(e.key));
  for (const m of meta) {
    const c = conn.get(m.key);
    if (!c) upgradeOps.ops.push(new CreateExtensionOp(m));
    else if (c.schema !== m.schema || (m.version !== undefined && m.version !== c.version)) {
      // An unpinned version stays what the database has: the reverse puts back exactly that.
      const to = m.version === undefined ? new Extension({ name: m.name, schema: m.schema, version: c.version, info: m.info }) : m;
      upgradeOps.ops.push(new AlterExtensionOp(c, to));
    }
  }
  const metaKeys = new Set(meta.map((e) => e.key));
  for (const c of conn.values()) if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropExtensionOp(c.name, { extension: c }));
}
