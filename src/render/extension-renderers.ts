import type { Extension } from "../model/index.js";
import { AlterExtensionOp, CreateExtensionOp, DropExtensionOp } from "../ops/index.js";
import { call, optionsArg } from "./js-literal.js";
import type { RendererRegistry } from "./renderers.js";

/** Where an extension lives, as the extension ops take it. */
function placement(extension: Extension | undefined): Record<string, unknown> {
  return { schema: extension?.schema, version: extension?.version };
}

/** Registers the renderers of the extension ops. */
export function setupExtensionRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreateExtensionOp)((ctx, op) =>
    call(`${ctx.opPrefix}createExtension`, op.extension.name, optionsArg(placement(op.extension))),
  );
  registry.dispatchFor(DropExtensionOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropExtension`, op.extensionName, optionsArg(placement(op.extension))),
  );
  // A version both sides share is no change: left out, the op runs and reverses the same.
  registry.dispatchFor(AlterExtensionOp)((ctx, op) => {
    const same = op.from.version === op.to.version;
    const to = { ...placement(op.to), ...(same ? { version: undefined } : {}) };
    const from = { ...placement(op.from), ...(same ? { version: undefined } : {}) };
    return call(`${ctx.opPrefix}alterExtension`, op.to.name, to, optionsArg(from));
  });
}
