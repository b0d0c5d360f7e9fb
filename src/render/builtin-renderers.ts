import { setupCompositeTypeRenderers } from "./composite-type-renderers.js";
import { setupDomainRenderers } from "./domain-renderers.js";
import { setupExtensionRenderers } from "./extension-renderers.js";
import { setupOnlineRenderers } from "./online-renderers.js";
import { setupPolicyRenderers } from "./policy-renderers.js";
import { RendererRegistry } from "./renderers.js";
import { setupRoutineRenderers } from "./routine-renderers.js";
import { setupSchemaObjectRenderers } from "./schema-object-renderers.js";
import { setupTableRenderers } from "./table-renderers.js";

/** Registers a renderer for every built-in op, the same way a plugin registers one for its own op. */
export function setup(registry: RendererRegistry): RendererRegistry {
  setupTableRenderers(registry);
  setupSchemaObjectRenderers(registry);
  setupExtensionRenderers(registry);
  setupDomainRenderers(registry);
  setupCompositeTypeRenderers(registry);
  setupOnlineRenderers(registry);
  setupRoutineRenderers(registry);
  setupPolicyRenderers(registry);
  return registry;
}

/** The shared registry: built-ins, plus whatever plugins add with `renderers.dispatchFor(OpClass)`. */
export const renderers = setup(new RendererRegistry());
