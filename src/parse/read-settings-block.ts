import type { Assignment, Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { describeValue, sqlOf } from "./read-args.js";
import { didYouMean } from "./suggest.js";

/** How one setting of a `function`, `procedure` or `trigger` block reads its value. */
export type SettingReader = (ctx: BuildContext, value: Value) => unknown;

/**
 * The settings of a block, each read by its reader: an unknown one gets a
 * did-you-mean, a repeated one an error, a known one the dialect does not
 * take (`allowed`) says so. Returns undefined when anything was wrong.
 */
export function readSettingsBlock(
  ctx: BuildContext,
  what: string,
  fields: readonly Assignment[],
  readers: Readonly<Record<string, SettingReader>>,
  allowed: (key: string) => boolean,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const field of fields) {
    const key = field.key.text;
    const read = Object.hasOwn(readers, key) ? readers[key] : undefined;
    if (!read) {
      ctx.error(field.key, `unknown ${what} setting "${key}"${didYouMean(key, Object.keys(readers))}`);
      ok = false;
    } else if (Object.hasOwn(out, key)) {
      ctx.error(field.key, `duplicate ${what} setting "${key}"`);
      ok = false;
    } else if (!allowed(key)) {
      ctx.error(field.key, `the ${what} setting "${key}" is not supported by ${ctx.dialect?.name}`);
      ok = false;
    } else {
      const value = read(ctx, field.value);
      if (value === undefined) ok = false;
      else out[key] = value;
    }
  }
  return ok ? out : undefined;
}

/** SQL text: a string (a block string, most often) or `sql("...")`. */
export function readText(ctx: BuildContext, value: Value): string | undefined {
  if (value.kind === "string") return value.value;
  const sql = sqlOf(value);
  if (sql === undefined) ctx.error(value, `expected a string or sql("...") but found ${describeValue(value)}`);
  return sql;
}

/** A bare word or a string: `plpgsql`, `"plpgsql"`. */
export function readWordOrString(ctx: BuildContext, value: Value): string | undefined {
  if (value.kind === "string") return value.value;
  if (value.kind === "path" && value.parts.length === 1) return value.parts[0].text;
  ctx.error(value, `expected a name or a string but found ${describeValue(value)}`);
  return undefined;
}

/** `["a", "b"]`: a list of strings. */
export function readStringList(ctx: BuildContext, value: Value): string[] | undefined {
  if (value.kind === "list" && value.items.every((item) => item.kind === "string")) return value.items.map((item) => (item as { value: string }).value);
  ctx.error(value, `expected a list of strings like ["a", "b"] but found ${describeValue(value)}`);
  return undefined;
}

/** A setting a model builder requires: reports it missing at the declaration's name. */
export function requireSetting(ctx: BuildContext, settings: Record<string, unknown>, key: string, what: string, pos: { startOffset: number; endOffset: number }): boolean {
  if (settings[key] !== undefined) return true;
  ctx.error(pos, `${what} needs ${key} = ...`);
  return false;
}
