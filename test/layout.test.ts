import { test } from "uvu";
import * as assert from "uvu/assert";
import { fileURLToPath } from "node:url";
import { posix } from "node:path";
import { importCircles, readImportGraph } from "./support/import-graph.js";

/**
 * The pipeline, top to bottom: a file may import files of its own layer or
 * of a layer below it, never above. Each layer is a list of path patterns;
 * a file takes the first layer that matches. A new folder must be placed
 * here on purpose, so an unplaced file fails the test.
 */
const LAYERS: ReadonlyArray<{ name: string; paths: readonly RegExp[] }> = [
  { name: "package entry", paths: [/^src\/index\.ts$/] },
  { name: "command line", paths: [/^src\/cli\//, /^src\/config\//, /^src\/lsp\//] },
  { name: "runtime, rendering, generation, formatting", paths: [/^src\/runtime\//, /^src\/render\//, /^src\/generate\//, /^src\/format\//] },
  // The online rewriters are Rewriters (compare) that ask the hazard analysis where a lock would hurt; a config enables them.
  { name: "online rewriters", paths: [/^src\/online\//] },
  { name: "comparison and schema building", paths: [/^src\/compare\//, /^src\/parse\//] },
  { name: "migration API builders", paths: [/^src\/migration-api\//] },
  // Runs the dialects' hazard rules over a migration's ops; below everything that reports or rewrites hazards (compare's plugins, render, runtime, the CLI).
  { name: "hazard analysis", paths: [/^src\/lint\//] },
  { name: "revision graph", paths: [/^src\/revisions\//] },
  { name: "user modules (config and migration files)", paths: [/^src\/user-modules\//] },
  { name: "grammar", paths: [/^grammar\//] },
  { name: "dialects", paths: [/^src\/dialects\/registry\.ts$/, /^src\/dialects\/(mysql|postgresql|sqlite)\//] },
  { name: "DDL toolkit", paths: [/^src\/dialects\/ddl\//] },
  { name: "dialect contract", paths: [/^src\/dialects\/[^/]+\.ts$/] },
  { name: "ops", paths: [/^src\/ops\//] },
  { name: "model", paths: [/^src\/model\//] },
  { name: "located messages", paths: [/^src\/diagnostics\//] },
];

const root = fileURLToPath(new URL("..", import.meta.url));
const graph = readImportGraph(root, ["src", "grammar"]);

function layerOf(file: string): number {
  return LAYERS.findIndex((layer) => layer.paths.some((path) => path.test(file)));
}

test("every source file has a place in the pipeline", () => {
  const unplaced = graph.files.filter((file) => layerOf(file) < 0);
  assert.equal(unplaced, [], `give these files a layer in test/layout.test.ts: ${unplaced.join(", ")}`);
});

test("imports point down the pipeline", () => {
  const upward: string[] = [];
  for (const [file, targets] of graph.imports) {
    for (const target of targets) {
      if (layerOf(target) < layerOf(file)) {
        upward.push(`${file} (${LAYERS[layerOf(file)]!.name}) imports ${target} (${LAYERS[layerOf(target)]!.name})`);
      }
    }
  }
  assert.equal(upward, []);
});

test("no import circle crosses a folder", () => {
  const crossing = importCircles(graph).filter((circle) => new Set(circle.map((file) => posix.dirname(file))).size > 1);
  assert.equal(crossing, []);
});

test("the dialects never import the runtime", () => {
  const offending = [...graph.imports].flatMap(([file, targets]) =>
    file.startsWith("src/dialects/") ? targets.filter((t) => t.startsWith("src/runtime/")).map((t) => `${file} -> ${t}`) : [],
  );
  assert.equal(offending, []);
});

test("the graph reader sees every kind of import", () => {
  // Guards the reader itself: were its pattern broken, the tests above would pass on an empty graph.
  assert.ok(graph.imports.get("src/dialects/registry.ts")!.includes("src/dialects/mysql/mysql-dialect.ts"), "import … from");
  assert.ok(graph.imports.get("src/parse/index.ts")!.includes("grammar/ast.ts"), "export type … from");
  const all = [...graph.imports.values()].flat();
  assert.ok(all.length > 500, `only ${all.length} imports found`);
});

test.run();
