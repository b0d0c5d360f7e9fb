import type { IRecognitionException, IToken } from "chevrotain";
import { tokenize } from "../../grammar/lexer.js";
import { parseTokens } from "../../grammar/parser.js";
import type { Pos, SchemaFile } from "./ast.js";
import type { DiagnosticBag } from "./diagnostic.js";

/**
 * Lexes and parses one file, reporting every lexical and syntax error (the
 * parser recovers and keeps going). Returns the syntax tree only when the
 * file is free of them: meaning is never given to a half-parsed file.
 */
export function parseSchemaFile(path: string, text: string, bag: DiagnosticBag): SchemaFile | undefined {
  const lexed = tokenize(text);
  for (const p of lexed.problems) bag.report(path, p.line, p.column, p.message);
  const before = bag.items.length;
  const parsed = parseTokens(lexed.tokens, (line, column, message) => bag.report(path, line, column, message));
  const seen = new Set<string>();
  for (const error of parsed.errors) {
    const [line, column] = errorPosition(error);
    const key = `${line}:${column}:${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bag.report(path, line, column, error.message);
  }
  if (lexed.problems.length || bag.items.length > before) return undefined;
  const declarations = parsed.declarations;
  const comments = lexed.comments.map((t) => ({ text: t.image, pos: t as Pos }));
  return { path, declarations, comments };
}

/** End of input and recovered tokens have no position: point just past the previous token. */
function errorPosition(error: IRecognitionException): [number, number] {
  const token = error.token;
  if (hasPosition(token)) return [token.startLine!, token.startColumn!];
  const previous = (error as { previousToken?: IToken }).previousToken;
  if (previous && hasPosition(previous)) return [previous.endLine!, previous.endColumn! + 1];
  return [1, 1];
}

function hasPosition(token: IToken | undefined): boolean {
  return !!token && Number.isFinite(token.startLine) && Number.isFinite(token.startColumn) && token.startLine! >= 1;
}
