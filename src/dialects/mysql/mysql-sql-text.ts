/**
 * The few pieces of MySQL lexical syntax that catalog values contain: quoted
 * string literals (`'it''s'`, with backslash escapes), quoted value lists
 * (`enum('a','b')`) and expressions wrapped in parentheses.
 */

const ESCAPES: Record<string, string> = { "0": "\0", b: "\b", n: "\n", r: "\r", t: "\t", Z: "\x1a" };

/** Reads the quoted literal that starts at `start`; returns its value and the index after it. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    // Backslash escapes exist in string literals, not in `identifiers`.
    if (ch === "\\" && quote !== "`" && i + 1 < text.length) {
      value += ESCAPES[text[i + 1]] ?? text[i + 1];
      i += 2;
    } else if (ch === quote && text[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (ch === quote) {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i++;
    }
  }
  throw new MysqlSyntaxError(`unterminated string literal in ${text}`);
}

/** `'it''s'` → `it's`; undefined when the text is not exactly one quoted literal. */
export function unquoteString(text: string): string | undefined {
  if (text.length < 2 || text[0] !== "'") return undefined;
  const { value, end } = readQuoted(text, 0);
  return end === text.length ? value : undefined;
}

/** `'a','b c'` → `["a", "b c"]` (the inside of `enum(...)` / `set(...)`). */
export function parseQuotedList(text: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === "," || text[i] === " ") {
      i++;
      continue;
    }
    if (text[i] !== "'") throw new MysqlSyntaxError(`expected a quoted value at ${i} in ${text}`);
    const { value, end } = readQuoted(text, i);
    values.push(value);
    i = end;
  }
  return values;
}

/** A string literal as MySQL DDL writes it. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** `((a + 1))` → `a + 1`: removes parentheses that wrap the whole expression. */
export function stripOuterParens(sql: string): string {
  let text = sql.trim();
  while (text.startsWith("(") && closingParen(text, 0) === text.length - 1) text = text.slice(1, -1).trim();
  return text;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text; -1 when unbalanced. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === "`") {
      i = readQuoted(text, i).end - 1;
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")" && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** A catalog value that does not have the syntax MySQL documents for it. */
export class MysqlSyntaxError extends Error {
  override readonly name = "MysqlSyntaxError";
}
