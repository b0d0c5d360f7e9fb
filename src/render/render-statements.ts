import type { MigrateOperation } from "../ops/index.js";
import type { RenderContext } from "./render-context.js";

/**
 * One op as `await ...;` statements, preceded by a warning comment when the op
 * loses data and one comment per hazard the caller found for it (acknowledge
 * one with `// strata-allow: CODE` next to them). renderCode calls it for each op, container renderers for the ops
 * they hold.
 */
export function renderStatements(ctx: RenderContext, op: MigrateOperation): string[] {
  const rendered = ctx.registry.lookup(op, ctx.dialect)(ctx, op);
  const calls = typeof rendered === "string" ? [rendered] : [...rendered];
  const loss = isContainer(op) ? undefined : op.dataLoss();
  const comments = (ctx.hazards?.get(op) ?? []).map((hazard) => {
    ctx.hazardWarnings.push(hazard);
    return `// HAZARD ${hazard.code} (${hazard.severity}): ${hazard.message}. Safer: ${hazard.safer}`;
  });
  if (loss !== undefined) {
    ctx.warnings.push(loss);
    comments.unshift(`// WARNING: this loses data: ${loss.replaceAll("\n", " ")}`);
  }
  return [...comments, ...calls.map(awaited)];
}

// Containers (ModifyTableOps, batches) render their ops one by one, and those carry their own warnings.
function isContainer(op: MigrateOperation): boolean {
  return Array.isArray((op as { ops?: unknown }).ops);
}

function awaited(call: string): string {
  return call.startsWith("//") || call.startsWith("await ") ? call : `await ${call};`;
}
