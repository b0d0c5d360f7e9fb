import type { CstNode, IToken } from "chevrotain";
import { StringLiteral } from "../../grammar/tokens.js";
import type {
  Argument,
  Assignment,
  Attribute,
  ColumnNode,
  Declaration,
  NameNode,
  Pos,
  QualifiedName,
  TableMember,
  TypeArgNode,
  TypeNode,
  Value,
} from "./ast.js";
import { unquoteSingle, unquoteString } from "./string-literal.js";

type Report = (line: number, column: number, message: string) => void;

/**
 * Turns the CST of a file that parsed without errors into the syntax tree.
 * Only called on error-free CSTs, so every child the grammar requires is there.
 */
export function cstToDeclarations(cst: CstNode, report: Report): Declaration[] {
  const convert = new Converter(report);
  return nodes(cst, "declaration").map((d) => convert.declaration(d));
}

function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? [];
}

function tokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] as IToken[] | undefined) ?? [];
}

function nodePos(node: CstNode): Pos {
  const loc = node.location!;
  return { line: loc.startLine!, column: loc.startColumn!, offset: loc.startOffset, endLine: loc.endLine!, endOffset: loc.endOffset! + 1 };
}

function tokenPos(token: IToken): Pos {
  return {
    line: token.startLine!,
    column: token.startColumn!,
    offset: token.startOffset,
    endLine: token.endLine!,
    endOffset: token.endOffset! + 1,
  };
}

class Converter {
  constructor(private readonly report: Report) {}

  declaration(node: CstNode): Declaration {
    const [kind] = Object.keys(node.children);
    const inner = nodes(node, kind)[0];
    const pos = nodePos(inner);
    switch (kind) {
      case "databaseBlock": {
        const block = nodes(inner, "assignmentBlock")[0];
        return { kind: "database", fields: this.assignments(block), pos, bodyPos: tokenPos(tokens(block, "LCurly")[0]) };
      }
      case "sequenceDecl": {
        const block = nodes(inner, "assignmentBlock")[0];
        return {
          kind: "sequence",
          name: this.qualifiedName(nodes(inner, "qualifiedName")[0]),
          fields: this.assignments(block),
          pos,
          bodyPos: tokenPos(tokens(block, "LCurly")[0]),
        };
      }
      case "enumDecl":
        return {
          kind: "enum",
          name: this.qualifiedName(nodes(inner, "qualifiedName")[0]),
          values: tokens(inner, "Name").map((t) => this.name(t)),
          pos,
          bodyPos: tokenPos(tokens(inner, "LCurly")[0]),
        };
      case "tableDecl":
        return {
          kind: "table",
          name: this.qualifiedName(nodes(inner, "qualifiedName")[0]),
          members: nodes(inner, "tableMember").map((m) => this.member(m)),
          pos,
          bodyPos: tokenPos(tokens(inner, "LCurly")[0]),
        };
      case "viewDecl":
        return {
          kind: "view",
          materialized: tokens(inner, "Materialized").length > 0,
          name: this.qualifiedName(nodes(inner, "qualifiedName")[0]),
          definition: this.value(nodes(inner, "value")[0]),
          attributes: nodes(inner, "attribute").map((a) => this.attribute(a)),
          pos,
        };
      default:
        throw new Error(`cst-to-ast: no handler for declaration ${kind}`);
    }
  }

  assignments(block: CstNode): Assignment[] {
    return nodes(block, "assignment").map((a) => ({
      key: this.name(tokens(a, "Name")[0]),
      value: this.value(nodes(a, "value")[0]),
      pos: nodePos(a),
    }));
  }

  member(node: CstNode): TableMember {
    const column = nodes(node, "column")[0];
    if (column) return this.column(column);
    const attr = nodes(node, "tableAttribute")[0];
    return { kind: "tableAttribute", attribute: this.attribute(attr, "TableAttrName"), pos: nodePos(attr) };
  }

  column(node: CstNode): ColumnNode {
    return {
      kind: "column",
      name: this.name(tokens(node, "Name")[0]),
      type: this.type(nodes(node, "columnType")[0]),
      nullable: tokens(node, "Question").length > 0,
      attributes: nodes(node, "attribute").map((a) => this.attribute(a)),
      pos: nodePos(node),
    };
  }

  type(node: CstNode): TypeNode {
    const names = tokens(node, "Name");
    const first = tokenPos(names[0]);
    const last = tokenPos(names[names.length - 1]);
    return {
      name: { parts: names.map((t) => this.name(t)), pos: { ...first, endLine: last.endLine, endOffset: last.endOffset } },
      args: nodes(node, "typeArgument").map((a) => this.typeArgument(a)),
      unsigned: tokens(node, "Unsigned").length > 0,
      arrayDims: tokens(node, "LBracket").length,
      pos: nodePos(node),
    };
  }

  typeArgument(node: CstNode): TypeArgNode {
    const [kind] = Object.keys(node.children);
    const token = tokens(node, kind)[0];
    const pos = tokenPos(token);
    if (kind === "NumberLiteral") return { value: Number(token.image), pos };
    if (kind === "SingleQuotedString") return { value: unquoteSingle(token.image), pos };
    return { value: this.string(token), pos };
  }

  attribute(node: CstNode, key = "AttrName"): Attribute {
    const token = tokens(node, key)[0];
    const list = nodes(node, "argumentList")[0];
    return {
      name: token.image.replace(/^@+/, ""),
      ...(list ? { args: this.argumentList(list) } : {}),
      pos: nodePos(node),
    };
  }

  argumentList(node: CstNode): Argument[] {
    return nodes(node, "argument").map((a) => {
      const name = tokens(a, "Name")[0];
      return { ...(name ? { name: this.name(name) } : {}), value: this.value(nodes(a, "value")[0]), pos: nodePos(a) };
    });
  }

  value(node: CstNode): Value {
    const pos = nodePos(node);
    const number = tokens(node, "NumberLiteral")[0];
    if (number) return { kind: "number", value: Number(number.image), raw: number.image, pos };
    const list = nodes(node, "list")[0];
    if (list) return { kind: "list", items: nodes(list, "value").map((v) => this.value(v)), pos };
    const ref = nodes(node, "reference")[0];
    const nameTokens = tokens(nodes(ref, "qualifiedName")[0], "Name");
    const args = nodes(ref, "argumentList")[0];
    if (args) return { kind: "call", callee: nameTokens.map((t) => this.name(t)), args: this.argumentList(args), pos };
    if (nameTokens.length === 1 && nameTokens[0].tokenType === StringLiteral) {
      return { kind: "string", value: this.string(nameTokens[0]), pos };
    }
    return { kind: "path", parts: nameTokens.map((t) => this.name(t)), pos };
  }

  qualifiedName(node: CstNode): QualifiedName {
    return { parts: tokens(node, "Name").map((t) => this.name(t)), pos: nodePos(node) };
  }

  name(token: IToken): NameNode {
    const quoted = token.tokenType === StringLiteral;
    return { text: quoted ? this.string(token) : token.image, quoted, pos: tokenPos(token) };
  }

  string(token: IToken): string {
    const value = unquoteString(token.image);
    if (value !== undefined) return value;
    this.report(token.startLine!, token.startColumn!, "invalid escape in string: use \\\\, \\\", \\n, \\t, \\r or \\uXXXX");
    return token.image.slice(1, -1);
  }
}
