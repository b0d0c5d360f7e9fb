import { Policy, POLICY_COMMANDS } from "../model/index.js";
import type { RoutineDecl, Value } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { describeValue, readName, readString, readWord } from "./read-args.js";
import { readSettingsBlock, readText, requireSetting, type SettingReader } from "./read-settings-block.js";
import { didYouMean } from "./suggest.js";

const READERS: Record<string, SettingReader> = {
  on: readTable,
  for: (ctx, v) => readWord(ctx, v, "policy command", POLICY_COMMANDS),
  to: readRoles,
  as: (ctx, v) => readWord(ctx, v, "policy kind", ["permissive", "restrictive"] as const),
  using: readText,
  check: readText,
  comment: readString,
};

/** Which clause each command takes: SELECT and DELETE only see rows (USING), INSERT only adds them (WITH CHECK). */
const CLAUSES_OF: Record<string, readonly string[]> = {
  select: ["using"],
  delete: ["using"],
  insert: ["check"],
};

/**
 * `policy name { on = schema.table  for = select  to = [role_a, role_b]
 * as = restrictive  using = sql("...")  check = sql("...") }` (PostgreSQL);
 * `for` defaults to all, `to` to [public], `as` to permissive. The policy
 * lives in its table's schema; `on` must name a table of the model.
 */
export function buildPolicy(ctx: BuildContext, decl: RoutineDecl, relations: ReadonlyMap<string, string>): Policy | undefined {
  if (!ctx.requires("policies", decl)) return undefined;
  if (decl.name.parts.length > 1) {
    ctx.error(decl.name, "a policy lives in its table's schema: write its name alone and the table as on = schema.table");
    return undefined;
  }
  const name = decl.name.parts[0].text;
  const settings = readSettingsBlock(ctx, "policy", decl.fields, READERS, () => true);
  const what = `policy "${name}"`;
  if (!settings || !requireSetting(ctx, settings, "on", what, decl.name)) return undefined;
  const field = (key: string) => decl.fields.find((f) => f.key.text === key)!;
  const table = settings.on as ObjectName;
  const kind = relations.get(table.key);
  if (kind !== "table") {
    const tables = [...relations].filter(([, k]) => k === "table").map(([key]) => key);
    ctx.error(field("on").value, kind === undefined ? `unknown table "${table.key}" in ${what}${didYouMean(table.key, tables)}` : `"${table.key}" is a ${kind}: a policy is on a table`);
    return undefined;
  }
  const command = (settings.for as string | undefined) ?? "all";
  const allowed = CLAUSES_OF[command];
  let ok = true;
  for (const clause of ["using", "check"]) {
    if (settings[clause] !== undefined && allowed && !allowed.includes(clause)) {
      ctx.error(field(clause).key, `a policy for ${command} takes no ${clause} = ...: ${command === "insert" ? "an insert sees no existing rows (write check)" : `${command} adds no new rows (write using)`}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  return new Policy({
    name,
    table: table.name,
    schema: table.schema,
    command: settings.for as Policy["command"] | undefined,
    roles: settings.to as string[] | undefined,
    restrictive: settings.as === "restrictive",
    using: settings.using as string | undefined,
    check: settings.check as string | undefined,
    comment: settings.comment as string | undefined,
  });
}

function readTable(ctx: BuildContext, value: Value): ObjectName | undefined {
  if (value.kind === "path") return ctx.objectName({ parts: value.parts, startOffset: value.startOffset, endOffset: value.endOffset });
  ctx.error(value, `expected a table name but found ${describeValue(value)}`);
  return undefined;
}

/** `[role_a, "role-b"]`: at least one role name; `public` is every role. */
function readRoles(ctx: BuildContext, value: Value): string[] | undefined {
  if (value.kind !== "list" || value.items.length === 0) {
    ctx.error(value, `expected a list of roles like [public] or [app_user, admin] but found ${value.kind === "list" ? "an empty list" : describeValue(value)}`);
    return undefined;
  }
  const names = value.items.map((item) => readName(ctx, item, "a role name")?.text);
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}
