import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { PORTABLE_TYPES, REFERENTIAL_ACTIONS } from "../model/index.js";
import { COLUMN_ATTRIBUTES } from "../parse/build-column.js";
import { TABLE_ATTRIBUTES } from "../parse/build-table.js";
import type { Signature } from "../parse/read-args.js";
import type { SchemaSymbol } from "./schema-index.js";
import type { ModelState } from "./schema-workspace.js";

const NAME = String.raw`[A-Za-z_][A-Za-z0-9_]*`;
const PATH = String.raw`[A-Za-z_][A-Za-z0-9_.]*`;

/**
 * What may be written at the cursor, read from the text before it on its
 * line (what is being typed rarely parses yet) and from the model's index:
 * types at a column's type, attributes after `@`/`@@` with their
 * arguments (and then their named ones), tables and columns inside
 * references and column lists, referential actions, enum
 * values inside a default.
 */
export function completions(state: ModelState, document: TextDocument, path: string, position: Position): CompletionItem[] {
  const offset = document.offsetAt(position);
  const before = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const index = state.completionIndex;
  const tableName = enclosingTable(document.getText(), offset);
  const table = tableName === undefined ? undefined : index.symbols.get(`table:${index.keyOf(parts(tableName))}`);
  let match: RegExpExecArray | null;

  if ((match = new RegExp(String.raw`@references\((${PATH})\.(${NAME})?$`).exec(before))) {
    return columnItems(index.columnsOf(`table:${index.keyOf(parts(match[1]))}`));
  }
  if (/@references\((?:[A-Za-z_][A-Za-z0-9_.]*)?$/.test(before) || /references:\s*(?:[A-Za-z_][A-Za-z0-9_.]*)?$/.test(before)) {
    return tableItems(state);
  }
  if ((match = new RegExp(String.raw`references:\s*(${PATH})\(\[[^\]]*$`).exec(before))) {
    return columnItems(index.columnsOf(`table:${index.keyOf(parts(match[1]))}`));
  }
  if (/@@(?:id|unique|index|foreignKey)\(\[[^\]]*$/.test(before)) {
    return table ? columnItems(index.columnsOf(table.id)) : [];
  }
  if ((match = new RegExp(String.raw`^\s*${NAME}\s+(${PATH})\??\s.*@default\((?:${NAME})?$`).exec(before))) {
    const enumId = `enum:${index.keyOf(parts(match[1]))}`;
    return [...index.symbols.values()]
      .filter((s) => s.container === enumId)
      .map((s) => ({ label: s.name, kind: CompletionItemKind.EnumMember, detail: `value of ${match![1]}` }));
  }
  if (/\b(?:onDelete|onUpdate):\s*\w*$/.test(before)) {
    return REFERENTIAL_ACTIONS.map((action) => ({ label: action, kind: CompletionItemKind.EnumMember, detail: "referential action" }));
  }
  const open = openAttribute(before);
  if (open) return namedArgumentItems(open);
  if ((match = /(@@?)(\w*)$/.exec(before))) {
    const onTable = match[1] === "@@";
    const start = { line: position.line, character: position.character - match[0].length };
    return attributeItems(onTable ? TABLE_ATTRIBUTES : COLUMN_ATTRIBUTES, match[1], { start, end: position });
  }
  if (tableName !== undefined && new RegExp(String.raw`^\s*${NAME}\s+(?:${PATH})?$`).test(before)) return typeItems(state);
  return [];
}

interface OpenAttribute {
  readonly signature: Signature;
  /** The arguments written so far, strings emptied. */
  readonly args: string;
}

/**
 * The attribute whose argument list the cursor is in, at its top level (not
 * inside a list or a call such as `sql(...)`), where a named argument may
 * start: after a comma, or first when it takes no positional arguments.
 */
function openAttribute(before: string): OpenAttribute | undefined {
  const text = before.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ")" || c === "]") depth++;
    else if (c === "(" || c === "[") {
      if (depth > 0) {
        depth--;
        continue;
      }
      const head = c === "(" ? /(@@?)(\w+)$/.exec(text.slice(0, i)) : null;
      if (!head) return undefined;
      const signature = (head[1] === "@@" ? TABLE_ATTRIBUTES : COLUMN_ATTRIBUTES)[head[2]];
      const args = text.slice(i + 1);
      const commas = args.split("").reduce((n, ch, j) => (ch === "," && topLevel(args, j) ? n + 1 : n), 0);
      const starting = /(?:^|,)\s*\w*$/.test(args);
      return signature && starting && commas >= Math.min(signature.positional.length, 1) ? { signature, args } : undefined;
    }
  }
  return undefined;
}

function topLevel(text: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (text[i] === "(" || text[i] === "[") depth++;
    else if (text[i] === ")" || text[i] === "]") depth--;
  }
  return depth === 0;
}

function namedArgumentItems(open: OpenAttribute): CompletionItem[] {
  const written = new Set([...open.args.matchAll(/(\w+)\s*:/g)].map((m) => m[1]));
  return open.signature.named
    .filter((name) => !written.has(name))
    .map((name) => ({ label: name, kind: CompletionItemKind.Property, detail: open.signature.usage, insertText: `${name}: ` }));
}

function parts(path: string): Array<{ text: string }> {
  return path.split(".").map((text) => ({ text }));
}

/** The name of the table whose body the cursor is in, read from the text: what is being typed may not parse. */
function enclosingTable(text: string, offset: number): string | undefined {
  const before = text.slice(0, offset);
  const heads = [...before.matchAll(new RegExp(String.raw`(?:^|\n)[ \t]*table[ \t]+(${PATH})[ \t]*\{`, "g"))];
  const last = heads[heads.length - 1];
  if (!last) return undefined;
  const closed = /\n[ \t]*\}/.test(before.slice(last.index + last[0].length));
  return closed ? undefined : last[1];
}

function columnItems(columns: readonly SchemaSymbol[]): CompletionItem[] {
  return columns.map((c) => ({ label: c.name, kind: CompletionItemKind.Field, detail: c.key }));
}

function tableItems(state: ModelState): CompletionItem[] {
  return [...state.completionIndex.symbols.values()]
    .filter((s) => s.kind === "table")
    .map((s) => ({ label: s.key, kind: CompletionItemKind.Struct, detail: "table" }));
}

function typeItems(state: ModelState): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const [specs, origin] of [[PORTABLE_TYPES, "portable"], [state.dialect.nativeTypes, state.dialect.name]] as const) {
    for (const spec of specs) {
      if (seen.has(spec.name)) continue;
      seen.add(spec.name);
      const params = spec.params?.names ?? [];
      const snippet = params.length ? `${spec.name}(${params.slice(0, spec.params!.min || 1).map((p, i) => `\${${i + 1}:${p}}`).join(", ")})` : undefined;
      items.push({
        label: spec.name,
        kind: CompletionItemKind.TypeParameter,
        detail: origin === "portable" ? "portable type" : `${origin} type`,
        ...(spec.description ? { documentation: spec.description } : {}),
        ...(snippet ? { insertText: snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
      });
    }
  }
  for (const symbol of state.completionIndex.symbols.values()) {
    if (symbol.kind === "enum") items.push({ label: symbol.key, kind: CompletionItemKind.Enum, detail: "enum" });
  }
  return items;
}

function attributeItems(signatures: Record<string, Signature>, prefix: string, range: Range): CompletionItem[] {
  return Object.entries(signatures).map(([name, sig]) => {
    // Placeholders for the required arguments; a column list is written in brackets.
    const required = sig.positional.slice(0, sig.required).map((p, i) => (p === "columns" ? `[\${${i + 1}:${p}}]` : `\${${i + 1}:${p}}`));
    const args = sig.required ? `(${required.join(", ")})` : "";
    return {
      label: `${prefix}${name}`,
      kind: CompletionItemKind.Property,
      detail: sig.usage,
      filterText: `${prefix}${name}`,
      textEdit: { range, newText: `${prefix}${name}${args}` },
      insertTextFormat: InsertTextFormat.Snippet,
    };
  });
}
