import { AlgorithmOp, ValidateConstraintOp } from "../ops/index.js";
import { call, Code, optionsArg } from "./js-literal.js";
import type { RendererRegistry } from "./renderers.js";
import { renderStatements } from "./render-statements.js";

/** The ops the online rewriters write: a constraint validated after it was added NOT VALID, and MySQL's algorithm clauses. */
export function setupOnlineRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(ValidateConstraintOp)((ctx, op) =>
    call(`${ctx.opPrefix}validateConstraint`, op.constraintName, op.tableName, optionsArg({ schema: op.schema })),
  );

  registry.dispatchFor(AlgorithmOp)((ctx, op) => {
    const body = op.ops.flatMap((inner) => renderStatements(ctx, inner));
    // The callback's parameter is named as the calls inside it spell it (`op.` → `op`).
    const parameter = ctx.opPrefix.replace(/\.$/, "");
    return call(`${ctx.opPrefix}withAlgorithm`, { algorithm: op.clause.algorithm, lock: op.clause.lock }, new Code(`async (${parameter}) => {\n${body.join("\n")}\n}`));
  });
}
