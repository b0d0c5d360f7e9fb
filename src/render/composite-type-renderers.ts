import type { CompositeType } from "../model/index.js";
import { AlterCompositeTypeOp, CreateCompositeTypeOp, DropCompositeTypeOp } from "../ops/index.js";
import { call, Code, optionsArg } from "./js-literal.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import { renderColumn, s } from "./render-values.js";

/** `s.compositeType("point", [s.column("x", s.integer(), { nullable: true }), ...], { schema: "geo" })`. */
function compositeTypeValue(ctx: RenderContext, type: CompositeType): Code {
  return new Code(call(s(ctx, "compositeType"), type.name, type.attributes.map((a) => renderColumn(a, ctx)), optionsArg({ schema: type.schema })));
}

/** Registers the renderers of the composite type ops. */
export function setupCompositeTypeRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreateCompositeTypeOp)((ctx, op) => call(`${ctx.opPrefix}createCompositeType`, compositeTypeValue(ctx, op.compositeType)));
  registry.dispatchFor(DropCompositeTypeOp)((ctx, op) =>
    call(
      `${ctx.opPrefix}dropCompositeType`,
      op.typeName,
      optionsArg({ schema: op.schema, compositeType: op.compositeType && compositeTypeValue(ctx, op.compositeType) }),
    ),
  );
  registry.dispatchFor(AlterCompositeTypeOp)((ctx, op) =>
    call(`${ctx.opPrefix}alterCompositeType`, compositeTypeValue(ctx, op.to), compositeTypeValue(ctx, op.from)),
  );
}
