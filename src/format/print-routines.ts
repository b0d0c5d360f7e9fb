import { ROUTINE_FIELDS, type Routine, type Trigger } from "../model/index.js";
import { NO_POS, type Assignment, type Declaration, type Value } from "../../grammar/ast.js";
import { syntax } from "./model-to-ast.js";

/** Settings written as bare words (the rest of a routine's strings are text). */
const WORD_SETTINGS = new Set(["language", "volatility", "security", "parallel", "dataAccess"]);

function setting(key: string, value: Value): Assignment {
  return { key: syntax.name(key), value, ...NO_POS };
}

function valueOf(key: string, value: unknown): Value {
  if (typeof value === "boolean") return syntax.word(String(value));
  if (typeof value === "number") return syntax.number(value);
  if (Array.isArray(value)) return syntax.list(value.map((v) => syntax.string(String(v))));
  const text = String(value);
  return WORD_SETTINGS.has(key) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) ? syntax.word(text) : syntax.text(text);
}

/** `function name { ... }` / `procedure` / `aggregate`: every setting the routine states, the body last. */
export function routineDecl(routine: Routine): Declaration {
  const fields: Assignment[] = [];
  for (const key of ROUTINE_FIELDS) {
    const value = routine[key];
    if (value === undefined || key === "kind" || key === "body" || (key === "arguments" && value === "") || (key === "language" && value === "sql")) continue;
    fields.push(setting(key, valueOf(key, value)));
  }
  if (routine.kind !== "aggregate") fields.push(setting("body", syntax.text(routine.body)));
  return { kind: routine.kind, name: syntax.qualified(routine.name, routine.schema), fields, ...NO_POS, bodyOffset: 0 };
}

/** `trigger name { on = table ... }`: SQL settings as sql("..."), the body as text. */
export function triggerDecl(trigger: Trigger): Declaration {
  const fields: Assignment[] = [
    setting("on", syntax.word(...(trigger.schema !== undefined ? [trigger.schema, trigger.table] : [trigger.table]))),
    setting("timing", syntax.word(trigger.timing)),
    setting("events", syntax.names(trigger.events)),
  ];
  if (trigger.columns) fields.push(setting("columns", syntax.names(trigger.columns)));
  if (trigger.forEach) fields.push(setting("forEach", syntax.word(trigger.forEach)));
  for (const key of ["constraint", "deferrable", "initiallyDeferred"] as const) if (trigger[key]) fields.push(setting(key, syntax.word("true")));
  if (trigger.from !== undefined) fields.push(setting("from", syntax.sql(trigger.from)));
  if (trigger.oldTable !== undefined) fields.push(setting("oldTable", syntax.word(trigger.oldTable)));
  if (trigger.newTable !== undefined) fields.push(setting("newTable", syntax.word(trigger.newTable)));
  if (trigger.when !== undefined) fields.push(setting("when", syntax.sql(trigger.when)));
  if (trigger.execute !== undefined) fields.push(setting("execute", syntax.sql(trigger.execute)));
  if (trigger.follows !== undefined) fields.push(setting("follows", syntax.word(trigger.follows)));
  if (trigger.sqlMode !== undefined) fields.push(setting("sqlMode", syntax.string(trigger.sqlMode)));
  if (trigger.comment !== undefined) fields.push(setting("comment", syntax.string(trigger.comment)));
  if (trigger.body !== undefined) fields.push(setting("body", syntax.text(trigger.body)));
  return { kind: "trigger", name: syntax.qualified(trigger.name), fields, ...NO_POS, bodyOffset: 0 };
}
