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
