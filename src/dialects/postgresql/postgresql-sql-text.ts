/**
 * Tidying the SQL fragments PostgreSQL deparses (defaults, generated columns,
 * checks, index predicates and expressions), so that what a user writes and
 * what the server prints back come out as one string. Only changes that the
 * server undoes on its own are made: it casts every untyped string literal in
 * a text context to `::text` and wraps whole expressions in parentheses, and
 * reading the tidied text back gives the same deparse, so tidying is stable
 * across round trips.
 */
export function tidySql(expression: string): string {
  return stripOuterParens(stripTextCasts(expression.trim()));
}

/** `(a + b)` → `a + b`, `((x))` → `x`; `(a) + (b)` stays as it is. */
export function stripOuterParens(expression: string): string {
  let text = expression;
  while (text.startsWith("(") && closingParen(text, 0) === text.length - 1) text = text.slice(1, -1).trim();
  return text;
}

/** `lower('X'::text)` → `lower('X')`; `'{}'::text[]` and `'x'::varchar` keep their casts. */
function stripTextCasts(expression: string): string {
  let out = "";
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (ch === "'" || ch === '"') {
      const end = quotedEnd(expression, i);
      out += expression.slice(i, end);
      i = end;
      if (ch === "'" && /^::text(?![\w$[])/.test(expression.slice(i))) i += "::text".length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the quoted literal or identifier starting at `start` (doubled quotes escape). */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** Index of the parenthesis closing the one at `open`, skipping quoted text; -1 when unbalanced. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      i = quotedEnd(text, i);
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
    i++;
  }
  return -1;
}

/** `'it''s'::text` → { value: "it's", cast: "text" }; anything more than one cast literal → undefined. */
export function castLiteral(expression: string): { value: string; cast: string } | undefined {
  if (!expression.startsWith("'")) return undefined;
  const end = quotedEnd(expression, 0);
  const rest = expression.slice(end);
  const cast = /^::((?:[\w$. ]|"(?:[^"]|"")*")+(?:\([\d, ]+\)[\w ]*)?(?:\[\])*)$/.exec(rest)?.[1];
  if (cast === undefined) return undefined;
  return { value: expression.slice(1, end - 1).replaceAll("''", "'"), cast };
}
