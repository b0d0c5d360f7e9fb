import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { Declaration, SchemaFile } from "../../grammar/ast.js";
import type { Locator } from "./locations.js";

/** The outline of a file: its declarations, with a table's columns and an enum's values under them. */
export function documentSymbols(file: SchemaFile, locator: Locator): DocumentSymbol[] {
  const range = (pos: { startOffset: number; endOffset: number }) => locator.range(file.path, pos);
  return file.declarations.map((decl): DocumentSymbol => {
    if (decl.kind === "database") return { name: "database", kind: SymbolKind.Namespace, range: range(decl), selectionRange: range(decl) };
    const name = decl.name.parts.map((p) => p.text).join(".");
    const children =
      decl.kind === "table"
        ? decl.members.flatMap((m) =>
            m.kind === "column"
              ? [{ name: m.name.text, detail: locator.document(file.path).getText(range(m.type)) + (m.nullable ? "?" : ""), kind: SymbolKind.Field, range: range(m), selectionRange: range(m.name) }]
              : [],
          )
        : decl.kind === "enum"
          ? decl.values.map((v) => ({ name: v.text, kind: SymbolKind.EnumMember, range: range(v), selectionRange: range(v) }))
          : undefined;
    return { name, detail: decl.kind, kind: KINDS[decl.kind], range: range(decl), selectionRange: range(decl.name), ...(children ? { children } : {}) };
  });
}

const KINDS: Record<Exclude<Declaration["kind"], "database">, SymbolKind> = {
  table: SymbolKind.Struct,
  type: SymbolKind.Struct,
  view: SymbolKind.Interface,
  enum: SymbolKind.Enum,
  sequence: SymbolKind.Number,
  extension: SymbolKind.Package,
  domain: SymbolKind.TypeParameter,
  function: SymbolKind.Function,
  procedure: SymbolKind.Function,
  aggregate: SymbolKind.Function,
  trigger: SymbolKind.Event,
  policy: SymbolKind.Key,
  schema: SymbolKind.Namespace,
};
