/**
 * A canonical spelling of an SQL expression, so that a check constraint or a
 * view definition written in the `.schema` compares equal to what a database
 * gives back: whitespace, keyword case, simple identifier quoting, casts the
 * database adds (`'a'::text`, `(0)::numeric`), charset introducers
 * (`_utf8mb4'a'`), parentheses that operator precedence makes redundant, and
 * PostgreSQL's own spellings (`= ANY (ARRAY[...])` for `IN (...)`, `~~` for
 * LIKE, `<>` for `!=`, `'-1'::integer` for `-1`, BETWEEN spelled out). It errs towards "equal": a cast the author wrote is dropped
 * too, which can hide a real (rare) difference but never shows a false one.
 */
export function normalizeSql(sql: string): string {
  const tokens = respell(dropCasts(tokenize(sql.trim().replace(/;+\s*$/, ""))));
  if (tokens[0]?.text === "check" && tokens[1]?.text === "(") tokens.shift();
  const text = serialize(simplify(group(tokens)));
  return text.replace(/=any\(array\[([^\]]*)\]\)/g, " in($1)").replace(/<>all\(array\[([^\]]*)\]\)/g, " not in($1)");
}

interface Token {
  readonly text: string;
  /** Identifiers, keywords, numbers and strings: a space separates two words. */
  readonly word: boolean;
}

const TOKEN = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_$]*|::|<=|>=|<>|!=|\|\||->>|->|!~~\*?|~~\*?|./gy;
const SIMPLE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sql); m; m = TOKEN.exec(sql)) {
    const raw = m[0];
    if (/^\s/.test(raw)) continue;
    if (raw.startsWith("'")) {
      // A charset introducer (`_utf8mb4'a'`) is MySQL's spelling of a plain literal.
      if (out.length && /^_[a-z0-9]+$/.test(out[out.length - 1].text)) out.pop();
      out.push({ text: raw, word: true });
    } else if (raw.startsWith('"') || raw.startsWith("`")) {
      const inner = raw.slice(1, -1).replaceAll(raw[0] + raw[0], raw[0]);
      const name = raw[0] === "`" ? inner.toLowerCase() : inner;
      out.push({ text: SIMPLE_IDENTIFIER.test(name) ? name : `"${name.replaceAll('"', '""')}"`, word: true });
    } else {
      out.push({ text: raw.toLowerCase(), word: /^[\w$]/.test(raw) });
    }
  }
  return out;
}

const TYPE_CONTINUATIONS = new Set(["varying", "precision", "without", "with", "time", "zone"]);

const NUMERIC_TYPES = new Set(["integer", "int", "int2", "int4", "int8", "smallint", "bigint", "numeric", "decimal", "real", "double", "float4", "float8"]);

/** Removes `::type`, `::character varying(10)`, `::text[]`; `'-1'::integer` becomes the number it spells. */
function dropCasts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== "::") {
      out.push(tokens[i]);
      continue;
    }
    const last = out[out.length - 1];
    const numeric = last?.text.match(/^'(-?\d+(?:\.\d+)?)'$/);
    if (numeric && NUMERIC_TYPES.has(tokens[i + 1]?.text ?? "")) out.splice(out.length - 1, 1, ...signed(numeric[1]));
    i++;
    while (i + 1 < tokens.length && TYPE_CONTINUATIONS.has(tokens[i + 1].text)) i++;
    if (tokens[i + 1]?.text === "(") {
      while (i < tokens.length && tokens[i].text !== ")") i++;
    }
    while (tokens[i + 1]?.text === "[" && tokens[i + 2]?.text === "]") i += 2;
  }
  return out;
}

function signed(number: string): Token[] {
  return number.startsWith("-") ? [{ text: "-", word: false }, { text: number.slice(1), word: true }] : [{ text: number, word: true }];
}

const SPELLINGS: Record<string, string[]> = {
  "~~": ["like"],
  "~~*": ["ilike"],
  "!~~": ["not", "like"],
  "!~~*": ["not", "ilike"],
  "!=": ["<>"],
  // MariaDB's names for upper() and lower().
  ucase: ["upper"],
  lcase: ["lower"],
};

/** The databases' own spellings as SQL writes them; `x between a and b` of single terms as two comparisons. */
function respell(tokens: Token[]): Token[] {
  const out: Token[] = tokens.flatMap((t) => SPELLINGS[t.text]?.map((text) => ({ text, word: /^\w/.test(text) })) ?? [t]);
  for (let i = 1; i + 3 < out.length; i++) {
    if (out[i].text !== "between" || out[i - 1].text === "not" || out[i + 2].text !== "and") continue;
    if (!out[i + 1].word || !out[i + 3].word || out[i + 4]?.text === "(") continue;
    // The tested term: a name, possibly qualified (`t.x`).
    let start = i - 1;
    while (start >= 2 && out[start - 1].text === "." && out[start - 2].word) start -= 2;
    if (!out[start].word || out[i + 4]?.text === ".") continue;
    const term = out.slice(start, i);
    const [a, and, b] = out.slice(i + 1, i + 4);
    const replacement = [...term, { text: ">=", word: false }, a, and, ...term, { text: "<=", word: false }, b];
    out.splice(start, i + 4 - start, ...replacement);
    i = start + replacement.length - 1;
  }
  return out;
}

type Node = Token | Group;
interface Group {
  readonly items: Node[];
}

function isGroup(node: Node | undefined): node is Group {
  return node !== undefined && "items" in node;
}

function group(tokens: Token[]): Node[] {
  const stack: Node[][] = [[]];
  for (const token of tokens) {
    if (token.text === "(") stack.push([]);
    else if (token.text === ")" && stack.length > 1) {
      const items = stack.pop()!;
      stack[stack.length - 1].push({ items });
    } else stack[stack.length - 1].push(token);
  }
  // Unbalanced input: close what is open rather than fail; the text is then compared as is.
  while (stack.length > 1) {
    const items = stack.pop()!;
    stack[stack.length - 1].push({ items });
  }
  return stack[0];
}

/** Keywords a parenthesized expression may follow without being an argument list. */
const CLAUSES = new Set(["select", "from", "where", "on", "when", "then", "else", "having", "by", "join", "distinct", "return"]);

/** Binding strength of operators; a higher number binds tighter. */
const PRECEDENCE: Record<string, number> = {
  or: 1,
  and: 2,
  not: 3,
  "=": 4, "<>": 4, "<": 4, ">": 4, "<=": 4, ">=": 4, like: 4, ilike: 4, in: 4, is: 4, between: 4,
  "+": 5, "-": 5, "||": 5,
  "*": 6, "/": 6, "%": 6,
};

/** Removes parentheses that do not change the meaning, innermost first. */
function simplify(nodes: Node[]): Node[] {
  let items = nodes.map((n) => (isGroup(n) ? { items: simplify(n.items) } : n));
  // ((x)) and a whole expression in parentheses.
  while (items.length === 1 && isGroup(items[0])) items = items[0].items;
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    if (isGroup(node) && removable(node, out[out.length - 1], items[i + 1])) out.push(...node.items);
    else out.push(node);
  }
  return out;
}

/**
 * A group can lose its parentheses when everything inside binds tighter than
 * the operators on either side of it: `(a > 0) and b`, `(price * 2) > 1`,
 * but not `(a + b) * c` or `not (a and b)`. A group after a word is an
 * argument list (`lower(x)`, `in (1, 2)`) and stays.
 */
function removable(g: Group, prev: Node | undefined, next: Node | undefined): boolean {
  if (prev !== undefined && !isGroup(prev) && prev.word && precedence(prev, undefined) === undefined && !CLAUSES.has(prev.text)) return false;
  if (prev !== undefined && !isGroup(prev) && ["in", "any", "all", "exists", "array"].includes(prev.text)) return false;
  if (g.items.some((n) => !isGroup(n) && n.text === ",")) return false;
  let inner = Infinity;
  g.items.forEach((n, i) => {
    const p = isGroup(n) ? undefined : precedence(n, g.items[i - 1]);
    if (p !== undefined) inner = Math.min(inner, p);
  });
  const outer = Math.max(neighbour(prev), neighbour(next));
  // AND and OR are associative: `(a and b) and c` is `a and b and c`.
  return inner > outer || (inner === outer && (inner === PRECEDENCE.and || inner === PRECEDENCE.or));
}

function neighbour(node: Node | undefined): number {
  return node === undefined || isGroup(node) ? 0 : (precedence(node, undefined) ?? 0);
}

/** The precedence of an operator token; `not` after an operand is part of `is not`, `not like`, `not in`. */
function precedence(token: Token, prev: Node | undefined): number | undefined {
  if (token.text === "not" && prev !== undefined && (isGroup(prev) || precedence(prev, undefined) === undefined)) return 4;
  return PRECEDENCE[token.text];
}

function serialize(nodes: Node[]): string {
  let out = "";
  let lastWord = false;
  for (const node of nodes) {
    if (isGroup(node)) {
      out += `(${serialize(node.items)})`;
      lastWord = false;
    } else {
      if (lastWord && node.word) out += " ";
      out += node.text;
      lastWord = node.word;
    }
  }
  return out;
}
