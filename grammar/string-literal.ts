const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" };

/**
 * The value of a double-quoted string token (quotes included). Escapes are
 * JSON's; an unknown one returns `undefined` so the caller can report it
 * (a regex in `sql("...")` must write `\\d`, which is the lesser surprise
 * than silently dropping the backslash).
 */
export function unquoteString(image: string): string | undefined {
  if (!image.includes("\\")) return image.slice(1, -1);
  let bad = false;
  const value = image.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, esc: string) => {
    if (esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    const out = ESCAPES[esc];
    if (out === undefined) bad = true;
    return out ?? esc;
  });
  return bad ? undefined : value;
}

/** `'a''b'` → `a'b`. */
export function unquoteSingle(image: string): string {
  return image.slice(1, -1).replaceAll("''", "'");
}

/** The canonical spelling of a string: double quotes, JSON-style escapes. */
export function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as the language writes it: bare when it is an identifier, else quoted. */
export function formatName(name: string): string {
  return IDENTIFIER.test(name) ? name : quoteString(name);
}

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

export type BlockValue = { readonly value: string } | { readonly error: string; readonly offset: number };

/**
 * The value of a block string token (`"""` ... `"""`, an unterminated one
 * running to the end of the file). Its text is raw: no escapes. On one line
 * it is the text between the quotes. Spanning lines, as Swift's and Java's
 * text blocks: the text starts on the line after the opening quotes and ends
 * at the line break before the closing ones, which stand on a line of their
 * own; their indentation is taken off every line (a blank line may have
 * less). `offset` of an error is relative to the token's start.
 */
export function unquoteBlock(image: string): BlockValue {
  const closed = image.length >= 6 && image.endsWith('"""');
  const inner = image.slice(3, closed ? -3 : undefined);
  if (!/[\r\n]/.test(inner)) return { value: inner };
  const lines = inner.split(/\r\n?|\n/);
  const first = lines.shift()!;
  if (first.trim() !== "") return { error: 'a block string\'s text starts on the line after its opening """', offset: 3 };
  const indent = lines.pop()!;
  if (indent.trim() !== "") return { error: 'a block string\'s closing """ goes on a line of its own', offset: image.length - (closed ? 3 : 0) };
  let at = 3 + first.length + 1;
  const out: string[] = [];
  for (const line of lines) {
    at = image.indexOf(line, at);
    if (line.startsWith(indent)) out.push(line.slice(indent.length));
    else if (line.trim() === "") out.push("");
    else return { error: 'this line of a block string is indented less than its closing """', offset: at + line.length - line.trimStart().length };
    at += line.length;
  }
  return { value: out.join("\n") };
}

/** Whether a value reads back the same from a block string (printed by printBlock). */
export function fitsBlock(value: string): boolean {
  return value.includes("\n") && !value.includes('"""') && !value.includes("\r");
}

/** A block string for `value` whose lines and closing quotes are indented by `indent`. */
export function printBlock(value: string, indent: string): string {
  const lines = value.split("\n").map((line) => (line === "" ? "" : indent + line));
  return `"""\n${lines.join("\n")}\n${indent}"""`;
}
