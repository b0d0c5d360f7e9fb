import { Lexer, type ILexingError, type IToken, type TokenType } from "chevrotain";
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

/**
 * Chevrotain's lexer with tokens of a shape of their own. Its stock tokens
 * have the same fields in the same order as the tokens it makes with NaN
 * positions (EOF, tokens inserted by error recovery), so V8 gives them one
 * hidden class and stores every position of every token as a boxed number:
 * six extra heap objects per token, which the garbage collector then copies
 * and traces. Listing the fields in another order gives lexed tokens their
 * own hidden class, with the positions stored inline as small integers.
 */
class SchemaLexer extends Lexer {
  // Overrides Chevrotain's method of the same name (not in its typings), checked below.
  createFullToken(
    image: string,
    startOffset: number,
    tokenTypeIdx: number,
    tokenType: TokenType,
    startLine: number,
    startColumn: number,
    imageLength: number,
  ): IToken {
    return {
      tokenType,
      tokenTypeIdx,
      image,
      startOffset,
      endOffset: startOffset + imageLength - 1,
      startLine,
      endLine: startLine,
      startColumn,
      endColumn: startColumn + imageLength - 1,
    };
  }
}

const lexer = new SchemaLexer(ALL_TOKENS, {
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

// A Chevrotain upgrade that stops calling the override would only be slower, silently: fail loudly instead.
if (Object.keys(lexer.tokenize("x").tokens[0])[0] !== "tokenType") {
  throw new Error("grammar/lexer.ts: Chevrotain no longer builds tokens with SchemaLexer.createFullToken; see the comment there");
}

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
