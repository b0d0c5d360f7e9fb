import { Trigger, type TriggerEvent } from "../model/index.js";
import type { RoutineDecl, Value } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { describeValue, readBoolean, readName, readNameList, readString, readWord } from "./read-args.js";
import { readSettingsBlock, readText, requireSetting, type SettingReader } from "./read-settings-block.js";

const EVENTS = ["insert", "update", "delete", "truncate"] as const;

const READERS: Record<string, SettingReader> = {
  on: readQualified,
  timing: (ctx, v) => readWord(ctx, v, "trigger timing", ["before", "after", "insteadOf"] as const),
  events: readEvents,
  columns: (ctx, v) => readNameList(ctx, v)?.map((n) => n.text),
  forEach: (ctx, v) => readWord(ctx, v, "forEach", ["row", "statement"] as const),
  when: readText,
  execute: readText,
  body: readText,
  constraint: readBoolean,
  deferrable: readBoolean,
  initiallyDeferred: readBoolean,
  from: readText,
  oldTable: (ctx, v) => readName(ctx, v, "a name")?.text,
  newTable: (ctx, v) => readName(ctx, v, "a name")?.text,
  comment: readString,
  follows: (ctx, v) => readName(ctx, v, "a trigger name")?.text,
  sqlMode: readString,
};

/** Settings only a dialect whose triggers execute functions (PostgreSQL) has. */
const BODY_TRIGGER_ONLY = new Set(["body", "follows"]);
const FUNCTION_TRIGGER_ONLY = new Set(["execute", "constraint", "deferrable", "initiallyDeferred", "from", "oldTable", "newTable", "comment"]);

/**
 * `trigger name { on = table  timing = before  events = [insert, update]
 * forEach = row  execute = sql("touch()") }` (PostgreSQL), or with `body =
 * """BEGIN ... END"""` (MySQL, SQLite). The trigger lives in its table's
 * schema; `on` must name a table or view of the model.
 */
export function buildTrigger(
  ctx: BuildContext,
  decl: RoutineDecl,
  relationKind: (key: string) => string | undefined,
): Trigger | undefined {
  if (!ctx.requires("triggers", decl)) return undefined;
  if (decl.name.parts.length > 1) {
    ctx.error(decl.name, "a trigger lives in its table's schema: write its name alone and the table as on = schema.table");
    return undefined;
  }
  const name = decl.name.parts[0].text;
  const functions = !ctx.dialect || ctx.dialect.capabilities.triggerFunctions;
  // FOLLOWS is MySQL's: the dialect whose triggers run bodies and which has routines.
  const ordered = !ctx.dialect || ctx.dialect.capabilities.functions;
  const allowed = (key: string) =>
    key === "follows" || key === "sqlMode" ? !functions && ordered : BODY_TRIGGER_ONLY.has(key) ? !functions || !ctx.dialect : !FUNCTION_TRIGGER_ONLY.has(key) || functions;
  const settings = readSettingsBlock(ctx, "trigger", decl.fields, READERS, allowed);
  if (!settings) return undefined;
  const what = `trigger "${name}"`;
  const required = ["on", "timing", "events", functions ? "execute" : "body"];
  if (!required.every((key) => requireSetting(ctx, settings, key, what, decl.name))) return undefined;
  const table = settings.on as ObjectName;
  if (relationKind(table.key) === undefined) {
    ctx.error(decl.fields.find((f) => f.key.text === "on")!.value, `unknown table "${table.key}" in ${what}`);
    return undefined;
  }
  const { on: _on, ...rest } = settings;
  return new Trigger({ ...(rest as object), name, table: table.name, schema: table.schema } as ConstructorParameters<typeof Trigger>[0]);
}

function readQualified(ctx: BuildContext, value: Value): ObjectName | undefined {
  if (value.kind === "path") return ctx.objectName({ parts: value.parts, startOffset: value.startOffset, endOffset: value.endOffset });
  ctx.error(value, `expected a table name but found ${describeValue(value)}`);
  return undefined;
}

function readEvents(ctx: BuildContext, value: Value): TriggerEvent[] | undefined {
  if (value.kind !== "list" || value.items.length === 0) {
    ctx.error(value, `expected a list of events like [insert, update] but found ${value.kind === "list" ? "an empty list" : describeValue(value)}`);
    return undefined;
  }
  const events = value.items.map((item) => readWord(ctx, item, "trigger event", EVENTS));
  return events.every((e) => e !== undefined) ? (events as TriggerEvent[]) : undefined;
}
