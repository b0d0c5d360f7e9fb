/**
 * The shared corpus of real schemas lives beside the repository, in
 * `../shared/corpus` (as on every developer machine and in CI);
 * STRATA_CORPUS points elsewhere.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CORPUS = process.env.STRATA_CORPUS ?? fileURLToPath(new URL("../../../shared/corpus", import.meta.url));

if (!existsSync(CORPUS)) {
  throw new Error(`the corpus is missing: expected ${CORPUS} (../shared/corpus beside the repository), or set STRATA_CORPUS`);
}
