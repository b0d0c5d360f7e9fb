import { Enum, Sequence, View, type SequenceProps } from "../model/index.js";
import type { EnumDecl, SequenceDecl, ViewDecl } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { readArgs, readBoolean, readInteger, readSql, readString } from "./read-args.js";
import { didYouMean } from "./suggest.js";

/** An enum declaration: values are names or strings, each once (none is allowed: PostgreSQL allows it). */
export function buildEnum(ctx: BuildContext, decl: EnumDecl, name: ObjectName): Enum | undefined {
  if (ctx.dialect && !ctx.dialect.capabilities.inlineEnums && !ctx.requires("namedEnums", decl)) return undefined;
  const values: string[] = [];
  for (const v of decl.values) {
    if (values.includes(v.text)) ctx.error(v, `duplicate value "${v.text}" in enum "${name.key}"`);
    else values.push(v.text);
  }
  return new Enum({ name: name.name, schema: name.schema, values });
}

/** `view v = sql("...") @comment("...")`, optionally `materialized`. */
export function buildView(ctx: BuildContext, decl: ViewDecl, name: ObjectName): View | undefined {
  if (decl.materialized && !ctx.requires("materializedViews", decl)) return undefined;
  const definition = readSql(ctx, decl.definition);
  let comment: string | undefined;
  for (const attr of decl.attributes) {
    if (attr.name !== "comment") {
      ctx.error(attr, `unknown view attribute "@${attr.name}"${didYouMean(`@${attr.name}`, ["@comment"])}`);
      continue;
    }
    if (comment !== undefined) {
      ctx.error(attr, `duplicate @comment on view "${name.key}"`);
      continue;
    }
    const args = readArgs(ctx, attr, "@", { positional: ["text"], required: 1, named: [], usage: '@comment("...")' });
    if (args && ctx.requires("comments", attr)) comment = readString(ctx, args.positional[0]);
  }
  if (definition === undefined) return undefined;
  return new View({ name: name.name, schema: name.schema, definition, materialized: decl.materialized, comment });
}

const NUMBER_FIELDS = ["start", "increment", "minValue", "maxValue", "cache"] as const;
const SEQUENCE_FIELDS = [...NUMBER_FIELDS, "cycle", "ownedBy"];

/** `sequence s { start = 1 ... }`: every field optional, each once. */
export function buildSequence(ctx: BuildContext, decl: SequenceDecl, name: ObjectName): Sequence | undefined {
  if (!ctx.requires("sequences", decl)) return undefined;
  const props: { -readonly [K in keyof SequenceProps]: SequenceProps[K] } = { name: name.name, schema: name.schema };
  const seen = new Set<string>();
  let ok = true;
  for (const field of decl.fields) {
    const key = field.key.text;
    if (!SEQUENCE_FIELDS.includes(key)) {
      ctx.error(field.key, `unknown sequence setting "${key}"${didYouMean(key, SEQUENCE_FIELDS)}`);
      ok = false;
      continue;
    }
    if (seen.has(key)) {
      ctx.error(field.key, `duplicate sequence setting "${key}"`);
      ok = false;
      continue;
    }
    seen.add(key);
    const value =
      key === "cycle" ? readBoolean(ctx, field.value) : key === "ownedBy" ? readString(ctx, field.value) : readInteger(ctx, field.value);
    if (value === undefined) ok = false;
    else (props as Record<string, unknown>)[key] = value;
  }
  return ok ? new Sequence(props) : undefined;
}
