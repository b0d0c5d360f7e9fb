/**
 * The shared corpus of real schemas lives beside the repository, in
 * `../shared/corpus` (as on every developer machine and in CI);
 * STRATA_CORPUS points elsewhere.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CORPUS = process.env.STRATA_CORPUS ?? fileURLToPath(new URL("../../../shared/corpus", import.meta.url));

if (!existsSync(CORPUS)) {
  throw new Error(`the corpus is missing: expected ${CORPUS} (../shared/corpus beside the repository), or set STRATA_CORPUS`);
}

/**
 * What the corpus README's table says of each file of a dialect:
 * `{ "chinook.sql": { tables: 11, PK: 11, ... } }`. Tests compare these with
 * what reflection finds, so the README stays the single statement of them.
 */
export function corpusReadmeCounts(dialect: string): Record<string, Record<string, number>> {
  const rows = readFileSync(`${CORPUS}/README.md`, "utf8")
    .split("\n")
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => cells[1]?.startsWith(`\`${dialect}/`) && cells[1].endsWith(".sql`"));
  return Object.fromEntries(
    rows.map((cells) => {
      const file = cells[1].slice(dialect.length + 2, -1);
      const counts: Record<string, number> = { tables: Number(cells[4]) };
      for (const feature of cells[5].split(";")) {
        const match = /^(.*\S)\s+(\d+)$/.exec(feature.trim());
        if (!match) throw new Error(`cannot read the feature "${feature}" of ${dialect}/${file} in the corpus README`);
        counts[match[1]] = Number(match[2]);
      }
      return [file, counts];
    }),
  );
}
