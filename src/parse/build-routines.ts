import { Routine, type RoutineKind } from "../model/index.js";
import type { RoutineDecl } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { readBoolean, readInteger, readString, readWord } from "./read-args.js";
import { readSettingsBlock, readStringList, readText, readWordOrString, requireSetting, type SettingReader } from "./read-settings-block.js";

const READERS: Record<string, SettingReader> = {
  arguments: readText,
  returns: readText,
  body: readText,
  language: readWordOrString,
  volatility: (ctx, v) => readWord(ctx, v, "volatility", ["immutable", "stable", "volatile"] as const),
  strict: readBoolean,
  security: (ctx, v) => readWord(ctx, v, "security", ["definer", "invoker"] as const),
  parallel: (ctx, v) => readWord(ctx, v, "parallel mode", ["safe", "restricted", "unsafe"] as const),
  leakproof: readBoolean,
  cost: readInteger,
  rows: readInteger,
  config: readStringList,
  deterministic: readBoolean,
  dataAccess: (ctx, v) => readWord(ctx, v, "data access", ["containsSql", "noSql", "readsSqlData", "modifiesSqlData"] as const),
  comment: readString,
  sqlMode: readString,
  stateFunction: readText,
  stateType: readText,
  finalFunction: readText,
  initialValue: readString,
  combineFunction: readText,
};

/** What only an aggregate states, and what it must. */
const AGGREGATE_ONLY = new Set(["stateFunction", "stateType", "finalFunction", "initialValue", "combineFunction"]);

/** What every dialect with routines takes; the rest is the dialect's (capabilities.routineSettings). */
const COMMON = new Set(["arguments", "returns", "body"]);

/**
 * `function name { arguments = "..." returns = "..." body = """...""" ... }`
 * and `procedure name { ... }`: a function needs `returns`, a procedure has
 * none. `aggregate name { arguments = "text" stateFunction = "f" stateType =
 * "text" }` (PostgreSQL) has no body: its functions are its code.
 */
export function buildRoutine(ctx: BuildContext, decl: RoutineDecl, name: ObjectName): Routine | undefined {
  if (!ctx.requires("functions", decl)) return undefined;
  const kind = decl.kind as RoutineKind;
  const aggregate = kind === "aggregate";
  const allowed = (key: string) =>
    (aggregate ? key !== "body" && key !== "returns" : !AGGREGATE_ONLY.has(key)) &&
    (COMMON.has(key) || !ctx.dialect || ctx.dialect.capabilities.routineSettings.includes(key));
  const settings = readSettingsBlock(ctx, kind, decl.fields, READERS, allowed);
  if (!settings) return undefined;
  const what = `${kind} "${name.key}"`;
  if (aggregate) {
    if (!requireSetting(ctx, settings, "stateFunction", what, decl.name) || !requireSetting(ctx, settings, "stateType", what, decl.name)) return undefined;
    return new Routine({ ...(settings as object), name: name.name, schema: name.schema, kind, body: "" });
  }
  if (!requireSetting(ctx, settings, "body", what, decl.name)) return undefined;
  if (kind === "function" && !requireSetting(ctx, settings, "returns", `function "${name.key}"`, decl.name)) return undefined;
  if (kind === "procedure" && settings.returns !== undefined) {
    ctx.error(decl.name, `procedure "${name.key}" returns nothing: use a function, or OUT arguments`);
    return undefined;
  }
  return new Routine({ ...(settings as object), name: name.name, schema: name.schema, kind, body: settings.body as string });
}
