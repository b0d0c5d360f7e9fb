/**
 * A tokenizer for the SQL text SQLite keeps in `sqlite_schema.sql`: enough to
 * find names, parentheses and keywords in CREATE TABLE/INDEX/VIEW statements
 * and to cut expressions out of the original text unchanged. Comments and
 * whitespace are dropped; every token remembers where it came from.
 */
export type SqlTokenKind = "word" | "quoted" | "string" | "number" | "blob" | "punct";

export interface SqlToken {
  readonly kind: SqlTokenKind;
  /** Identifiers and strings unquoted and unescaped; everything else as written. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

const CLOSERS: Readonly<Record<string, string>> = { '"': '"', "`": "`", "[": "]" };

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const start = i;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const eol = sql.indexOf("\n", i);
      i = eol < 0 ? sql.length : eol + 1;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (ch === "'") {
      i = quotedEnd(sql, i, "'");
      tokens.push({ kind: "string", value: unquote(sql, start, i, "'"), start, end: i });
    } else if ((ch === "x" || ch === "X") && sql[i + 1] === "'") {
      i = quotedEnd(sql, i + 1, "'");
      tokens.push({ kind: "blob", value: sql.slice(start, i), start, end: i });
    } else if (ch in CLOSERS) {
      const close = CLOSERS[ch];
      // `[x]` has no escape: the first `]` ends it; `"` and `` ` `` double themselves.
      i = close === "]" ? bracketEnd(sql, i) : quotedEnd(sql, i, close);
      const value = close === "]" ? sql.slice(start + 1, i - 1) : unquote(sql, start, i, close);
      tokens.push({ kind: "quoted", value, start, end: i });
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) {
      const match = /^(0x[0-9a-f]+|(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?)/i.exec(sql.slice(i))!;
      i += match[0].length;
      tokens.push({ kind: "number", value: match[0], start, end: i });
    } else if (isWordStart(ch)) {
      while (i < sql.length && isWordPart(sql[i])) i++;
      tokens.push({ kind: "word", value: sql.slice(start, i), start, end: i });
    } else {
      i++;
      tokens.push({ kind: "punct", value: ch, start, end: i });
    }
  }
  return tokens;
}

function isWordStart(ch: string): boolean {
  return /[A-Za-z_$]/.test(ch) || ch.charCodeAt(0) > 127;
}

function isWordPart(ch: string): boolean {
  return /[\w$]/.test(ch) || ch.charCodeAt(0) > 127;
}

/** Index just past the closing quote; a doubled quote is part of the text. An unterminated one runs to the end. */
function quotedEnd(sql: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}

function bracketEnd(sql: string, open: number): number {
  const close = sql.indexOf("]", open + 1);
  return close < 0 ? sql.length : close + 1;
}

function unquote(sql: string, start: number, end: number, quote: string): string {
  const closed = end - start >= 2 && sql[end - 1] === quote;
  return sql.slice(start + 1, closed ? end - 1 : end).replaceAll(quote + quote, quote);
}

/** True for a keyword token, compared case-insensitively (quoted names are never keywords). */
export function isKeyword(token: SqlToken | undefined, ...keywords: string[]): boolean {
  return token?.kind === "word" && keywords.includes(token.value.toUpperCase());
}

export function isPunct(token: SqlToken | undefined, value: string): boolean {
  return token?.kind === "punct" && token.value === value;
}

/** Whether a token can name something: a bare word, a quoted identifier, or (as SQLite allows) a string. */
export function isName(token: SqlToken | undefined): boolean {
  return token !== undefined && (token.kind === "word" || token.kind === "quoted" || token.kind === "string");
}

/** The index of the `)` that closes the `(` at `open`, or the last token when unbalanced. */
export function matchingParen(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")") && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Splits tokens [from, to) at commas outside parentheses into [start, end) ranges. */
export function splitTopLevel(tokens: readonly SqlToken[], from: number, to: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")")) depth--;
    else if (depth === 0 && isPunct(tokens[i], ",")) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  if (start < to) parts.push([start, to]);
  return parts;
}

/** The original text of tokens [from, to), comments and spacing inside it kept. */
export function sourceText(sql: string, tokens: readonly SqlToken[], from: number, to: number): string {
  if (from >= to) return "";
  return sql.slice(tokens[from].start, tokens[to - 1].end);
}
