import { canonicalNumber, defaults, type DefaultValue, type Enum } from "../model/index.js";
import type { Value } from "../../grammar/ast.js";
import type { BuildContext } from "./build-context.js";
import { describeValue, sqlOf } from "./read-args.js";
import { didYouMean } from "./suggest.js";

const FUNCTIONS = ["now", "autoincrement", "sql"];

/**
 * `@default(...)`: a literal, `now()`, `autoincrement()`, `sql("...")`, or,
 * on an enum column, one of the enum's values (bare or quoted).
 */
export function readDefault(ctx: BuildContext, value: Value, enumDecl: Enum | undefined): DefaultValue | undefined {
  switch (value.kind) {
    case "number": {
      // The text as written, not the float the lexer read: numbers stay exact.
      if (canonicalNumber(value.raw) !== undefined) return defaults.number(value.raw);
      ctx.error(value, `the number ${value.raw} is out of range: its exponent is beyond any column type`);
      return undefined;
    }
    case "string":
      return enumDecl ? enumValue(ctx, value, value.value, enumDecl) : defaults.literal(value.value);
    case "path": {
      const word = value.parts.length === 1 ? value.parts[0].text : undefined;
      if (enumDecl && word !== undefined && (enumDecl.values.includes(word) || !LITERALS.has(word))) {
        return enumValue(ctx, value, word, enumDecl);
      }
      if (word !== undefined && LITERALS.has(word)) return defaults.literal(LITERALS.get(word)!);
      ctx.error(
        value,
        `unknown default ${describeValue(value)}: expected a string, a number, true, false, null, now(), autoincrement() or sql("...")`,
      );
      return undefined;
    }
    case "call":
      return readCall(ctx, value);
    case "list":
      ctx.error(value, "a default cannot be a list");
      return undefined;
  }
}

const LITERALS = new Map<string, boolean | null>([
  ["true", true],
  ["false", false],
  ["null", null],
]);

function enumValue(ctx: BuildContext, value: Value, word: string, decl: Enum): DefaultValue | undefined {
  if (decl.values.includes(word)) return defaults.enumValue(word);
  ctx.error(value, `unknown value "${word}" of enum "${decl.key}"${didYouMean(word, decl.values)}`);
  return undefined;
}

function readCall(ctx: BuildContext, value: Extract<Value, { kind: "call" }>): DefaultValue | undefined {
  const name = value.callee.map((p) => p.text).join(".");
  if (name === "sql") {
    const sql = sqlOf(value);
    if (sql !== undefined) return defaults.sql(sql);
    ctx.error(value, 'sql(...) takes one string: sql("...")');
    return undefined;
  }
  if (name !== "now" && name !== "autoincrement") {
    ctx.error(value, `unknown function "${name}" in @default${didYouMean(name, FUNCTIONS)}; expected now(), autoincrement() or sql("...")`);
    return undefined;
  }
  if (value.args.length) {
    ctx.error(value.args[0], `${name}() takes no arguments`);
    return undefined;
  }
  return name === "now" ? defaults.now() : defaults.autoincrement();
}
