import type { CheckConstraint, Table } from "../model/index.js";
import { CreateCheckConstraintOp, DropConstraintOp, type ModifyTableOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { compareNames, included, parentNames } from "./filters.js";
import { matchByNameOrShape } from "./match-by-name-or-shape.js";
import { nameNewConstraint, releaseConstraintNames } from "./name-new-constraints.js";
import { normalizeSql } from "./normalize-sql.js";

/** Check constraints by name when the model names them, else by their normalized expression. */
export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "checks" })(compareChecks);
}

function compareChecks(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable || !ctx.dialect.capabilities.checkConstraints) return;
  const parent = parentNames(schema, tableName);
  const expr = (c: CheckConstraint) => normalizeSql(c.expression);
  const conn = included(ctx, connTable.checkConstraints, "checkConstraint", true, parent).sort((a, b) => compareNames(expr(a), expr(b)));
  const meta = included(ctx, metaTable.checkConstraints, "checkConstraint", false, parent);
  const { pairs, added, removed } = matchByNameOrShape(meta, conn, expr, expr);
  const drop = (c: CheckConstraint) => new DropConstraintOp(c.name, tableName, { type: "check", schema, constraint: c });
  const create = (m: CheckConstraint, reuse?: string) => new CreateCheckConstraintOp(tableName, nameNewConstraint(ctx, metaTable, m, reuse), { schema });
  for (const [c, m] of pairs) {
    if (expr(c) !== expr(m) || !!c.notValid !== !!m.notValid) modifyOps.ops.push(drop(c), create(m, c.name));
  }
  for (const c of removed) modifyOps.ops.push(drop(c));
  releaseConstraintNames(ctx, metaTable, removed);
  for (const m of added) modifyOps.ops.push(create(m));
}
