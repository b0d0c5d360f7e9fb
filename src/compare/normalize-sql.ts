/**
 * A canonical spelling of an SQL expression, so that a check constraint or a
 * view definition written in the `.schema` compares equal to what a database
 * gives back: whitespace, keyword case, simple identifier quoting, casts the
 * database adds (`'a'::text`, `(0)::numeric`), charset introducers
 * (`_utf8mb4'a'`), redundant parentheses and PostgreSQL's `= ANY (ARRAY[...])`
 * for `IN (...)`. It errs towards "equal": a cast the author wrote is dropped
 * too, which can hide a real (rare) difference but never shows a false one.
 */
export function normalizeSql(sql: string): string {
  const tokens = dropCasts(tokenize(sql.trim().replace(/;+\s*$/, "")));
  if (tokens[0]?.text === "check" && tokens[1]?.text === "(") tokens.shift();
  const text = serialize(simplify(group(tokens)));
  return text.replace(/=any\(array\[([^\]]*)\]\)/g, " in($1)");
}

interface Token {
  readonly text: string;
  /** Identifiers, keywords, numbers and strings: a space separates two words. */
  readonly word: boolean;
}

const TOKEN = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_$]*|::|<=|>=|<>|!=|\|\||->>|->|./gy;
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

/** Removes `::type`, `::character varying(10)`, `::text[]`. */
function dropCasts(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== "::") {
      out.push(tokens[i]);
      continue;
    }
    i++;
    while (i + 1 < tokens.length && TYPE_CONTINUATIONS.has(tokens[i + 1].text)) i++;
    if (tokens[i + 1]?.text === "(") {
      while (i < tokens.length && tokens[i].text !== ")") i++;
    }
    while (tokens[i + 1]?.text === "[" && tokens[i + 2]?.text === "]") i += 2;
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

const LOGICAL = new Set(["and", "or", "not"]);

/** Removes parentheses that do not change the meaning, innermost first. */
function simplify(nodes: Node[]): Node[] {
  let items = nodes.map((n) => (isGroup(n) ? { items: simplify(n.items) } : n));
  // ((x)) and a whole expression in parentheses.
  while (items.length === 1 && isGroup(items[0])) items = items[0].items;
  const out: Node[] = [];
  for (let i = 0; i < items.length; i++) {
    const node = items[i];
    const prev = out[out.length - 1];
    if (isGroup(node) && removable(node, prev, items[i + 1])) out.push(...node.items);
    else out.push(node);
  }
  return out;
}

function removable(g: Group, prev: Node | undefined, next: Node | undefined): boolean {
  // `lower(x)`, `in (1, 2)`, `array[...]`: a group after a word is an argument list.
  if (prev !== undefined && !isGroup(prev) && prev.word && !LOGICAL.has(prev.text)) return false;
  if (g.items.some((n) => !isGroup(n) && n.text === ",")) return false;
  if (g.items.length === 1) return true;
  const words = new Set(g.items.flatMap((n) => (isGroup(n) ? [] : [n.text])));
  const bound = (n: Node | undefined, allowed: readonly string[]) => n === undefined || (!isGroup(n) && allowed.includes(n.text));
  // Comparisons and arithmetic bind tighter than AND/OR/NOT.
  if (!words.has("and") && !words.has("or") && !words.has("not")) {
    return bound(prev, ["and", "or", "not", ","]) && bound(next, ["and", "or", ","]);
  }
  // AND binds tighter than OR.
  if (!words.has("or") && !words.has("not")) return bound(prev, ["or", ","]) && bound(next, ["or", ","]);
  return false;
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
