import type { Attribute, NameNode, Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { didYouMean } from "./suggest.js";

/** What an attribute accepts: positional arguments in order (the first `required` of them mandatory), then named ones. */
export interface Signature {
  readonly positional: readonly string[];
  readonly required: number;
  readonly named: readonly string[];
  /** How to write it, for "missing argument" messages. */
  readonly usage: string;
}

export interface Args {
  readonly positional: readonly Value[];
  readonly named: ReadonlyMap<string, Value>;
}

/** Matches an attribute's arguments against its signature; undefined (after reporting) when they do not fit. */
export function readArgs(ctx: BuildContext, attr: Attribute, prefix: string, sig: Signature): Args | undefined {
  const given = attr.args;
  if (given === undefined || given.length === 0) {
    if (sig.required === 0) return NO_ARGS;
    ctx.error(attr, `missing ${sig.positional[0]} of ${prefix}${attr.name}: expected ${sig.usage}`);
    return undefined;
  }
  const positional: Value[] = [];
  // Most attributes have no named arguments: they share one empty map.
  let named: Map<string, Value> | undefined;
  let ok = true;
  for (const arg of given) {
    if (arg.name) {
      if (!sig.named.includes(arg.name.text)) {
        ctx.error(arg.name, `unknown argument "${arg.name.text}" of ${prefix}${attr.name}${didYouMean(arg.name.text, sig.named)}`);
        ok = false;
      } else if (named?.has(arg.name.text)) {
        ctx.error(arg.name, `duplicate argument "${arg.name.text}" of ${prefix}${attr.name}`);
        ok = false;
      } else (named ??= new Map()).set(arg.name.text, arg.value);
    } else if (positional.length >= sig.positional.length) {
      ctx.error(arg, sig.positional.length ? `too many arguments to ${prefix}${attr.name}: expected ${sig.usage}` : `${prefix}${attr.name} takes no positional arguments: expected ${sig.usage}`);
      ok = false;
    } else positional.push(arg.value);
  }
  if (ok && positional.length < sig.required) {
    ctx.error(attr, `missing ${sig.positional[positional.length]} of ${prefix}${attr.name}: expected ${sig.usage}`);
    ok = false;
  }
  return ok ? { positional, named: named ?? NO_NAMED } : undefined;
}

const NO_NAMED: ReadonlyMap<string, Value> = new Map();
const NO_ARGS: Args = Object.freeze({ positional: Object.freeze([]), named: NO_NAMED });

export function describeValue(value: Value): string {
  switch (value.kind) {
    case "number":
      return `the number ${value.raw}`;
    case "string":
      return "a string";
    case "path":
      return `"${value.parts.map((p) => p.text).join(".")}"`;
    case "call":
      return `${value.callee.map((p) => p.text).join(".")}(...)`;
    case "list":
      return "a list";
  }
}

export function readString(ctx: BuildContext, value: Value): string | undefined {
  if (value.kind === "string") return value.value;
  ctx.error(value, `expected a string but found ${describeValue(value)}`);
  return undefined;
}

export function readBoolean(ctx: BuildContext, value: Value): boolean | undefined {
  if (value.kind === "path" && value.parts.length === 1 && !value.parts[0].quoted) {
    if (value.parts[0].text === "true") return true;
    if (value.parts[0].text === "false") return false;
  }
  ctx.error(value, `expected true or false but found ${describeValue(value)}`);
  return undefined;
}

export function readInteger(ctx: BuildContext, value: Value): number | undefined {
  if (value.kind === "number" && Number.isInteger(value.value)) return value.value;
  ctx.error(value, `expected a whole number but found ${describeValue(value)}`);
  return undefined;
}

/** A bare word from a fixed set: `cascade`, `desc`, `gin`. */
export function readWord<T extends string>(ctx: BuildContext, value: Value, what: string, options: readonly T[]): T | undefined {
  const word = value.kind === "path" && value.parts.length === 1 ? value.parts[0].text : undefined;
  if (word !== undefined && (options as readonly string[]).includes(word)) return word as T;
  const found = word !== undefined ? `"${word}"` : describeValue(value);
  const hint = word !== undefined ? didYouMean(word, options) : "";
  ctx.error(value, `unknown ${what} ${found}${hint || `; expected ${listWords(options)}`}`);
  return undefined;
}

/** A bare identifier used as a free word (an index method): any single name. */
export function readFreeWord(ctx: BuildContext, value: Value, what: string): string | undefined {
  if (value.kind === "path" && value.parts.length === 1) return value.parts[0].text;
  ctx.error(value, `expected ${what} but found ${describeValue(value)}`);
  return undefined;
}

/** `sql("...")`. */
export function readSql(ctx: BuildContext, value: Value): string | undefined {
  const sql = sqlOf(value);
  if (sql === undefined) ctx.error(value, `expected sql("...") but found ${describeValue(value)}`);
  return sql;
}

export function sqlOf(value: Value): string | undefined {
  if (value.kind !== "call" || value.callee.length !== 1 || value.callee[0].text !== "sql") return undefined;
  const [arg] = value.args;
  if (value.args.length !== 1 || arg.name || arg.value.kind !== "string") return undefined;
  return arg.value.value;
}

/** A column (or other) name: a bare or quoted name. */
export function readName(ctx: BuildContext, value: Value, what = "a column name"): NameNode | undefined {
  if (value.kind === "path" && value.parts.length === 1) return value.parts[0];
  if (value.kind === "string") return { text: value.value, quoted: true, startOffset: value.startOffset, endOffset: value.endOffset };
  ctx.error(value, `expected ${what} but found ${describeValue(value)}`);
  return undefined;
}

/** `[a, b]`: at least one name. */
export function readNameList(ctx: BuildContext, value: Value): NameNode[] | undefined {
  if (value.kind !== "list" || value.items.length === 0) {
    ctx.error(value, `expected a list of column names like [a, b] but found ${value.kind === "list" ? "an empty list" : describeValue(value)}`);
    return undefined;
  }
  const names = value.items.map((item) => readName(ctx, item));
  return names.every((n) => n !== undefined) ? (names as NameNode[]) : undefined;
}

export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** `notValid: true` on a check (PostgreSQL): undefined when absent, null when wrong (and reported). */
export function readNotValid(ctx: BuildContext, value: Value | undefined): boolean | undefined | null {
  if (!value) return undefined;
  if (!ctx.requires("notValidConstraints", value)) return null;
  return readBoolean(ctx, value) ?? null;
}
