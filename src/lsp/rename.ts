import type { Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import type { ColumnNode, TableDecl } from "../../grammar/ast.js";
import { Locator } from "./locations.js";
import { uriOf } from "./positions.js";
import type { SchemaSymbol } from "./schema-index.js";
import type { ModelState } from "./schema-workspace.js";

/** A rename the server refuses, with the reason the editor shows. */
export class RenameRefused extends Error {}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The table or column at `offset` and the range of its name there; tables and columns are what rename knows. */
export function renameTarget(state: ModelState, path: string, offset: number): { symbol: SchemaSymbol; range: Range } | undefined {
  const found = state.index.at(path, offset);
  if (!found || (found.symbol.kind !== "table" && found.symbol.kind !== "column")) return undefined;
  const use = found.declaration ? found.symbol.nameAt : state.index.uses.find((u) => u.path === path && u.at === found.at)!.nameAt;
  return { symbol: found.symbol, range: new Locator(state).range(path, use) };
}

/**
 * Renames a table or column everywhere the model names it (declaration,
 * references, index lists, views' SQL) and records the old name with
 * `@renamedFrom("old")` / `@@renamedFrom("old")`, so the next migration
 * renames instead of dropping and adding. A name that already carries
 * `renamedFrom` keeps it: the database still has that older name.
 */
export function renameEdit(state: ModelState, symbol: SchemaSymbol, newName: string): WorkspaceEdit {
  if (symbol.kind !== "table" && symbol.kind !== "column") throw new RenameRefused("only tables and columns can be renamed");
  if (!newName) throw new RenameRefused("the new name is empty");
  const clash = symbol.kind === "column" ? `column:${symbol.container!.slice("table:".length)}.${newName}` : `table:${qualified(symbol, newName)}`;
  if (newName !== symbol.name && state.index.symbols.has(clash)) {
    throw new RenameRefused(`${symbol.kind === "column" ? "the table already has a column" : "there is already a table"} named "${newName}"`);
  }
  const locator = new Locator(state);
  const edits = new Map<string, TextEdit[]>();
  const edit = (path: string, pos: { startOffset: number; endOffset: number }, text: string) => {
    const list = edits.get(path) ?? [];
    list.push({ range: locator.range(path, pos), newText: text });
    edits.set(path, list);
  };
  // A name written quoted stays quoted; one that is not a plain word becomes quoted; a word in SQL text is replaced as it is.
  const spelled = (at: { quoted?: boolean }) =>
    at.quoted || ("quoted" in at && !PLAIN_NAME.test(newName)) ? JSON.stringify(newName) : newName;
  edit(symbol.path, symbol.nameAt, spelled(symbol.nameAt));
  for (const use of state.index.usesOf(symbol.id)) edit(use.path, use.nameAt, spelled(use.nameAt));
  const marker = renamedFromEdit(state, symbol);
  if (marker) edit(symbol.path, marker.at, marker.text);
  return { changes: Object.fromEntries([...edits].map(([path, list]) => [uriOf(path), list])) };
}

function qualified(symbol: SchemaSymbol, name: string): string {
  const dot = symbol.key.lastIndexOf(".");
  return dot < 0 ? name : `${symbol.key.slice(0, dot)}.${name}`;
}

/** Where `@renamedFrom("old")` goes: after the column's last attribute; `@@renamedFrom` as the table's last line. */
function renamedFromEdit(state: ModelState, symbol: SchemaSymbol): { at: { startOffset: number; endOffset: number }; text: string } | undefined {
  const old = JSON.stringify(symbol.name);
  if (symbol.kind === "column") {
    const column = symbol.node as ColumnNode;
    if (column.attributes.some((a) => a.name === "renamedFrom")) return undefined;
    return { at: empty(column.endOffset + 1), text: ` @renamedFrom(${old})` };
  }
  const table = symbol.node as TableDecl;
  if (table.members.some((m) => m.kind === "tableAttribute" && m.attribute.name === "renamedFrom")) return undefined;
  const text = state.texts.get(symbol.path) ?? "";
  const last = table.members[table.members.length - 1];
  if (!last) return { at: empty(table.bodyOffset + 1), text: `\n  @@renamedFrom(${old})` };
  const lineStart = text.lastIndexOf("\n", last.startOffset) + 1;
  const indent = text.slice(lineStart, last.startOffset);
  // Table attributes follow the columns after a blank line, as `strata fmt` lays them out.
  const gap = last.kind === "column" ? "\n\n" : "\n";
  return { at: empty(last.endOffset + 1), text: `${gap}${indent}@@renamedFrom(${old})` };
}

function empty(offset: number): { startOffset: number; endOffset: number } {
  return { startOffset: offset, endOffset: offset - 1 };
}
