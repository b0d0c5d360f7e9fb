import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The `strata` command as users run it: bin/strata.js, which runs the
 * compiled package in dist/. `npm test` builds before any test starts; this
 * refuses a dist/ older than a source file, so a test that spawns the
 * command can never pass or fail on yesterday's build.
 */
export function strataBin(): string {
  const built = builtAt();
  const newer = ["src", "grammar"].flatMap((folder) => sourcesNewerThan(join(root, folder), built));
  if (newer.length) {
    throw new Error(`dist/ is older than ${newer.slice(0, 3).join(", ")}${newer.length > 3 ? ", ..." : ""}: run \`npm run build\` (npm test does)`);
  }
  return join(root, "bin", "strata.js");
}

function builtAt(): number {
  try {
    return statSync(join(root, "dist", "cli", "main.js")).mtimeMs;
  } catch {
    throw new Error("dist/ is missing: run `npm run build` (npm test does)");
  }
}

function sourcesNewerThan(folder: string, time: number): string[] {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, String(name)))
    .filter((path) => path.endsWith(".ts") && statSync(path).mtimeMs > time);
}
