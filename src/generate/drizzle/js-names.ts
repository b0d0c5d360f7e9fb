/**
 * JavaScript spellings of SQL names for the generated module: identifiers,
 * object keys, string and template literals. SQL names may hold spaces,
 * quotes or reserved words; the generated code must still compile.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** `organization_id` → `organizationId`, `Mixed Case` → `mixedCase`, `2fa` → `_2fa`. */
export function camelCase(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (parts.length === 0) return "_";
  const joined = parts
    .map((part, i) => (i === 0 ? part[0].toLowerCase() + part.slice(1) : part[0].toUpperCase() + part.slice(1)))
    .join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/**
 * Hands out names that are unique within one scope (the module's top level,
 * or one table's columns), in the order they are asked for, so the same
 * model always gets the same names.
 */
export class NameScope {
  readonly #taken: Set<string>;
  /** Object keys may be reserved words (`t.default`); variables may not. */
  readonly #avoid: ReadonlySet<string>;
  constructor(reserved: Iterable<string> = [], options: { keys?: boolean } = {}) {
    this.#taken = new Set(reserved);
    this.#avoid = options.keys ? new Set() : RESERVED;
  }

  /** `base`, else `base` + `suffix`, else `base` + `suffix` + 2, 3, ... */
  claim(base: string, suffix = ""): string {
    const free = (name: string) => !this.#taken.has(name) && !this.#avoid.has(name);
    let name = free(base) ? base : base + suffix;
    for (let n = 2; !free(name); n++) name = `${base}${suffix}${n}`;
    this.#taken.add(name);
    return name;
  }
}

/** A string literal. */
export function str(value: string): string {
  return JSON.stringify(value);
}

/** An object key: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : str(name);
}

/** Raw SQL inside drizzle's sql`...` tag: backslashes, backticks and `${` escaped. */
export function sqlTemplate(sql: string): string {
  return "sql`" + sql.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${") + "`";
}

/** `/** text *\/` above a declaration; `*\/` inside the text cannot end the comment early. */
export function docComment(text: string): string {
  const lines = text.replaceAll("*/", "*\\/").split("\n");
  return lines.length === 1
    ? `/** ${lines[0]} */\n`
    : `/**\n${lines.map((l) => ` * ${l}`.trimEnd()).join("\n")}\n */\n`;
}

/** `obj.key` or `obj["odd key"]`. */
export function member(object: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${object}.${name}` : `${object}[${str(name)}]`;
}

/** A builder's config argument, `, { length: 50 }`, or nothing when every entry is undefined. */
export function options(entries: Record<string, string | number | boolean | undefined>): string {
  const set = Object.entries(entries).filter(([, v]) => v !== undefined);
  return set.length
    ? `, { ${set.map(([k, v]) => `${k}: ${typeof v === "string" ? str(v) : String(v)}`).join(", ")} }`
    : "";
}
