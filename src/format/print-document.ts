import type {
  Assignment,
  ColumnNode,
  Comment,
  Declaration,
  EnumDecl,
  Pos,
  TableDecl,
  CompositeTypeDecl,
  TableMember,
} from "../../grammar/ast.js";
import { arrangeComments, commentText, type Element, type LineOf } from "./arrange-comments.js";
import { printAttribute, printName, printQualified, printType, printValue } from "./print-values.js";

const INDENT = "  ";
/** An enum whose one-line form is longer than this is written one value per line. */
const ENUM_LINE = 100;

/**
 * The canonical text of a file: one blank line between declarations, two
 * spaces of indent, table columns aligned in name / type / attribute
 * columns, settings aligned on `=`, comments kept where they were.
 */
export function printDocument(
  declarations: readonly Declaration[],
  comments: readonly Comment[] = [],
  lineOf: LineOf = () => 0,
): string {
  const { elements, inner } = arrangeComments(declarations, comments, lineOf, (d) => d.kind !== "view");
  const lines: string[] = [];
  let previous: "member" | "comment" | undefined;
  for (const el of elements) {
    // After a declaration there is always a blank line; a comment keeps its own spacing to what follows.
    if (previous !== undefined && (el.blankBefore || previous === "member")) lines.push("");
    if (el.kind === "comment") lines.push(el.text);
    else {
      const body = printDeclaration(el.member, inner.get(el.member) ?? [], lineOf);
      if (el.trailing.length) body[body.length - 1] += ` ${el.trailing.join(" ")}`;
      lines.push(...body);
    }
    previous = el.kind;
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

function printDeclaration(decl: Declaration, comments: readonly Comment[], lineOf: LineOf): string[] {
  switch (decl.kind) {
    case "database":
      return printBlock("database", decl.bodyOffset, decl.fields, comments, lineOf, printAssignments(decl.fields));
    case "sequence":
      return printBlock(`sequence ${printQualified(decl.name)}`, decl.bodyOffset, decl.fields, comments, lineOf, printAssignments(decl.fields));
    case "extension": {
      const head = `extension ${printQualified(decl.name)}`;
      if (decl.fields.length === 0 && comments.length === 0) return [head];
      return printBlock(head, decl.bodyOffset, decl.fields, comments, lineOf, printAssignments(decl.fields));
    }
    case "domain": {
      const head = `domain ${printQualified(decl.name)} ${printType(decl.type)}${decl.nullable ? "?" : ""}`;
      return [[head, ...decl.attributes.map((a) => printAttribute(a, "@"))].join(" ")];
    }
    case "function":
    case "procedure":
    case "aggregate":
    case "trigger":
    case "policy":
      return printBlock(`${decl.kind} ${printQualified(decl.name)}`, decl.bodyOffset, decl.fields, comments, lineOf, printAssignments(decl.fields));
    case "enum":
      return printEnum(decl, comments, lineOf);
    case "schema":
      return [[`schema ${printQualified(decl.name)}`, ...decl.attributes.map((a) => printAttribute(a, "@"))].join(" ")];
    case "table":
    case "type":
      return printBlock(`${decl.kind} ${printQualified(decl.name)}`, decl.bodyOffset, decl.members, comments, lineOf, printColumns(decl));
    case "view": {
      const head = `${decl.materialized ? "materialized " : ""}view ${printQualified(decl.name)} = ${printValue(decl.definition)}`;
      const attributes = decl.attributes.map((a) => printAttribute(a, "@"));
      // A materialized view's indexes read best one to a line, under the view.
      if (decl.attributes.some((a) => a.name === "index")) return [head, ...attributes.map((a) => `  ${a}`)];
      return [[head, ...attributes].join(" ")];
    }
  }
}

/**
 * `head { members }`. Comments before the body opens, or on the line of its
 * `{`, stay on the header line.
 */
function printBlock<M extends Pos & { readonly blankLineBefore?: boolean }>(
  head: string,
  bodyOffset: number,
  members: readonly M[],
  comments: readonly Comment[],
  lineOf: LineOf,
  printMember: (member: M) => string,
): string[] {
  const firstOffset = members[0]?.startOffset ?? Infinity;
  const onHeader = (c: Comment) =>
    c.startOffset < bodyOffset ||
    (lineOf(c.startOffset) === lineOf(bodyOffset) && c.startOffset < firstOffset);
  const header = comments.filter(onHeader).map(commentText);
  const { elements } = arrangeComments(members, comments.filter((c) => !onHeader(c)), lineOf);
  const open = `${head} {${header.length ? ` ${header.join(" ")}` : ""}`;
  if (elements.length === 0) return header.length ? [open, "}"] : [`${head} {}`];
  return [open, ...printElements(elements, printMember), "}"];
}

function printElements<M>(elements: readonly Element<M>[], printMember: (member: M) => string): string[] {
  const lines: string[] = [];
  for (const el of elements) {
    if (el.blankBefore) lines.push("");
    const text = el.kind === "comment" ? el.text : [printMember(el.member), ...el.trailing].join(" ");
    lines.push(INDENT + text);
  }
  return lines;
}

function printAssignments(fields: readonly Assignment[]): (field: Assignment) => string {
  const width = Math.max(0, ...fields.map((f) => printName(f.key).length));
  return (field) => `${printName(field.key).padEnd(width)} = ${printValue(field.value, INDENT)}`;
}

/** Column lines aligned in three columns: name, type (with `?`), attributes. */
function printColumns(table: TableDecl | CompositeTypeDecl): (member: TableMember) => string {
  const columns = table.members.filter((m): m is ColumnNode => m.kind === "column");
  const typeOf = (c: ColumnNode) => printType(c.type) + (c.nullable ? "?" : "");
  const nameWidth = Math.max(0, ...columns.map((c) => printName(c.name).length));
  const typeWidth = Math.max(0, ...columns.map((c) => typeOf(c).length));
  return (member) => {
    if (member.kind === "tableAttribute") return printAttribute(member.attribute, "@@", INDENT);
    const attrs = member.attributes.map((a) => printAttribute(a, "@", INDENT)).join(" ");
    return `${printName(member.name).padEnd(nameWidth)} ${typeOf(member).padEnd(typeWidth)} ${attrs}`.trimEnd();
  };
}

/** One line when short and comment-free, else one value per line. */
function printEnum(decl: EnumDecl, comments: readonly Comment[], lineOf: LineOf): string[] {
  const head = `enum ${printQualified(decl.name)}`;
  const oneLine = `${head} { ${decl.values.map(printName).join(" ")} }`;
  if (comments.length === 0 && oneLine.length <= ENUM_LINE) return decl.values.length ? [oneLine] : [`${head} {}`];
  return printBlock(head, decl.bodyOffset, decl.values, comments, lineOf, printName);
}
