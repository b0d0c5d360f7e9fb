import { PUBLIC_ROLE, type Policy } from "../model/index.js";
import { AlterPolicyOp, CreatePolicyOp, DropPolicyOp } from "../ops/index.js";
import { call, Code, optionsArg, textLiteral } from "./js-literal.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import { s } from "./render-values.js";

/** A policy's definition (everything but its name and table), defaults left out, as `op.createPolicy` and `s.policy` take it. */
function policyDefinition(policy: Policy): Record<string, unknown> {
  const everyone = policy.roles.length === 1 && policy.roles[0] === PUBLIC_ROLE;
  return {
    schema: policy.schema,
    command: policy.command === "all" ? undefined : policy.command,
    roles: everyone ? undefined : policy.roles,
    restrictive: policy.restrictive || undefined,
    using: policy.using === undefined ? undefined : textLiteral(policy.using),
    check: policy.check === undefined ? undefined : textLiteral(policy.check),
    comment: policy.comment,
  };
}

function policyValue(ctx: RenderContext, policy: Policy): Code {
  return new Code(call(s(ctx, "policy"), policy.name, policy.table, optionsArg(policyDefinition(policy))));
}

/** Registers the renderers of row-level security policies. */
export function setupPolicyRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreatePolicyOp)((ctx, op) =>
    call(`${ctx.opPrefix}createPolicy`, op.policy.name, op.policy.table, optionsArg(policyDefinition(op.policy))),
  );

  registry.dispatchFor(DropPolicyOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropPolicy`, op.policyName, op.tableName, optionsArg({ schema: op.schema, policy: op.policy && policyValue(ctx, op.policy) })),
  );

  registry.dispatchFor(AlterPolicyOp)((ctx, op) =>
    call(`${ctx.opPrefix}alterPolicy`, op.policy.name, op.policy.table, {
      ...policyDefinition(op.policy),
      existing: op.existing && policyValue(ctx, op.existing),
    }),
  );
}
