import type { Enum } from "../model/index.js";
import {
  AddEnumValueOp,
  CreateEnumOp,
  DropEnumOp,
  DropEnumValueOp,
  ReorderEnumValuesOp,
  type MigrateOperation,
  type UpgradeOps,
} from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";

/**
 * Named enum types (PostgreSQL): created, dropped, values added in place,
 * values removed (data-losing), and, when the values then stand in another
 * order than the model's, reordered (PostgreSQL sorts by that order). Where enums are inline (MySQL), there is no type to create:
 * the column's type comparison covers their values.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "enums" })(compareEnums);
}

function compareEnums(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.namedEnums) return;
  for (const schema of schemas) {
    const parent = parentNames(schema);
    const target = ctx.targetMetadata.enums;
    const database = ctx.databaseMetadata.enums;
    const conn = new Map(included(ctx, inSchema(database.values(), schema), "enum", true, parent, (e) => target.get(e.key)).map((e) => [e.key, e]));
    const meta = included(ctx, inSchema(target.values(), schema), "enum", false, parent, (e) => database.get(e.key));
    const metaKeys = new Set(meta.map((e) => e.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateEnumOp(m));
      else compareValues(upgradeOps, c, m, schema);
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropEnumOp(c.name, { schema, enum: c }));
    }
  }
}

function compareValues(upgradeOps: UpgradeOps, conn: Enum, meta: Enum, schema: string | undefined): void {
  const existing = new Set(conn.values);
  // New values go after their predecessor in the model; leading ones before the first value that exists already.
  const firstKept = meta.values.find((v) => existing.has(v));
  meta.values.forEach((value, i) => {
    if (existing.has(value)) return;
    const position = i > 0 ? { after: meta.values[i - 1] } : firstKept !== undefined ? { before: firstKept } : {};
    upgradeOps.ops.push(new AddEnumValueOp(meta.name, value, { schema, ...position }));
  });
  const kept = new Set(meta.values);
  conn.values.forEach((value, i) => {
    if (kept.has(value)) return;
    const position = i > 0 ? { after: conn.values[i - 1] } : conn.values.length > 1 ? { before: conn.values[1] } : {};
    upgradeOps.ops.push(new DropEnumValueOp(meta.name, value, { schema, ...position }));
  });
  const after = valuesAfter(conn.values, upgradeOps.ops, meta.name, schema);
  if (after.join("\u0000") !== meta.values.join("\u0000")) {
    upgradeOps.ops.push(new ReorderEnumValuesOp(meta.name, meta.values, { schema, existing: after }));
  }
}

/** The values once this enum's added values are in their places and its removed ones gone. */
function valuesAfter(values: readonly string[], ops: readonly MigrateOperation[], name: string, schema: string | undefined): string[] {
  const out = [...values];
  for (const op of ops) {
    if (!(op instanceof AddEnumValueOp) || op.enumName !== name || op.schema !== schema) continue;
    const at = op.after !== undefined ? out.indexOf(op.after) + 1 : op.before !== undefined ? out.indexOf(op.before) : out.length;
    out.splice(at, 0, op.value);
  }
  const dropped = new Set(ops.flatMap((op) => (op instanceof DropEnumValueOp && op.enumName === name && op.schema === schema ? [op.value] : [])));
  return out.filter((v) => !dropped.has(v));
}
