import type { TableOptions } from "../model/index.js";
import type { Attribute, Value } from "../../grammar/ast.js";
import { syntax } from "./model-to-ast.js";

/**
 * `@@partitionBy`, `@@partitionOf` and `@@inherits` from the table options
 * that hold them as SQL (model/table-options.ts): the key's columns are
 * written as names, its expressions as `sql("...")`.
 */
export function partitioningAttributes(options: TableOptions): Attribute[] {
  const attrs: Attribute[] = [];
  if (options.partitionOf !== undefined) {
    const bound = options.partitionBound === undefined || /^default$/i.test(options.partitionBound) ? syntax.word("default") : syntax.sql(options.partitionBound);
    attrs.push(syntax.attr("partitionOf", [syntax.arg(tableWord(options.partitionOf)), syntax.arg(bound)]));
  }
  if (options.inherits !== undefined) {
    const parents = options.inherits.split(", ").map(tableWord);
    attrs.push(syntax.attr("inherits", [syntax.arg(parents.length === 1 ? parents[0] : syntax.list(parents))]));
  }
  if (options.partitionBy !== undefined) {
    const match = /^(\w+)\s*\((.*)\)\s*$/s.exec(options.partitionBy);
    if (match) {
      const key = splitTopLevel(match[2]).map(keyElement);
      attrs.push(syntax.attr("partitionBy", [syntax.arg(syntax.word(match[1].toLowerCase())), syntax.arg(syntax.list(key))]));
    }
  }
  return attrs;
}

/** A table's model key (`name`, `schema.name`) as a name in the language. */
function tableWord(key: string): Value {
  const dot = key.indexOf(".");
  return dot < 0 ? syntax.word(key) : syntax.word(key.slice(0, dot), key.slice(dot + 1));
}

/** A column (bare or quoted) as a name, anything else as `sql("...")` without the parentheses PARTITION BY puts around it. */
function keyElement(element: string): Value {
  if (/^[a-z_][a-z0-9_$]*$/.test(element)) return syntax.word(element);
  const quoted = /^"((?:[^"]|"")*)"$/.exec(element);
  if (quoted) return syntax.word(quoted[1].replaceAll('""', '"'));
  return syntax.sql(wrapped(element) ? element.slice(1, -1) : element);
}

/** Whether the whole text is one parenthesized group: `(a + b)`, not `(a) + (b)`. */
function wrapped(text: string): boolean {
  if (!text.startsWith("(") || !text.endsWith(")")) return false;
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    if (depth === 0) return false;
  }
  return true;
}

/** Splits SQL at the commas outside parentheses and quotes. */
function splitTopLevel(sql: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      parts.push(sql.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(sql.slice(start).trim());
  return parts;
}
