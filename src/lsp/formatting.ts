import type { TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatSchema } from "../format/index.js";

/**
 * `strata fmt` on one document: one edit replacing the text with its
 * canonical form, none when it is already canonical or does not parse
 * (its syntax errors are already shown).
 */
export function formatDocument(document: TextDocument, path: string): TextEdit[] {
  const text = document.getText();
  const formatted = formatSchema(text, path).text;
  if (formatted === undefined || formatted === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, newText: formatted }];
}
