import type { Argument, Attribute, NameNode, QualifiedName, TypeNode, Value } from "../../grammar/ast.js";
import { fitsBlock, formatName, printBlock, quoteString } from "../../grammar/string-literal.js";

/** What a block string's lines are indented by, past the line it starts on. */
const BLOCK_INDENT = "  ";

/** How the canonical form spells each piece of syntax. */
export function printName(name: NameNode): string {
  return formatName(name.text);
}

export function printQualified(name: QualifiedName | readonly NameNode[]): string {
  const parts = "parts" in name ? name.parts : name;
  return parts.map(printName).join(".");
}

/**
 * `indent` is that of the line the value starts on: a block string's lines
 * go one step further in. A block string that would not read back the same
 * in block form (one line, or holding `"""`) is written as a plain string.
 */
export function printValue(value: Value, indent = ""): string {
  switch (value.kind) {
    case "number":
      return value.raw;
    case "string":
      return value.block && fitsBlock(value.value) ? printBlock(value.value, indent + BLOCK_INDENT) : quoteString(value.value);
    case "path":
      return printQualified(value.parts);
    case "call":
      return `${printQualified(value.callee)}(${printArguments(value.args, indent)})`;
    case "list":
      return `[${value.items.map((item) => printValue(item, indent)).join(", ")}]`;
  }
}

export function printArguments(args: readonly Argument[], indent = ""): string {
  return args.map((a) => (a.name ? `${printName(a.name)}: ${printValue(a.value, indent)}` : printValue(a.value, indent))).join(", ");
}

/** `@name(args)`; empty parentheses are dropped, they mean the same as none. */
export function printAttribute(attr: Attribute, prefix: "@" | "@@", indent = ""): string {
  return attr.args?.length ? `${prefix}${attr.name}(${printArguments(attr.args, indent)})` : `${prefix}${attr.name}`;
}

export function printType(type: TypeNode): string {
  const args = type.args.length
    ? `(${type.args.map((a) => (typeof a.value === "number" ? String(a.value) : `'${a.value.replaceAll("'", "''")}'`)).join(", ")})`
    : "";
  // A quoted type name means "pass through unchecked": its quotes are kept.
  const name = type.name.parts.length === 1 && type.name.parts[0].quoted ? quoteString(type.name.parts[0].text) : printQualified(type.name);
  return name + args + (type.unsigned ? " unsigned" : "") + (type.zerofill ? " zerofill" : "") + "[]".repeat(type.arrayDims);
}
