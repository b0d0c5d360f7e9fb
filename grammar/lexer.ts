import type { IToken, TokenType } from "chevrotain";
import { makeToken, TokenStream } from "./token-stream.js";
import { quoteText } from "./error-messages.js";
import {
  Aggregate,
  Policy,
  Type,
  Schema,
  AttrName,
  BlockComment,
  BlockString,
  Colon,
  Comma,
  Database,
  Domain,
  Dot,
  Enum,
  Equals,
  Extension,
  Function,
  Identifier,
  LBracket,
  LCurly,
  LineComment,
  LParen,
  Materialized,
  NumberLiteral,
  Procedure,
  Question,
  RBracket,
  RCurly,
  RParen,
  Sequence,
  SingleQuotedString,
  StringLiteral,
  Table,
  TableAttrName,
  Trigger,
  UnterminatedBlockComment,
  UnterminatedBlockString,
  UnterminatedString,
  Unsigned,
  Zerofill,
  View,
} from "./tokens.js";

export interface LexProblem {
  readonly offset: number;
  /** Just past the offending text, when it is more than the word at `offset`. */
  readonly end?: number;
  readonly message: string;
}

export interface LexResult {
  /** What the parser reads: comments and problems are not in it. */
  readonly stream: TokenStream;
  readonly comments: IToken[];
  readonly problems: LexProblem[];
}

/**
 * Splits a file into tokens: their types and offsets in a TokenStream,
 * comments and problems beside it. The token types and their patterns in
 * tokens.ts are the specification; this scanner implements them by hand
 * because a schema of 10,000 tables is 1.2 million tokens and a regular
 * expression and an object per token were most of the time spent lexing
 * (test/parse/lexer.test.ts checks, on every test schema, on thousands of
 * random strings and on mutants, that it finds exactly what Chevrotain's
 * own lexer built from those patterns finds).
 *
 * Lexing never stops at a bad character: a run of characters no pattern
 * matches is reported once and skipped; unterminated strings are reported
 * and closed at the end of their line, unterminated block comments at the
 * end of the file, so the parser still sees the rest of it.
 */
export function tokenize(text: string): LexResult {
  const stream = new TokenStream(text);
  const comments: IToken[] = [];
  const problems: LexProblem[] = [];
  const length = text.length;
  let offset = 0;
  /** Start of a run of characters no pattern matches, or -1. */
  let unexpectedFrom = -1;

  while (offset < length) {
    const code = text.charCodeAt(offset);
    let end = -1;
    let type: TokenType | undefined;
    if (isBlank(code)) {
      end = offset + 1;
      while (end < length && isBlank(text.charCodeAt(end))) end++;
    } else if (isWordStart(code)) {
      end = wordEnd(text, offset + 1);
      type = keywordAt(text, offset, end) ?? Identifier;
    } else if (isDigit(code) || (code === MINUS && isDigit(text.charCodeAt(offset + 1)))) {
      end = numberEnd(text, offset);
      type = NumberLiteral;
    } else if (code === AT) {
      if (text.charCodeAt(offset + 1) === AT && isWordStart(text.charCodeAt(offset + 2))) {
        end = wordEnd(text, offset + 3);
        type = TableAttrName;
      } else if (isWordStart(text.charCodeAt(offset + 1))) {
        end = wordEnd(text, offset + 2);
        type = AttrName;
      }
    } else if (code === DOUBLE_QUOTE && text.startsWith('""', offset + 1)) {
      const close = text.indexOf('"""', offset + 3);
      end = close === -1 ? length : close + 3;
      type = close === -1 ? UnterminatedBlockString : BlockString;
    } else if (code === DOUBLE_QUOTE) {
      end = doubleQuotedEnd(text, offset);
      type = end < 0 ? UnterminatedString : StringLiteral;
      if (end < 0) end = ~end;
    } else if (code === SINGLE_QUOTE) {
      end = singleQuotedEnd(text, offset);
      if (end !== -1) type = SingleQuotedString;
    } else if (code === SLASH) {
      const next = text.charCodeAt(offset + 1);
      if (next === SLASH) {
        end = offset + 2;
        while (end < length && !isLineBreak(text.charCodeAt(end))) end++;
        type = LineComment;
      } else if (next === STAR) {
        const close = text.indexOf("*/", offset + 2);
        end = close === -1 ? length : close + 2;
        type = close === -1 ? UnterminatedBlockComment : BlockComment;
      }
    } else {
      type = PUNCTUATION[code];
      if (type !== undefined) end = offset + 1;
    }

    if (end === -1) {
      if (unexpectedFrom === -1) unexpectedFrom = offset;
      offset++;
      continue;
    }
    if (unexpectedFrom !== -1) {
      problems.push(unexpected(text, unexpectedFrom, offset));
      unexpectedFrom = -1;
    }
    if (type === UnterminatedBlockComment) {
      problems.push({ offset, message: "unterminated block comment: add the closing '*/'" });
    } else if (type === LineComment || type === BlockComment) {
      comments.push(makeToken(type, text.slice(offset, end), offset, end - 1));
    } else if (type !== undefined) {
      stream.push(type, offset, end);
      if (type === UnterminatedString) problems.push({ offset, message: "unterminated string: add the closing '\"'" });
      if (type === UnterminatedBlockString) problems.push({ offset, message: UNTERMINATED_BLOCK });
    }
    offset = end;
  }
  if (unexpectedFrom !== -1) problems.push(unexpected(text, unexpectedFrom, length));
  return { stream, comments, problems };
}

const UNTERMINATED_BLOCK = `unterminated block string: add the closing '"""'`;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const STAR = 42;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const AT = 64;
const BACKSLASH = 92;

const KEYWORDS: readonly (readonly [string, TokenType])[] = [Database, Enum, Table, View, Materialized, Sequence, Extension, Domain, Unsigned, Zerofill, Function, Procedure, Trigger, Aggregate, Policy, Type, Schema].map(
  (t) => [t.name.toLowerCase(), t] as const,
);

/** The keyword that is the whole word from `start` to `end`, if it is one (no string is cut out to ask). */
function keywordAt(text: string, start: number, end: number): TokenType | undefined {
  for (const [word, type] of KEYWORDS) {
    if (word.length === end - start && text.startsWith(word, start)) return type;
  }
  return undefined;
}

const PUNCTUATION: (TokenType | undefined)[] = [];
for (const type of [LCurly, RCurly, LParen, RParen, LBracket, RBracket, Comma, Colon, Equals, Dot, Question]) {
  PUNCTUATION[(type.PATTERN as string).charCodeAt(0)] = type;
}

function unexpected(text: string, from: number, to: number): LexProblem {
  const chars = text.slice(from, to);
  const message = to - from === 1 ? `unexpected character ${quoteText(chars)}` : `unexpected characters ${quoteText(chars)}`;
  return { offset: from, end: to, message };
}

function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Blanks and line breaks: they separate tokens and make none. */
function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** What `.` in a regular expression does not match. */
function isLineTerminator(code: number): boolean {
  return code === LF || code === CR || code === 0x2028 || code === 0x2029;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); isWordStart(c) || isDigit(c); c = text.charCodeAt(++i));
  return i;
}

/** `-?\d+(\.\d+)?([eE][+-]?\d+)?` from `from`, which starts a match. */
function numberEnd(text: string, from: number): number {
  let i = from + 1;
  while (isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    const sign = text.charCodeAt(i + 1);
    const digits = sign === 43 || sign === MINUS ? i + 2 : i + 1;
    if (isDigit(text.charCodeAt(digits))) {
      i = digits + 1;
      while (isDigit(text.charCodeAt(i))) i++;
    }
  }
  return i;
}

/**
 * The end of a `"` string after its closing quote; for an unterminated one,
 * `~end` (negative) where it stops: a line break, the end of input, or a
 * backslash before a line terminator.
 */
function doubleQuotedEnd(text: string, from: number): number {
  const length = text.length;
  let i = from + 1;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === DOUBLE_QUOTE) return i + 1;
    if (c === LF || c === CR) return ~i;
    if (c === BACKSLASH) {
      if (i + 1 >= length || isLineTerminator(text.charCodeAt(i + 1))) return ~i;
      i += 2;
    } else i++;
  }
  return ~i;
}

/**
 * A `'` string with `''` for a quote, or -1. When the line ends before the
 * closing quote, the pattern backtracks to the last `''`, whose first quote
 * then closes the string.
 */
function singleQuotedEnd(text: string, from: number): number {
  const length = text.length;
  let lastPair = -1;
  let i = from + 1;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === SINGLE_QUOTE) {
      if (text.charCodeAt(i + 1) !== SINGLE_QUOTE) return i + 1;
      lastPair = i;
      i += 2;
    } else if (c === LF || c === CR) break;
    else i++;
  }
  return lastPair === -1 ? -1 : lastPair + 1;
}
