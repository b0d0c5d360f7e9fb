import { createRequire } from "node:module";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../src/cli/main.js";

test("only strata lsp loads the language server's packages", async () => {
  const out: string[] = [];
  assert.is(await main(["--help"], { cwd: process.cwd(), out: (t) => void out.push(t), err: (t) => void out.push(t) }), 0);
  assert.match(out.join("\n"), "lsp");
  assert.is(await main(["lsp", "--help"], { cwd: process.cwd(), out: (t) => void out.push(t), err: (t) => void out.push(t) }), 0);
  // They are CommonJS packages: once imported, their files are in the module cache.
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes("vscode-languageserver"));
  assert.equal(loaded, []);
});

test.run();
