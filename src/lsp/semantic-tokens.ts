import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Attribute, SchemaFile, Value } from "../../grammar/ast.js";
import type { SchemaIndex, SymbolKind } from "./schema-index.js";

const TYPES = ["namespace", "class", "interface", "enum", "enumMember", "property", "type", "variable", "decorator", "function"] as const;
type TokenType = (typeof TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ["declaration"] };

const OF_KIND: Record<SymbolKind, TokenType> = {
  table: "class",
  type: "type",
  view: "interface",
  enum: "enum",
  enumValue: "enumMember",
  column: "property",
  sequence: "variable",
  extension: "namespace",
  domain: "type",
  function: "function",
  procedure: "function",
  aggregate: "function",
  trigger: "function",
  policy: "variable",
  schema: "namespace",
};

interface Token {
  readonly offset: number;
  readonly length: number;
  readonly type: TokenType;
  readonly declaration: boolean;
}

/**
 * What each name in a file is, by its meaning rather than its spelling
 * (the TextMate grammar colours by spelling): declarations, the tables and
 * columns references name, enum types and values, attributes and functions.
 */
export function semanticTokens(file: SchemaFile, index: SchemaIndex, document: TextDocument): SemanticTokens {
  const tokens: Token[] = [];
  const add = (pos: { startOffset: number; endOffset: number }, type: TokenType, declaration = false) =>
    tokens.push({ offset: pos.startOffset, length: pos.endOffset - pos.startOffset + 1, type, declaration });

  for (const symbol of index.symbols.values()) {
    if (symbol.path !== file.path) continue;
    add(symbol.nameAt, OF_KIND[symbol.kind], true);
    if (symbol.kind !== "column" && symbol.kind !== "enumValue" && symbol.at.startOffset < symbol.nameAt.startOffset) {
      add({ startOffset: symbol.at.startOffset, endOffset: symbol.nameAt.startOffset - 2 }, "namespace");
    }
  }
  for (const use of index.uses) {
    if (use.path === file.path) add(use.nameAt, OF_KIND[index.symbols.get(use.id)!.kind]);
  }
  const text = document.getText();
  const attribute = (attr: Attribute) => {
    const prefix = text.startsWith("@@", attr.startOffset) ? 2 : 1;
    tokens.push({ offset: attr.startOffset, length: prefix + attr.name.length, type: "decorator", declaration: false });
    for (const arg of attr.args ?? []) calls(arg.value);
  };
  const calls = (value: Value): void => {
    if (value.kind === "call") {
      add({ startOffset: value.callee[0].startOffset, endOffset: value.callee[value.callee.length - 1].endOffset }, "function");
      for (const arg of value.args) calls(arg.value);
    } else if (value.kind === "list") value.items.forEach(calls);
  };
  for (const decl of file.declarations) {
    if (decl.kind === "table") {
      for (const member of decl.members) {
        if (member.kind === "tableAttribute") attribute(member.attribute);
        else {
          if (!index.symbols.has(`enum:${index.keyOf(member.type.name.parts)}`)) add(member.type.name, "type");
          member.attributes.forEach(attribute);
        }
      }
    } else if (decl.kind === "view") {
      decl.attributes.forEach(attribute);
    }
  }

  // A name that is also a call (`b(sort: desc)`, `organization([id])`) is what the index says it is.
  tokens.sort((a, b) => a.offset - b.offset || (a.type === "function" ? 1 : 0) - (b.type === "function" ? 1 : 0));
  const builder = new SemanticTokensBuilder();
  let end = -1;
  for (const token of tokens) {
    if (token.offset < end) continue;
    const start = document.positionAt(token.offset);
    builder.push(start.line, start.character, token.length, TYPES.indexOf(token.type), token.declaration ? 1 : 0);
    end = token.offset + token.length;
  }
  return builder.build();
}
