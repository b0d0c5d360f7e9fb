import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ModelCompiler } from "../../src/lsp/model-compiler.js";
import { compileSchema, type SchemaSource } from "../../src/parse/index.js";
import { DiagnosticBag } from "../../src/parse/diagnostic.js";
import { parseSchemaFile } from "../../src/parse/parse-file.js";
import { modelDifferences } from "../support/model-equality.js";
import { mutate } from "../support/mutate.js";
import { random } from "../support/random.js";

/**
 * The editor's compile keeps each file's parse while its text is unchanged,
 * and in an edited file the declarations whose text did not change (moved
 * or not), and what the builder read from its tables; after any sequence of
 * edits it must say exactly what the CLI's compileSchema says about the same
 * texts: the same diagnostics and warnings in the same order, the same model, and the
 * same syntax trees as a parse from scratch.
 */
const SCHEMAS = ["schemas/app.schema", ...readdirSync("test/fixtures/schemas").map((f) => `test/fixtures/schemas/${f}`)].map((path) =>
  readFileSync(path, "utf8"),
);

const SEED = Number(process.env.STRATA_FUZZ_SEED ?? Date.now() % 1_000_000_007);

test(`a sequence of edits to a three-file model compiles as the CLI compiles it (seed ${SEED})`, () => {
  const rand = random(SEED);
  const compiler = new ModelCompiler();
  // The first file holds one of the test schemas, the others small tables of their own (so clean texts do not clash).
  const own = (i: number) => `table own_${i} {\n  id   integer @id\n  name text?   @default("x")\n\n  @@index([name])\n}\n`;
  const cleanText = (i: number) => (i === 0 ? SCHEMAS[Math.floor(rand() * SCHEMAS.length)] : own(i));
  const files: SchemaSource[] = [0, 1, 2].map((i) => ({ path: `f${i}.schema`, text: cleanText(i) }));
  let compiled = 0;
  for (let step = 0; step < 150; step++) {
    // Most steps mutate one file or put back its clean text; every fifth puts back all of them, so models that compile are checked too.
    if (step % 5 === 4) files.forEach((f, i) => (files[i] = { path: f.path, text: cleanText(i) }));
    else {
      const at = Math.floor(rand() * files.length);
      files[at] = { path: files[at].path, text: rand() < 0.4 ? cleanText(at) : mutate(files[at].text, rand) };
    }
    const context = `step ${step} (seed ${SEED})\n${files.map((f) => `${f.path}:\n${f.text}`).join("\n")}`;
    const editor = compiler.compile(files, { env: {} });
    const cli = compileSchema(files, { env: {} });
    assert.equal(editor.diagnostics, cli.diagnostics, context);
    assert.equal(editor.warnings, cli.warnings, context);
    // The trees hover and navigation read: those of a parse from scratch, at the same offsets, though only what an edit touched was parsed again.
    for (const file of files) {
      const whole = parseSchemaFile(file.path, file.text, new DiagnosticBag([file]));
      assert.equal(editor.files.get(file.path), whole, `the tree of ${file.path} at ${context}`);
    }
    assert.is(!!editor.metadata, !!cli.metadata, context);
    if (cli.metadata) assert.equal(modelDifferences(editor.metadata!, cli.metadata), [], context);
    if (cli.metadata) compiled++;
  }
  assert.ok(compiled >= 30, `only ${compiled} steps gave a model`);
});

test.run();
