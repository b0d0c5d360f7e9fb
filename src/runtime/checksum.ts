import { createHash } from "node:crypto";

/**
 * The fingerprint of a migration file as it was applied: sha256 of its text
 * with line endings normalized, so a checkout with CRLF endings (Windows,
 * `core.autocrlf`) is not mistaken for an edit.
 */
export function migrationChecksum(text: string): string {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}
