import type { Argument, Attribute, NameNode, QualifiedName, TypeNode, Value } from "../../grammar/ast.js";
import { formatName, quoteString } from "../../grammar/string-literal.js";

/** How the canonical form spells each piece of syntax. */
export function printName(name: NameNode): string {
  return formatName(name.text);
}

export function printQualified(name: QualifiedName | readonly NameNode[]): string {
  const parts = "parts" in name ? name.parts : name;
  return parts.map(printName).join(".");
}

export function printValue(value: Value): string {
  switch (value.kind) {
    case "number":
      return value.raw;
    case "string":
      return quoteString(value.value);
    case "path":
      return printQualified(value.parts);
    case "call":
      return `${printQualified(value.callee)}(${printArguments(value.args)})`;
    case "list":
      return `[${value.items.map(printValue).join(", ")}]`;
  }
}

export function printArguments(args: readonly Argument[]): string {
  return args.map((a) => (a.name ? `${printName(a.name)}: ${printValue(a.value)}` : printValue(a.value))).join(", ");
}

/** `@name(args)`; empty parentheses are dropped, they mean the same as none. */
export function printAttribute(attr: Attribute, prefix: "@" | "@@"): string {
  return attr.args?.length ? `${prefix}${attr.name}(${printArguments(attr.args)})` : `${prefix}${attr.name}`;
}

export function printType(type: TypeNode): string {
  const args = type.args.length
    ? `(${type.args.map((a) => (typeof a.value === "number" ? String(a.value) : `'${a.value.replaceAll("'", "''")}'`)).join(", ")})`
    : "";
  // A quoted type name means "pass through unchecked": its quotes are kept.
  const name = type.name.parts.length === 1 && type.name.parts[0].quoted ? quoteString(type.name.parts[0].text) : printQualified(type.name);
  return name + args + (type.unsigned ? " unsigned" : "") + "[]".repeat(type.arrayDims);
}
