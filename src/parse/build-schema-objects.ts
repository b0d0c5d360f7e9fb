import { Enum, Sequence, View, type Index, type SequenceProps } from "../model/index.js";
import type { EnumDecl, Pos, SequenceDecl, ViewDecl } from "../../grammar/ast.js";
import type { BuildContext, ObjectName } from "./build-context.js";
import { readArgs, readBoolean, readInteger, readSql, readString, type Signature } from "./read-args.js";
import { readIndex, type IndexTarget } from "./read-index.js";
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

/** The attributes a view takes; the last two only on a materialized view. */
const VIEW_ATTRIBUTES: Record<string, Signature> = {
  comment: { positional: ["text"], required: 1, named: [], usage: '@comment("...")' },
  index: { positional: ["columns"], required: 1, named: ["name", "unique", "where", "using", "include", "with", "nullsNotDistinct"], usage: '@index([a, b], name: "ix_x")' },
  withNoData: { positional: [], required: 0, named: [], usage: "@withNoData" },
};
const MATERIALIZED_ONLY = new Set(["index", "withNoData"]);

/**
 * `view v = sql("...") @comment("...")`, optionally `materialized`; a
 * materialized view may also take `@index(...)` (as a table's `@@index`)
 * and `@withNoData`.
 */
export function buildView(ctx: BuildContext, decl: ViewDecl, name: ObjectName): View | undefined {
  if (decl.materialized && !ctx.requires("materializedViews", decl)) return undefined;
  const definition = readSql(ctx, decl.definition);
  const target = new ViewIndexes(ctx, name);
  let comment: string | undefined;
  let withNoData = false;
  const seen = new Set<string>();
  for (const attr of decl.attributes) {
    const signature = VIEW_ATTRIBUTES[attr.name];
    if (!signature) {
      const known = Object.keys(VIEW_ATTRIBUTES).filter((a) => decl.materialized || !MATERIALIZED_ONLY.has(a)).map((a) => `@${a}`);
      ctx.error(attr, `unknown view attribute "@${attr.name}"${didYouMean(`@${attr.name}`, known)}`);
      continue;
    }
    if (MATERIALIZED_ONLY.has(attr.name) && !decl.materialized) {
      ctx.error(attr, `@${attr.name} is only for a materialized view: write "materialized view ${name.key}"`);
      continue;
    }
    if (attr.name !== "index" && seen.has(attr.name)) {
      ctx.error(attr, `duplicate @${attr.name} on view "${name.key}"`);
      continue;
    }
    seen.add(attr.name);
    const args = readArgs(ctx, attr, "@", signature);
    if (!args) continue;
    if (attr.name === "index") readIndex(ctx, attr, args.positional[0], args.named, target);
    else if (attr.name === "withNoData") withNoData = true;
    else if (ctx.requires("comments", attr)) comment = readString(ctx, args.positional[0]);
  }
  if (definition === undefined) return undefined;
  return new View({ name: name.name, schema: name.schema, definition, materialized: decl.materialized, comment, indexes: target.indexes, withNoData });
}

/**
 * The indexes of a materialized view while it is read. The view's columns
 * come from its query, which only the database knows: index columns are
 * taken as written, and the database names a wrong one when it runs.
 */
class ViewIndexes implements IndexTarget {
  readonly indexes: Index[] = [];
  readonly #names = new Set<string>();
  constructor(
    readonly ctx: BuildContext,
    readonly name: ObjectName,
  ) {}

  claimName(indexName: string, pos: Pos, _kind: "index", hint: string): boolean {
    if (this.#names.has(indexName)) {
      this.ctx.error(pos, `duplicate index name "${indexName}" in materialized view "${this.name.key}"${hint}`);
      return false;
    }
    this.#names.add(indexName);
    return true;
  }

  checkColumns(): boolean {
    return true;
  }
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
