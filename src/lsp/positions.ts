import type { Range } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Pos } from "../../grammar/ast.js";
import { fileURLToPath, pathToFileURL } from "node:url";

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export function pathOf(uri: string): string {
  return fileURLToPath(uri);
}

/** A file's text with LSP line/character conversions (UTF-16 columns, as the compiler counts them). */
export function documentOf(path: string, text: string): TextDocument {
  return TextDocument.create(uriOf(path), "strata-schema", 0, text);
}

/** The range of a node: from its first character to just past its last. */
export function rangeOf(document: TextDocument, pos: Pos): Range {
  return { start: document.positionAt(pos.startOffset), end: document.positionAt(pos.endOffset + 1) };
}
