import type { Sequence } from "../model/index.js";
import { AlterSequenceOp, CreateSequenceOp, DropSequenceOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";

const OPTIONS = ["start", "increment", "minValue", "maxValue", "cache", "cycle", "ownedBy"] as const;

/**
 * Sequences where the dialect has them. Only the options the model states
 * are compared: one it leaves out means "the database's default", which
 * reflection reports as a number, and comparing that would be a false change.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "sequences" })(compareSequences);
}

function compareSequences(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.sequences) return;
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const target = ctx.targetMetadata.sequences;
    const database = ctx.databaseMetadata.sequences;
    const conn = new Map(included(ctx, inSchema(database.values(), schema), "sequence", true, parent, (s) => target.get(s.key)).map((s) => [s.key, s]));
    const meta = included(ctx, inSchema(target.values(), schema), "sequence", false, parent, (s) => database.get(s.key));
    const metaKeys = new Set(meta.map((s) => s.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateSequenceOp(m));
      else if (differs(c, m)) upgradeOps.ops.push(new AlterSequenceOp(c, m));
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropSequenceOp(c.name, { schema, sequence: c }));
    }
  }
}

function differs(conn: Sequence, meta: Sequence): boolean {
  return OPTIONS.some((option) => meta[option] !== undefined && meta[option] !== conn[option]);
}
