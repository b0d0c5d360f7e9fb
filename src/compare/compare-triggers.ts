import type { Trigger } from "../model/index.js";
import { CreateTriggerOp, DropTriggerOp, ReplaceTriggerOp, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { included, inSchema, parentNames } from "./filters.js";
import { normalizeSql } from "./normalize-sql.js";
import { bodyText } from "./routine-equality.js";

/**
 * Triggers, by table and name. Conditions and function calls are compared
 * as normalized SQL (PostgreSQL writes them back with its own spacing,
 * parentheses and qualification), bodies as written. A trigger of a dropped
 * table is dropped by an op of its own before the table, so the downgrade
 * re-creates it after the table. A changed trigger is replaced.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "triggers" })(compareTriggers);
}

function compareTriggers(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.triggers) return;
  for (const schema of schemas) {
    const target = ctx.targetMetadata.triggers;
    const database = ctx.databaseMetadata.triggers;
    const parentOf = (t: Trigger) => parentNames(schema, t.table);
    const conn = new Map(
      [...inSchema(database.values(), schema)]
        .filter((t) => included(ctx, [t], "trigger", true, parentOf(t), (x) => target.get(x.key)).length > 0)
        .map((t) => [t.key, t]),
    );
    const meta = [...inSchema(target.values(), schema)].filter((t) => included(ctx, [t], "trigger", false, parentOf(t), (x) => database.get(x.key)).length > 0);
    const metaKeys = new Set(meta.map((t) => t.key));
    for (const m of meta) {
      const c = conn.get(m.key);
      if (!c) upgradeOps.ops.push(new CreateTriggerOp(m));
      else if (!sameTrigger(ctx, c, m)) upgradeOps.ops.push(new ReplaceTriggerOp(m, c));
    }
    for (const c of conn.values()) {
      if (!metaKeys.has(c.key)) upgradeOps.ops.push(new DropTriggerOp(c.name, c.table, { schema: c.schema, trigger: c }));
    }
  }
}

function sameTrigger(ctx: AutogenContext, a: Trigger, b: Trigger): boolean {
  const sql = (text: string | undefined) => (text === undefined ? "" : normalizeSql(unwrap(text)));
  const list = (items: readonly string[] | undefined) => (items ?? []).join(",");
  const comments = !ctx.dialect.capabilities.triggerFunctions || a.comment === b.comment;
  return (
    a.timing === b.timing &&
    [...a.events].sort().join(",") === [...b.events].sort().join(",") &&
    list(a.columns) === list(b.columns) &&
    (a.forEach ?? ctx.dialect.capabilities.triggerFunctions ? a.forEach ?? "statement" : "row") ===
      (b.forEach ?? ctx.dialect.capabilities.triggerFunctions ? b.forEach ?? "statement" : "row") &&
    sql(a.when) === sql(b.when) &&
    sql(callOf(ctx, a.execute)) === sql(callOf(ctx, b.execute)) &&
    bodyText(a.body ?? "") === bodyText(b.body ?? "") &&
    !!a.constraint === !!b.constraint &&
    !!a.deferrable === !!b.deferrable &&
    !!a.initiallyDeferred === !!b.initiallyDeferred &&
    sql(a.from) === sql(b.from) &&
    a.oldTable === b.oldTable &&
    a.newTable === b.newTable &&
    a.follows === b.follows &&
    a.sqlMode === b.sqlMode &&
    comments
  );
}

/** A function call without the default schema's qualification: `public.touch()` is `touch()`. */
function callOf(ctx: AutogenContext, call: string | undefined): string | undefined {
  const schema = ctx.dialect.defaultSchema;
  if (call === undefined || schema === undefined) return call;
  return call.replace(new RegExp(`^\\s*"?${schema}"?\\.`, "i"), "");
}

/** `(cond)` is `cond`: PostgreSQL writes a WHEN condition back in parentheses of its own. */
function unwrap(sql: string): string {
  let text = sql.trim();
  while (text.startsWith("(") && text.endsWith(")") && balanced(text.slice(1, -1))) text = text.slice(1, -1).trim();
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}
