import { SchemaFileError } from "./diagnostic.js";

/** Bytes a text file never holds: NUL, and C0 controls other than tab, line feed, form feed and carriage return. */
const BINARY_BYTE = (b: number) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d;

/**
 * A `.schema` file's bytes as text: UTF-8, a leading byte order mark dropped
 * (editors on Windows write one). A binary file is refused before it is
 * lexed: its hundreds of errors, and lines thousands of bytes long, would
 * tell the user nothing that "not a text file" does not.
 */
export function schemaText(path: string, bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  if (head.some(BINARY_BYTE)) throw new SchemaFileError(path, "not a text file (it holds control bytes); a .schema file is UTF-8 text");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SchemaFileError(path, "not a text file (it is not valid UTF-8); a .schema file is UTF-8 text");
  }
}
