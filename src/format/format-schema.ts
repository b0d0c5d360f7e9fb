import { DiagnosticBag, type Diagnostic } from "../parse/diagnostic.js";
import { LineIndex } from "../parse/line-index.js";
import { parseSchemaFile } from "../parse/parse-file.js";
import { printDocument } from "./print-document.js";

export interface FormatResult {
  /** The canonical text; absent when the file has syntax errors. */
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * `strata fmt` for one file. Formatting is purely syntactic: a file with
 * an unknown type still formats, a file that does not parse is refused.
 */
export function formatSchema(text: string, path: string): FormatResult {
  const bag = new DiagnosticBag([{ path, text }]);
  const file = parseSchemaFile(path, text, bag);
  if (!file) return { diagnostics: bag.sorted() };
  const lines = new LineIndex(text);
  return { text: printDocument(file.declarations, file.comments, (offset) => lines.line(offset)), diagnostics: [] };
}
