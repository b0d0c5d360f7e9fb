import type { IRecognitionException, IToken } from "chevrotain";
import { tokenize } from "../../grammar/lexer.js";
import { parseTokens } from "../../grammar/parser.js";
import type { SchemaFile } from "../../grammar/ast.js";
import type { DiagnosticBag } from "./diagnostic.js";

/**
 * Lexes and parses one file, reporting every lexical and syntax error (the
 * parser recovers and keeps going). Returns the syntax tree only when the
 * file is free of them: meaning is never given to a half-parsed file.
 */
export function parseSchemaFile(path: string, text: string, bag: DiagnosticBag): SchemaFile | undefined {
  const lexed = tokenize(text);
  for (const p of lexed.problems) bag.report(path, p.offset, p.message, p.end);
  const before = bag.items.length;
  const parsed = parseTokens(lexed.stream, (offset, message) => bag.report(path, offset, message));
  const seen = new Set<string>();
  for (const error of parsed.errors) {
    const offset = errorOffset(error);
    const key = `${offset}:${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bag.report(path, offset, error.message, hasPosition(error.token) ? error.token.endOffset! + 1 : undefined);
  }
  if (parsed.stoppedEarly) {
    const last = parsed.errors.at(-1);
    bag.report(path, last ? errorOffset(last) : 0, "too many syntax errors: the rest of this file was not checked");
  }
  if (lexed.problems.length || bag.items.length > before) return undefined;
  const declarations = parsed.declarations;
  const comments = lexed.comments.map((t) => ({ text: t.image, startOffset: t.startOffset, endOffset: t.endOffset! }));
  return { path, declarations, comments };
}

/** End of input and recovered tokens have no position: point just past the previous token. */
function errorOffset(error: IRecognitionException): number {
  const token = error.token;
  if (hasPosition(token)) return token.startOffset;
  const previous = (error as { previousToken?: IToken }).previousToken;
  if (previous && hasPosition(previous)) return previous.endOffset! + 1;
  return 0;
}

function hasPosition(token: IToken | undefined): token is IToken {
  return !!token && Number.isFinite(token.startOffset) && token.startOffset >= 0;
}
