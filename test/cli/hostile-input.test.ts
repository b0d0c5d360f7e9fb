import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { random } from "../support/random.js";
import { runStrata } from "../support/strata-process.js";

/** `strata diff --schema app.schema` in a fresh folder holding `app.schema` with these contents. */
async function diffOf(contents: string | Uint8Array) {
  const cwd = mkdtempSync(join(tmpdir(), "strata-hostile-"));
  try {
    writeFileSync(join(cwd, "app.schema"), contents);
    const started = performance.now();
    const result = await runStrata(["diff", "--schema", "app.schema"], { cwd });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

test("3 KB of random bytes is not a text file: one line, exit 2", async () => {
  const next = random(12);
  const bytes = Uint8Array.from({ length: 3072 }, () => Math.floor(next() * 256));
  const { code, out, err } = await diffOf(bytes);
  assert.is(err, "strata diff: app.schema: not a text file (it holds control bytes); a .schema file is UTF-8 text\n");
  assert.is(out, "");
  assert.is(code, 2);
});

test("text that is not UTF-8 is not a text file either", async () => {
  const { code, err } = await diffOf(Buffer.from("table t {\n  id integer @id \xff\n}\n", "latin1"));
  assert.is(err, "strata diff: app.schema: not a text file (it is not valid UTF-8); a .schema file is UTF-8 text\n");
  assert.is(code, 2);
});

test("a UTF-8 byte order mark at the start of a schema is accepted", async () => {
  const { code, out, err } = await diffOf("\uFEFFtable t {\n  id integer @id\n}\n");
  assert.is(err, "");
  assert.is(out, "file:./dev.db: 1 change\n  + table t\n");
  assert.is(code, 1);
});

test("errors stop at 20, then say how many more there are", async () => {
  const broken = Array.from({ length: 30 }, (_, i) => `table t${i} {\n  id integr @id\n}\n`).join("");
  const { code, err } = await diffOf(broken);
  const lines = err.trimEnd().split("\n");
  assert.is(lines.filter((l) => /^(strata diff: )?app\.schema:\d+:\d+: /.test(l)).length, 20);
  assert.is(lines.at(-1), "and 10 more errors");
  assert.is(code, 2);
});

test("a long source line prints as a window around the caret, a long word is cut in the message", async () => {
  const line = `table t { ${"a".repeat(2990)} %% ${"b".repeat(3000)} }`;
  const { err } = await diffOf(`${line}\n${"c".repeat(3000)}\n`);
  const [location, source, caret] = err.split("\n");
  assert.is(location, 'strata diff: app.schema:1:3002: unexpected characters "%%"');
  assert.is(source, `…${"a".repeat(59)} %% ${"b".repeat(57)}…`);
  assert.is(caret, `${" ".repeat(61)}^`);
  assert.match(err, `\napp.schema:2:1: unexpected "${"c".repeat(40)}…" (3000 characters): expected a declaration`);
});

test("a 200 KB line of short words and %%%% is reported quickly, in a few kilobytes", async () => {
  const next = random(7);
  const words = ["ab", "cd", "x", "%%%%", "y1", "table", "{", "}", "@id", "(", "integer", "view", "="];
  let text = "";
  while (text.length < 200_000) text += `${words[Math.floor(next() * words.length)]} `;
  const { code, err, seconds } = await diffOf(text);
  assert.is(code, 2);
  assert.match(err, /\nand \d+ more errors\n$/);
  assert.ok(err.length < 20_000, `${err.length} bytes of errors`);
  // Recovering from each error used to rescan the rest of the line: 30 s and more for this input.
  assert.ok(seconds < 20, `took ${seconds.toFixed(1)} s`);
});

test.run();
