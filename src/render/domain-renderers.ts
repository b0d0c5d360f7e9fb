import type { Domain } from "../model/index.js";
import { AlterDomainOp, CreateDomainOp, DropDomainOp } from "../ops/index.js";
import { call, Code, optionsArg } from "./js-literal.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import { renderConstraint, renderDefault, renderType, s } from "./render-values.js";

/** `s.domain("posint", s.integer(), { nullable: false, checks: [s.check("VALUE > 0", "posint_check")] })`. */
function domainValue(ctx: RenderContext, domain: Domain): Code {
  const options = {
    schema: domain.schema,
    nullable: domain.nullable ? undefined : false,
    default: domain.default === undefined ? undefined : renderDefault(domain.default, ctx),
    checks: domain.checks.length ? domain.checks.map((c) => renderConstraint(c, ctx)) : undefined,
    collation: domain.collation,
  };
  return new Code(call(s(ctx, "domain"), domain.name, renderType(domain.type, ctx), optionsArg(options)));
}

/** Registers the renderers of the domain ops. */
export function setupDomainRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreateDomainOp)((ctx, op) => call(`${ctx.opPrefix}createDomain`, domainValue(ctx, op.domain)));
  registry.dispatchFor(DropDomainOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropDomain`, op.domainName, optionsArg({ schema: op.schema, domain: op.domain && domainValue(ctx, op.domain) })),
  );
  registry.dispatchFor(AlterDomainOp)((ctx, op) => call(`${ctx.opPrefix}alterDomain`, domainValue(ctx, op.to), domainValue(ctx, op.from)));
}
