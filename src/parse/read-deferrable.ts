import type { Pos, Value } from "../../grammar/ast.js";
import type { BooleanCapability, BuildContext } from "./build-context.js";
import { readBoolean } from "./read-args.js";

export interface DeferrableOptions {
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

/**
 * `deferrable: true` and `initiallyDeferred: true`, spelled alike on foreign
 * keys and unique constraints; `capability` is the dialect feature that kind
 * of constraint needs (SQLite defers foreign keys but no unique constraint).
 * Undefined after reporting an error.
 */
export function readDeferrable(
  ctx: BuildContext,
  named: ReadonlyMap<string, Value>,
  pos: Pos,
  capability: BooleanCapability,
): DeferrableOptions | undefined {
  const deferrableValue = named.get("deferrable");
  const deferredValue = named.get("initiallyDeferred");
  const deferrable = deferrableValue && readBoolean(ctx, deferrableValue);
  const initiallyDeferred = deferredValue && readBoolean(ctx, deferredValue);
  if ((deferrableValue && deferrable === undefined) || (deferredValue && initiallyDeferred === undefined)) return undefined;
  if (deferrable && !ctx.requires(capability, deferrableValue!)) return undefined;
  if (initiallyDeferred && !deferrable) {
    ctx.error(deferredValue ?? pos, "initiallyDeferred: true needs deferrable: true");
    return undefined;
  }
  return { deferrable: deferrable || undefined, initiallyDeferred: initiallyDeferred || undefined };
}
