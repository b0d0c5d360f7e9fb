/**
 * `npm run bench`: runs every measured hot path in bench/ (parse, reflect,
 * compare, render), or only those named: `npm run bench -- parse compare`.
 * Each module exports `run()` and prints its own measurements.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const dir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)))
  .sort();

for (const name of modules) {
  console.log(`\n== ${name} ==`);
  const module = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { run(): Promise<void> };
  await module.run();
}
