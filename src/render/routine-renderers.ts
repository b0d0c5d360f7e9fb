import { ROUTINE_FIELDS, TRIGGER_FIELDS, type Routine, type Trigger } from "../model/index.js";
import {
  CreateFunctionOp,
  CreateTriggerOp,
  DropFunctionOp,
  DropTriggerOp,
  ReplaceFunctionOp,
  ReplaceTriggerOp,
} from "../ops/index.js";
import { call, Code, optionsArg, textLiteral } from "./js-literal.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import { s } from "./render-values.js";

/** Fields whose SQL may span lines: written as template literals. */
const TEXT_FIELDS = new Set(["body", "when", "execute", "arguments", "returns"]);

/** A routine's definition (everything but its name), defaults left out, as `op.createFunction` and `s.routine` take it. */
function routineDefinition(routine: Routine): Record<string, unknown> {
  const out: Record<string, unknown> = { schema: routine.schema };
  for (const field of ROUTINE_FIELDS) {
    const value = routine[field];
    if (field === "kind" && value === "function") continue;
    if (field === "arguments" && value === "") continue;
    out[field] = typeof value === "string" && TEXT_FIELDS.has(field) ? textLiteral(value) : value;
  }
  return out;
}

/** A trigger's definition (everything but its name and table), as `op.createTrigger` and `s.trigger` take it. */
function triggerDefinition(trigger: Trigger): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of TRIGGER_FIELDS) {
    if (field === "name" || field === "table") continue;
    const value = trigger[field];
    out[field] = typeof value === "string" && TEXT_FIELDS.has(field) ? textLiteral(value) : value;
  }
  return out;
}

function routineValue(ctx: RenderContext, routine: Routine): Code {
  return new Code(call(s(ctx, "routine"), routine.name, routineDefinition(routine)));
}

function triggerValue(ctx: RenderContext, trigger: Trigger): Code {
  return new Code(call(s(ctx, "trigger"), trigger.name, trigger.table, triggerDefinition(trigger)));
}

/** Registers the renderers of functions, procedures and triggers. */
export function setupRoutineRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreateFunctionOp)((ctx, op) => call(`${ctx.opPrefix}createFunction`, op.routine.name, routineDefinition(op.routine)));

  registry.dispatchFor(DropFunctionOp)((ctx, op) =>
    call(
      `${ctx.opPrefix}dropFunction`,
      op.functionName,
      optionsArg({
        schema: op.schema,
        kind: op.kind === "procedure" ? op.kind : undefined,
        arguments: op.arguments || undefined,
        routine: op.routine && routineValue(ctx, op.routine),
      }),
    ),
  );

  registry.dispatchFor(ReplaceFunctionOp)((ctx, op) =>
    call(`${ctx.opPrefix}replaceFunction`, op.routine.name, {
      ...routineDefinition(op.routine),
      existing: op.existing && routineValue(ctx, op.existing),
    }),
  );

  registry.dispatchFor(CreateTriggerOp)((ctx, op) =>
    call(`${ctx.opPrefix}createTrigger`, op.trigger.name, op.trigger.table, triggerDefinition(op.trigger)),
  );

  registry.dispatchFor(DropTriggerOp)((ctx, op) =>
    call(
      `${ctx.opPrefix}dropTrigger`,
      op.triggerName,
      op.tableName,
      optionsArg({ schema: op.schema, trigger: op.trigger && triggerValue(ctx, op.trigger) }),
    ),
  );

  registry.dispatchFor(ReplaceTriggerOp)((ctx, op) =>
    call(`${ctx.opPrefix}replaceTrigger`, op.trigger.name, op.trigger.table, {
      ...triggerDefinition(op.trigger),
      existing: op.existing && triggerValue(ctx, op.existing),
    }),
  );
}
