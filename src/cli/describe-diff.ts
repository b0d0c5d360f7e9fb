/**
 * Diff tuples as lines a person reads (`strata diff`, `strata check`):
 * `+` adds, `-` removes, `~` changes. The JSON form (`--json`) prints the
 * tuples themselves; this is only their human face.
 */
import { formatDefault, formatType, type DefaultValue, type SqlType } from "../model/index.js";
import type { DiffEntry, DiffTuple } from "../ops/index.js";

type Named = { name?: string; schema?: string; table?: string; columns?: readonly string[]; kind?: string };

function qualified(schema: unknown, name: unknown): string {
  return schema ? `${String(schema)}.${String(name)}` : String(name);
}

function show(value: unknown): string {
  if (value === undefined) return "none";
  if (value === null) return "null";
  if (typeof value === "object" && value !== null && "kind" in value) {
    // A type has a name (an enum type too); a default never has one (an enum default has a value).
    return "name" in value ? formatType(value as SqlType) : formatDefault(value as DefaultValue);
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function onTable(object: Named): string {
  const cols = object.columns?.length ? ` (${object.columns.join(", ")})` : "";
  const name = object.name ? `${object.name} ` : "";
  return `${name}on ${qualified(object.schema, object.table)}${cols}`;
}

function describeTuple(tuple: DiffTuple): string {
  const [kind, ...rest] = tuple;
  const obj = rest[0] as Named;
  switch (kind) {
    case "add_table":
      return `+ table ${qualified(obj.schema, obj.name)}`;
    case "remove_table":
      return `- table ${qualified(obj.schema, obj.name)}`;
    case "rename_table":
      return `~ table ${qualified(rest[0], rest[1])} renamed to ${String(rest[2])}`;
    case "add_column": {
      const column = rest[2] as { name: string; type: SqlType; nullable: boolean };
      return `+ column ${qualified(rest[0], rest[1])}.${column.name} ${formatType(column.type)}${column.nullable ? "?" : ""}`;
    }
    case "remove_column":
      return `- column ${qualified(rest[0], rest[1])}.${(rest[2] as Named).name}`;
    case "add_index":
    case "remove_index":
    case "add_constraint":
    case "remove_constraint":
    case "add_fk":
    case "remove_fk": {
      const sign = kind.startsWith("add") ? "+" : "-";
      const what = kind.endsWith("index") ? "index" : kind.endsWith("fk") ? "foreign key" : `${obj.kind ?? ""} constraint`.trim();
      return `${sign} ${what} ${onTable(obj)}`;
    }
    case "add_table_comment":
      return `~ comment on table ${qualified(obj.schema, obj.name)}`;
    case "remove_table_comment":
      return `- comment on table ${qualified(obj.schema, obj.name)}`;
    case "add_schema":
      return `+ schema ${String(rest[0])}`;
    case "remove_schema":
      return `- schema ${String(rest[0])}`;
    case "add_schema_comment":
      return `~ comment on schema ${String(rest[0])}`;
    case "remove_schema_comment":
      return `- comment on schema ${String(rest[0])}`;
    case "add_enum":
    case "add_sequence":
    case "add_view":
      return `+ ${kind.slice(4)} ${qualified(obj.schema, obj.name)}`;
    case "remove_enum":
    case "remove_sequence":
    case "remove_view":
      return `- ${kind.slice(7)} ${qualified(obj.schema, obj.name)}`;
    case "modify_sequence":
    case "modify_view":
      return `~ ${kind.slice(7)} ${qualified(rest[0], rest[1])}`;
    case "add_function":
    case "add_domain":
      return `+ ${kind.slice(4)} ${qualified(obj.schema, obj.name)}`;
    case "remove_function":
    case "remove_domain":
      return `- ${kind.slice(7)} ${qualified(obj.schema, obj.name)}`;
    // An extension's schema is where its objects go, not a namespace of its name.
    case "add_extension":
      return `+ extension ${String(obj.name)}`;
    case "remove_extension":
      return `- extension ${String(obj.name)}`;
    case "modify_function":
    case "modify_domain":
      return `~ ${kind.slice(7)} ${qualified(rest[0], rest[1])}`;
    case "modify_extension":
      return `~ extension ${String(rest[0])}`;
    // Triggers and policies are named per table.
    case "add_trigger":
    case "add_policy":
      return `+ ${kind.slice(4)} ${onTable(obj)}`;
    case "remove_trigger":
    case "remove_policy":
      return `- ${kind.slice(7)} ${onTable(obj)}`;
    case "modify_trigger":
    case "modify_policy":
      return `~ ${kind.slice(7)} ${onTable(rest[3] as Named)}`;
    case "add_enum_value":
      return `+ value ${show(rest[2])} of enum ${qualified(rest[0], rest[1])}`;
    case "remove_enum_value":
      return `- value ${show(rest[2])} of enum ${qualified(rest[0], rest[1])}`;
    case "modify_table_options": {
      const [schema, table, from, to] = rest as [unknown, unknown, Record<string, unknown>, Record<string, unknown>];
      const changes = Object.keys(to).map((name) => `${name} ${show(from[name] ?? undefined)} → ${show(to[name] ?? undefined)}`);
      return `~ table ${qualified(schema, table)}: ${changes.join(", ")}`;
    }
    case "reorder_enum_values":
      return `~ values of enum ${qualified(rest[0], rest[1])} reordered: ${(rest[3] as string[]).join(", ")}`;
    case "execute":
      return `~ execute ${String(rest[0])}`;
    default:
      if (kind.startsWith("modify_")) {
        const [schema, table, column, , from, to] = rest;
        return `~ column ${qualified(schema, table)}.${String(column)}: ${kind.slice(7)} ${show(from)} → ${show(to)}`;
      }
      return `~ ${kind}`;
  }
}

export function describeDiff(entries: readonly DiffEntry[]): string[] {
  return entries.flatMap((entry) =>
    Array.isArray(entry[0]) ? (entry as readonly DiffTuple[]).map(describeTuple) : [describeTuple(entry as DiffTuple)],
  );
}

/** JSON for `--json`: model objects as plain objects, without plugin `info` bags. */
export function diffToJson(entries: readonly DiffEntry[]): string {
  return JSON.stringify(entries, (key, value: unknown) => (key === "info" ? undefined : value), 2);
}
