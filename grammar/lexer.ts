import { Lexer, type ILexingError, type IToken } from "chevrotain";
import { ALL_TOKENS, UnterminatedString } from "./tokens.js";

export interface LexProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly problems: LexProblem[];
}

const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: "full",
  ensureOptimizations: true,
  errorMessageProvider: {
    buildUnexpectedCharactersMessage: (text, offset, length) => {
      const chars = text.slice(offset, offset + length);
      return length === 1 ? `unexpected character ${JSON.stringify(chars)}` : `unexpected characters ${JSON.stringify(chars)}`;
    },
    buildUnableToPopLexerModeMessage: () => "unbalanced lexer modes",
  },
});

/**
 * Splits a file into tokens. Lexing never stops at a bad character: it is
 * reported and skipped, and unterminated strings or comments are reported
 * and closed at the end of their line (strings) or file (comments), so the
 * parser still sees the rest of the file.
 */
export function tokenize(text: string): LexResult {
  const result = lexer.tokenize(text);
  const problems: LexProblem[] = result.errors.map((e: ILexingError) => ({
    line: e.line ?? 1,
    column: e.column ?? 1,
    message: e.message,
  }));
  const tokens = result.tokens;
  // An indexed loop: this runs once per token, often before the JIT has optimized the iterator away.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.tokenType === UnterminatedString) {
      problems.push({ line: token.startLine!, column: token.startColumn!, message: "unterminated string: add the closing '\"'" });
    }
  }
  for (const token of (result.groups.unterminated as IToken[] | undefined) ?? []) {
    problems.push({ line: token.startLine!, column: token.startColumn!, message: "unterminated block comment: add the closing '*/'" });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { tokens, comments: (result.groups.comments as IToken[] | undefined) ?? [], problems };
}
