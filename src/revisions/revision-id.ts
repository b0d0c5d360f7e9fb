import { randomBytes } from "node:crypto";

/** A new revision id: 12 random hex characters (48 bits; collisions are checked on write). */
export function newRevisionId(): string {
  return randomBytes(6).toString("hex");
}

export const REVISION_ID_PATTERN = /^[0-9A-Za-z_]+$/;
