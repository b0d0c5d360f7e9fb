import { builders, printer } from "prettier/doc";
import type { Expression, Property } from "./statement-syntax.js";

/**
 * The layout documents Prettier's JavaScript printer builds for the shapes
 * statement-syntax.ts reads (groups, conditional groups for a hugged last
 * argument, the property layouts of an assignment), built straight from
 * strata's own statements and handed to Prettier's document printer, and
 * the rules behind them that statement-lines.ts applies without a document.
 */

type Doc = builders.Doc;
const { group, indent, line, softline, hardline, ifBreak, fill, conditionalGroup, breakParent, indentIfBreak, lineSuffixBoundary } = builders;

export type PropertyLayout = "break-after-operator" | "never-break-after-operator" | "fluid";

/** The Prettier options that change how these shapes print. */
export interface LayoutOptions {
  readonly printWidth: number;
  readonly tabWidth: number;
  readonly useTabs: boolean;
  readonly semi: boolean;
  readonly singleQuote: boolean;
  readonly trailingComma: "all" | "es5" | "none";
  readonly bracketSpacing: boolean;
  readonly endOfLine: "lf" | "crlf" | "cr";
}

/** `doc` printed after a line break at `level` indentations, without that first line break. */
export function printDocAt(doc: Doc, level: number, options: LayoutOptions): string {
  let nested: Doc = [hardline, doc];
  for (let i = 0; i < level; i++) nested = indent(nested);
  const { formatted } = printer.printDocToString(nested, { ...options } as printer.Options);
  return formatted.slice(options.endOfLine === "crlf" ? 2 : 1);
}

/** Lines of code that Prettier lays out when they do not fit: a document per expression, as its JavaScript printer builds it. */
export class StatementDocs {
  // A Map and a Set, not weak ones: they live as long as this (one file's layout), and with
  // weak ones a 1,000-table revision took 1.09x the CPU (weak keys cost the garbage collector).
  private readonly flatTexts = new Map<Expression, string>();
  /** Documents that contain a forced break, so Prettier's willBreak never has to walk them again. */
  private readonly breaking = new Set<object>();

  constructor(private readonly options: LayoutOptions) {}

  expression(node: Expression): Doc {
    switch (node.type) {
      // Literals and names cannot break: their document is their flat text.
      case "StringLiteral":
      case "NumericLiteral":
      case "BigIntLiteral":
      case "BooleanLiteral":
      case "NullLiteral":
      case "Identifier":
        return this.flat(node);
      case "UnaryExpression":
        return [node.operator, this.expression(node.argument)];
      case "AwaitExpression":
        return this.containing(["await ", this.expression(node.argument)]);
      case "MemberExpression":
        return [this.expression(node.object), ".", node.property];
      case "CallExpression":
        return this.call(node.callee, node.args);
      case "ArrayExpression":
        return this.array(node.elements);
      case "ObjectExpression":
        return this.object(node.properties);
    }
  }

  /** The expression on one line, as Prettier prints it when it fits. */
  flat(node: Expression): string {
    // statement-lines.ts asks again for the parts of what did not fit: each text is made once.
    let text = this.flatTexts.get(node);
    if (text === undefined) this.flatTexts.set(node, (text = this.flatText(node)));
    return text;
  }

  private flatText(node: Expression): string {
    switch (node.type) {
      case "StringLiteral":
        return printString(node.raw, this.options.singleQuote);
      case "NumericLiteral":
        return printNumber(node.raw);
      case "BigIntLiteral":
      case "BooleanLiteral":
        return node.raw.toLowerCase();
      case "NullLiteral":
        return "null";
      case "Identifier":
        return node.name;
      case "UnaryExpression":
        return node.operator + this.flat(node.argument);
      case "AwaitExpression":
        return `await ${this.flat(node.argument)}`;
      case "MemberExpression":
        return `${this.flat(node.object)}.${node.property}`;
      case "CallExpression":
        return `${this.flat(node.callee)}(${node.args.map((arg) => this.flat(arg)).join(", ")})`;
      case "ArrayExpression":
        return `[${node.elements.map((element) => this.flat(element)).join(", ")}]`;
      case "ObjectExpression": {
        if (node.properties.length === 0) return "{}";
        const space = this.options.bracketSpacing ? " " : "";
        return `{${space}${node.properties.map((p) => `${p.key}: ${this.flat(p.value)}`).join(", ")}${space}}`;
      }
    }
  }

  private willBreak(doc: Doc): boolean {
    return typeof doc === "object" && this.breaking.has(doc);
  }

  /** `doc` breaks when one of its direct parts does. */
  private containing(doc: Doc[]): Doc[] {
    if (doc.some((part) => this.willBreak(part))) this.breaking.add(doc);
    return doc;
  }

  private broken<T extends Doc>(doc: T): T {
    this.breaking.add(doc as object);
    return doc;
  }

  /** A call on a member (`s.column(...)`) is a short member chain: one group. A call on a name is not grouped. */
  private call(callee: Expression, args: readonly Expression[]): Doc {
    if (isRequireCall(callee, args)) {
      // Prettier keeps a CommonJS require on one line, whatever its length.
      return this.containing(["require(", ...args.flatMap((arg, i) => (i === 0 ? [this.expression(arg)] : [", ", this.expression(arg)])), ")"]);
    }
    const printed = this.containing([this.expression(callee), this.callArguments(args)]);
    if (callee.type !== "MemberExpression") return printed;
    const grouped = group(printed);
    return this.willBreak(printed) ? this.broken(grouped) : grouped;
  }

  private callArguments(args: readonly Expression[]): Doc {
    if (args.length === 0) return "()";
    const argDocs = args.map((arg) => this.expression(arg));
    const printed = argDocs.map((doc, i) => (i === args.length - 1 ? doc : [doc, ",", line]));
    const anyBreaks = argDocs.some((doc) => this.willBreak(doc));
    const trailingComma = this.options.trailingComma === "all" ? ifBreak(",") : "";
    const allBrokenOut = () => this.broken(group(["(", indent([line, ...printed]), trailingComma, line, ")"], { shouldBreak: true }));

    if (shouldHugLastArgument(args)) {
      if (argDocs.slice(0, -1).some((doc) => this.willBreak(doc))) return allBrokenOut();
      const head = printed.slice(0, -1);
      const last = argDocs[argDocs.length - 1]!;
      if (this.willBreak(last)) {
        return this.broken([breakParent, conditionalGroup([["(", ...head, group(last, { shouldBreak: true }), ")"], allBrokenOut()])]);
      }
      return conditionalGroup([["(", ...head, last, ")"], ["(", ...head, group(last, { shouldBreak: true }), ")"], allBrokenOut()]);
    }
    const contents = group(["(", indent([softline, ...printed]), trailingComma, softline, ")"], { shouldBreak: anyBreaks });
    return anyBreaks ? this.broken(contents) : contents;
  }

  private array(elements: readonly Expression[]): Doc {
    if (elements.length === 0) return "[]";
    const trailing = this.options.trailingComma === "none" ? "" : ",";
    const docs = elements.map((element) => this.expression(element));
    if (isConciseArray(elements)) {
      // Numbers fill the lines instead of taking one each.
      const id = Symbol("array");
      const parts = docs.flatMap((doc, i) => (i === docs.length - 1 ? [[doc, ifBreak(trailing, "", { groupId: id })]] : [[doc, ","], line]));
      return group(["[", indent([softline, fill(parts)]), softline, "]"], { id });
    }
    const items = docs.map((doc, i) => (i === docs.length - 1 ? group(doc) : [group(doc), ",", line]));
    const shouldBreak = breaksArrayOfCollections(elements) || docs.some((doc) => this.willBreak(doc));
    const printed = group(["[", indent([softline, ...items, ifBreak(trailing)]), softline, "]"], { shouldBreak: breaksArrayOfCollections(elements) });
    return shouldBreak ? this.broken(printed) : printed;
  }

  private object(properties: readonly Property[]): Doc {
    if (properties.length === 0) return "{}";
    const spacing = this.options.bracketSpacing ? line : softline;
    const printed = properties.map((property) => this.property(property));
    const parts = printed.map((doc, i) => (i === 0 ? doc : [",", line, doc]));
    const doc = group(["{", indent([spacing, ...parts]), ifBreak(this.options.trailingComma === "none" ? "" : ","), spacing, "}"]);
    return printed.some((part) => this.willBreak(part)) ? this.broken(doc) : doc;
  }

  /** `key: value`, laid out as Prettier lays out the two sides of an assignment. */
  property({ key, value }: Property): Doc {
    const valueDoc = this.expression(value);
    const doc = this.propertyDoc(key, value, valueDoc);
    return this.willBreak(valueDoc) ? this.broken(doc) : doc;
  }

  private propertyDoc(key: string, value: Expression, valueDoc: Doc): Doc {
    switch (this.propertyLayout(key, value)) {
      case "break-after-operator":
        return group([key, ":", group(indent([line, valueDoc]))]);
      case "never-break-after-operator":
        return group([key, ": ", valueDoc]);
      case "fluid": {
        const id = Symbol("assignment");
        return group([key, ":", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(valueDoc, { groupId: id })]);
      }
    }
  }

  propertyLayout(key: string, value: Expression): PropertyLayout {
    if (value.type === "CallExpression" && value.callee.type === "Identifier" && value.callee.name === "require") return "never-break-after-operator";
    // A key shorter than an indentation plus three never leaves its value for the next line.
    const shortKey = key.length < this.options.tabWidth + 3;
    if (!shortKey) {
      const operand = value.type === "UnaryExpression" ? value.argument : value;
      if (operand.type === "StringLiteral" || this.isPoorlyBreakableChain(operand, false)) return "break-after-operator";
    }
    if (shortKey || value.type === "BooleanLiteral" || value.type === "NumericLiteral") return "never-break-after-operator";
    return "fluid";
  }

  /** A call chain whose calls have no arguments or one short one: breaking inside it gains nothing. */
  private isPoorlyBreakableChain(node: Expression, deep: boolean): boolean {
    switch (node.type) {
      case "CallExpression":
        if (node.args.length > 1 || (node.args.length === 1 && !this.isLoneShortArgument(node.args[0]!))) return false;
        return this.isPoorlyBreakableChain(node.callee, true);
      case "MemberExpression":
        return this.isPoorlyBreakableChain(node.object, true);
      case "Identifier":
        return deep;
      default:
        return false;
    }
  }

  private isLoneShortArgument(node: Expression): boolean {
    const threshold = this.options.printWidth * 0.25;
    switch (node.type) {
      case "Identifier":
        return node.name.length <= threshold;
      case "StringLiteral":
        return printString(node.raw, this.options.singleQuote).length <= threshold;
      case "UnaryExpression":
      case "NumericLiteral":
      case "BigIntLiteral":
      case "BooleanLiteral":
      case "NullLiteral":
        return true;
      case "CallExpression":
        return node.args.length === 0 && node.callee.type === "Identifier" && node.callee.name.length <= threshold - 2;
      default:
        return false;
    }
  }
}

/** Width is length only for printable ASCII; other text is measured by Prettier's printer. */
export function isPrintableAscii(text: string): boolean {
  return !/[^\x20-\x7e]/.test(text);
}

/** An array of collections is the only break strata's shapes force; everything else breaks only when it does not fit. */
export function hasForcedBreak(node: Expression): boolean {
  switch (node.type) {
    case "UnaryExpression":
    case "AwaitExpression":
      return hasForcedBreak(node.argument);
    case "CallExpression":
      return node.args.some(hasForcedBreak);
    case "ArrayExpression":
      return breaksArrayOfCollections(node.elements) || node.elements.some(hasForcedBreak);
    case "ObjectExpression":
      return node.properties.some((property) => hasForcedBreak(property.value));
    default:
      return false;
  }
}

export function isRequireCall(callee: Expression, args: readonly Expression[]): boolean {
  return callee.type === "Identifier" && callee.name === "require" && (args.length > 1 || args[0]?.type === "StringLiteral");
}

/** Prettier hugs a last object or array argument (`f(a, {` ... `})`) unless the one before it is of the same kind. */
export function shouldHugLastArgument(args: readonly Expression[]): boolean {
  const last = args[args.length - 1]!;
  const before = args[args.length - 2];
  const expandable = (last.type === "ObjectExpression" && last.properties.length > 0) || (last.type === "ArrayExpression" && last.elements.length > 0);
  if (!expandable || before?.type === last.type) return false;
  return !(args.length > 1 && last.type === "ArrayExpression" && isConciseArray(last.elements));
}

export function isConciseArray(elements: readonly Expression[]): boolean {
  return elements.every((e) => e.type === "NumericLiteral" || (e.type === "UnaryExpression" && e.argument.type === "NumericLiteral"));
}

/** An array of two or more arrays (or objects), each of more than one item, always breaks: it reads as a table. */
function breaksArrayOfCollections(elements: readonly Expression[]): boolean {
  if (elements.length < 2) return false;
  return elements.every((element, i) => {
    const next = elements[i + 1];
    if (next && next.type !== element.type) return false;
    if (element.type === "ArrayExpression") return element.elements.length > 1;
    if (element.type === "ObjectExpression") return element.properties.length > 1;
    return false;
  });
}

/** A string in the quotes Prettier picks: the preferred kind, unless the text holds more of those than of the other. */
export function printString(raw: string, singleQuote: boolean): string {
  const content = raw.slice(1, -1);
  const [preferred, other] = singleQuote ? ["'", '"'] : ['"', "'"];
  let preferredCount = 0;
  let otherCount = 0;
  for (const char of content) {
    if (char === preferred) preferredCount++;
    else if (char === other) otherCount++;
  }
  const quote = preferredCount > otherCount ? other : preferred;
  if (raw[0] === quote) return raw;
  const unquote = quote === '"' ? "'" : '"';
  // Escapes of the other quote are dropped, bare enclosing quotes escaped; every other escape stays as written.
  const body = content.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped !== undefined) return escaped === unquote ? escaped : match;
    return bare === quote ? `\\${bare}` : bare!;
  });
  return `${quote}${body}${quote}`;
}

/** A number as Prettier writes it: lower case, no `+` or leading zeros in the exponent, no zero exponent, no trailing zeros or dot. */
export function printNumber(raw: string): string {
  if (raw.length === 1) return raw;
  let [mantissa, exponent] = raw.toLowerCase().split("e") as [string, string | undefined];
  if (mantissa.startsWith(".")) mantissa = `0${mantissa}`;
  // Trailing zeros go, but one digit stays after a dot that has digits (`1.50` -> `1.5`, `1.0` stays, `1.` -> `1`).
  if (mantissa.includes(".")) mantissa = mantissa.replace(/(\.\d+?)0+$/, "$1").replace(/\.$/, "");
  if (exponent === undefined) return mantissa;
  const sign = exponent.startsWith("-") ? "-" : "";
  const digits = exponent.replace(/^[+-]/, "").replace(/^0+(?=\d)/, "");
  return /^0+$/.test(digits) ? mantissa : `${mantissa}e${sign}${digits}`;
}
