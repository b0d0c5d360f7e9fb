import {
  hasForcedBreak,
  isConciseArray,
  isPrintableAscii,
  isRequireCall,
  printDocAt,
  shouldHugLastArgument,
  StatementDocs,
  type LayoutOptions,
} from "./statement-docs.js";
import type { BodyItem, Expression, Property } from "./statement-syntax.js";

/**
 * A migration body in the lines Prettier would write, mostly without a layout
 * document: strata's statements break in a few fixed ways (an argument list
 * one per line, a last object or array argument hugged, an object's
 * properties one per line), and which one applies follows from the widths of
 * their flat texts. Where the choice needs Prettier's document printer (a
 * fluid property whose value does not fit either way, numbers filling lines,
 * text whose width is not its length), that piece goes through a document
 * from statement-docs.ts, at the same place with the same text around it.
 */
export function printBody(items: readonly BodyItem[], options: LayoutOptions): string {
  const lines = new StatementLines(options);
  const eol = options.endOfLine === "crlf" ? "\r\n" : options.endOfLine === "cr" ? "\r" : "\n";
  const out: string[] = [];
  for (const item of items) {
    if (item.type === "BlankLine") out.push("");
    else if (item.type === "LineComment") out.push(lines.indentation(1) + item.text);
    else lines.expression(out, "", item.expression, 1, options.semi ? ";" : "");
  }
  return out.join(eol);
}

class StatementLines {
  private readonly docs: StatementDocs;
  private readonly indents: string[] = [];

  constructor(private readonly options: LayoutOptions) {
    this.docs = new StatementDocs(options);
  }

  indentation(level: number): string {
    return (this.indents[level] ??= (this.options.useTabs ? "\t" : " ".repeat(this.options.tabWidth)).repeat(level));
  }

  /** Whether printable ASCII `text` fits on a line at `level` (Prettier counts a tab as tabWidth). */
  private fits(level: number, text: string): boolean {
    return level * this.options.tabWidth + text.length <= this.options.printWidth;
  }

  /** `prefix` + the expression + `suffix`, starting a line at `level`, appended to `out`. */
  expression(out: string[], prefix: string, node: Expression, level: number, suffix: string): void {
    const flat = this.docs.flat(node);
    // Other text is as wide as Prettier's printer measures it, so it goes to the printer.
    if (!isPrintableAscii(prefix + flat + suffix)) return this.document(out, [prefix, this.docs.expression(node), suffix], level);
    if (!hasForcedBreak(node) && this.fits(level, prefix + flat + suffix)) {
      out.push(this.indentation(level) + prefix + flat + suffix);
      return;
    }
    if (node.type === "AwaitExpression") return this.expression(out, `${prefix}await `, node.argument, level, suffix);
    if (node.type === "CallExpression" && node.args.length > 0 && !isRequireCall(node.callee, node.args)) {
      return this.call(out, prefix, node, level, suffix);
    }
    if (node.type === "ObjectExpression" && node.properties.length > 0) {
      return this.members(out, `${prefix}{`, node, level, `}${suffix}`);
    }
    if (node.type === "ArrayExpression" && node.elements.length > 0 && !isConciseArray(node.elements)) {
      return this.members(out, `${prefix}[`, node, level, `]${suffix}`);
    }
    if (node.type === "CallExpression" || node.type === "ArrayExpression" || node.type === "ObjectExpression") {
      this.document(out, [prefix, this.docs.expression(node), suffix], level);
      return;
    }
    // Literals and names cannot break: they run past the line's end.
    out.push(this.indentation(level) + prefix + flat + suffix);
  }

  /**
   * A call that does not fit: its last object or array argument hugged when
   * the line up to that argument's bracket fits (Prettier's conditional
   * group), else every argument on its own line.
   */
  private call(out: string[], prefix: string, node: Expression & { type: "CallExpression" }, level: number, suffix: string): void {
    const { args } = node;
    const callee = prefix + this.docs.flat(node.callee);
    const last = args[args.length - 1]!;
    const head = args.slice(0, -1);
    if (shouldHugLastArgument(args) && !head.some(hasForcedBreak)) {
      // A hugged list of numbers fills its lines: the printer's work.
      if (last.type === "ArrayExpression" && isConciseArray(last.elements)) return this.document(out, [prefix, this.docs.expression(node), suffix], level);
      const opening = `${callee}(${head.map((arg) => `${this.docs.flat(arg)}, `).join("")}${last.type === "ObjectExpression" ? "{" : "["}`;
      if (this.fits(level, opening)) {
        return this.members(out, opening, last as Expression & { type: "ObjectExpression" | "ArrayExpression" }, level, `${last.type === "ObjectExpression" ? "}" : "]"})${suffix}`);
      }
    }
    out.push(this.indentation(level) + callee + "(");
    const trailing = this.options.trailingComma === "all" ? "," : "";
    args.forEach((arg, i) => this.expression(out, "", arg, level + 1, i < args.length - 1 ? "," : trailing));
    out.push(`${this.indentation(level)})${suffix}`);
  }

  /** An object's properties or an array's elements one per line, between `opening` and `closing`. */
  private members(
    out: string[],
    opening: string,
    node: Expression & { type: "ObjectExpression" | "ArrayExpression" },
    level: number,
    closing: string,
  ): void {
    out.push(this.indentation(level) + opening);
    const trailing = this.options.trailingComma === "none" ? "" : ",";
    if (node.type === "ObjectExpression") {
      node.properties.forEach((property, i) => this.property(out, property, level + 1, i < node.properties.length - 1 ? "," : trailing));
    } else {
      node.elements.forEach((element, i) => this.expression(out, "", element, level + 1, i < node.elements.length - 1 ? "," : trailing));
    }
    out.push(this.indentation(level) + closing);
  }

  /** `key: value` and `suffix` on lines at `level`, laid out as Prettier lays out an assignment. */
  private property(out: string[], property: Property, level: number, suffix: string): void {
    const { key, value } = property;
    const flat = this.docs.flat(value);
    if (!isPrintableAscii(`${flat}${suffix}`)) return this.document(out, [this.docs.property(property), suffix], level);
    if (!hasForcedBreak(value) && this.fits(level, `${key}: ${flat}${suffix}`)) {
      out.push(`${this.indentation(level)}${key}: ${flat}${suffix}`);
      return;
    }
    switch (this.docs.propertyLayout(key, value)) {
      case "break-after-operator":
        out.push(`${this.indentation(level)}${key}:`);
        return this.expression(out, "", value, level + 1, suffix);
      case "never-break-after-operator":
        return this.expression(out, `${key}: `, value, level, suffix);
      case "fluid": {
        // The value stays after the key when its text up to its first possible break fits there.
        const start = firstSegment(value, flat);
        if (start !== undefined) {
          if (this.fits(level, `${key}: ${start.text}${start.whole ? suffix : ""}`)) return this.expression(out, `${key}: `, value, level, suffix);
          out.push(`${this.indentation(level)}${key}:`);
          return this.expression(out, "", value, level + 1, suffix);
        }
        this.document(out, [this.docs.property(property), suffix], level);
      }
    }
  }

  private document(out: string[], doc: Parameters<typeof printDocAt>[0], level: number): void {
    out.push(printDocAt(doc, level, this.options));
  }
}

/**
 * The text of a value up to the first place it could break (`{`, `[`,
 * `callee(`), or all of it (`whole`) when it cannot break; undefined where
 * that place depends on more than the shape (numbers filling lines).
 */
function firstSegment(node: Expression, flat: string): { text: string; whole: boolean } | undefined {
  switch (node.type) {
    case "ObjectExpression":
      return node.properties.length ? { text: "{", whole: false } : { text: flat, whole: true };
    case "ArrayExpression":
      if (node.elements.length === 0) return { text: flat, whole: true };
      return isConciseArray(node.elements) ? undefined : { text: "[", whole: false };
    case "CallExpression":
      if (node.args.length === 0 || isRequireCall(node.callee, node.args)) return { text: flat, whole: true };
      return { text: `${flat.slice(0, flat.indexOf("("))}(`, whole: false };
    case "AwaitExpression":
      return undefined;
    default:
      return { text: flat, whole: true };
  }
}
