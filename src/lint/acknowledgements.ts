/**
 * The marker that acknowledges a hazard (or a data loss) in a migration
 * file, on a comment line right above the operation:
 *
 *   // strata-allow: index-blocks-writes, missing-lock-timeout — the table is written only at night
 *   await op.createIndex("ix_orders_note", "orders", ["note"]);
 *
 * `data-loss` acknowledges what the op loses. Anything after the codes is
 * the reason, for the reviewer.
 */
export const ALLOW_MARKER = "strata-allow:";
export const DATA_LOSS_CODE = "data-loss";

const MARKER = /strata-allow:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/gi;

/**
 * The codes acknowledged for the operation whose call starts on `line`
 * (1-based): those named in the run of comment lines directly above it.
 */
export function acknowledgedAt(lines: readonly string[], line: number): Set<string> {
  const codes = new Set<string>();
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (!text.startsWith("//")) break;
    for (const match of text.matchAll(MARKER)) for (const code of match[1]!.split(",")) codes.add(code.trim().toLowerCase());
  }
  return codes;
}
