import { UnsupportedDdlError } from "./ddl-errors.js";

/**
 * How a dialect writes string literals. PostgreSQL and SQLite double quotes
 * and take backslashes literally; MySQL's default sql_mode also treats
 * backslash as an escape character, so it is escaped too.
 */
export type LiteralStyle = "postgresql" | "mysql" | "sqlite";

/**
 * A JavaScript value as an SQL literal, for output that cannot carry
 * parameters (`--sql`). Everything that reaches SQL text through here is
 * escaped; the tests run hostile strings through every style on the real
 * servers.
 */
export function sqlLiteral(value: unknown, style: LiteralStyle): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new UnsupportedDdlError(style, `write the number ${value} as a literal`);
    return String(value);
  }
  if (typeof value === "string") return stringLiteral(value, style);
  if (value instanceof Date) return stringLiteral(dateText(value, style), style);
  if (value instanceof Uint8Array) return bytesLiteral(value, style);
  return stringLiteral(JSON.stringify(value), style);
}

export function stringLiteral(value: string, style: LiteralStyle): string {
  if (style === "mysql") {
    const escaped = value.replace(/[\\'\0\n\r\x1a]/g, (c) => MYSQL_ESCAPES[c]!);
    return `'${escaped}'`;
  }
  if (value.includes("\0")) throw new UnsupportedDdlError(style, "store a NUL character in a text literal");
  const doubled = value.replaceAll("'", "''");
  // E'' makes backslashes mean the same whatever standard_conforming_strings says.
  if (style === "postgresql" && value.includes("\\")) return `E'${doubled.replaceAll("\\", "\\\\")}'`;
  return `'${doubled}'`;
}

const MYSQL_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\0": "\\0",
  "\n": "\\n",
  "\r": "\\r",
  "\x1a": "\\Z",
};

function bytesLiteral(bytes: Uint8Array, style: LiteralStyle): string {
  const hex = Buffer.from(bytes).toString("hex");
  return style === "postgresql" ? `decode('${hex}', 'hex')` : `X'${hex}'`;
}

/** MySQL DATETIME rejects ISO's `T` and `Z`; every dialect gets UTC. */
function dateText(date: Date, style: LiteralStyle): string {
  const iso = date.toISOString();
  return style === "postgresql" ? iso : iso.replace("T", " ").replace("Z", "");
}
