import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { generateSchema } from "../../bench/parse.js";
import type { MetaData } from "../../src/model/index.js";
import { buildModel } from "../../src/parse/build-model.js";
import { DiagnosticBag, type Diagnostic } from "../../src/parse/diagnostic.js";
import { compileSchema, type SchemaSource } from "../../src/parse/index.js";
import { parseSchemaFile } from "../../src/parse/parse-file.js";
import { declarationsOf } from "../../src/parse/schema-declarations.js";
import { modelDifferences } from "../support/model-equality.js";
import { mutate } from "../support/mutate.js";
import { random } from "../support/random.js";

/**
 * compileSchema parses tables one at a time as the builder reaches them
 * (StreamedDeclarations). The oracle here is the plain pipeline: parse every
 * file whole, stop at syntax errors, else build from the whole trees. Both
 * must give the same model and the same diagnostics, for valid schemas, for
 * files whose declarations a keyword-as-name makes hard to cut apart, for
 * syntax errors spread over several files, and for seeded mutants.
 */
function compileWhole(sources: readonly SchemaSource[]): { metadata?: MetaData; diagnostics: Diagnostic[] } {
  const bag = new DiagnosticBag(sources);
  const files = sources.map((s) => parseSchemaFile(s.path, s.text, bag));
  if (bag.hasErrors) return { diagnostics: bag.sorted() };
  const metadata = buildModel(declarationsOf(files.map((f) => f!)), bag, {});
  return metadata && !bag.hasErrors ? { metadata, diagnostics: [] } : { diagnostics: bag.sorted() };
}

function assertSameAsWhole(sources: readonly SchemaSource[], label: string): MetaData | undefined {
  const streamed = compileSchema(sources, { env: {} });
  const whole = compileWhole(sources);
  const context = `${label}\n--- sources ---\n${sources.map((s) => `${s.path}:\n${s.text}`).join("\n")}`;
  assert.equal(streamed.diagnostics, whole.diagnostics, `diagnostics differ: ${context}`);
  assert.is(!!streamed.metadata, !!whole.metadata, context);
  if (streamed.metadata) assert.equal(modelDifferences(streamed.metadata, whole.metadata!), [], context);
  return streamed.metadata;
}

const SCHEMAS = [
  "schemas/app.schema",
  ...readdirSync("test/fixtures/schemas").map((f) => `test/fixtures/schemas/${f}`),
].map((path) => ({ path, text: readFileSync(path, "utf8") }));

test("every test schema and a generated 300-table schema compile as when parsed whole", () => {
  for (const source of SCHEMAS) assertSameAsWhole([source], source.path);
  const metadata = assertSameAsWhole([{ path: "generated.schema", text: generateSchema(300) }], "generated");
  assert.is(metadata?.tables.size, 300);
});

test("declaration keywords used as names do not cut a file wrongly", () => {
  const text = [
    'database { dialect = "postgresql" }',
    "enum view { table enum }",
    "table table {\n  id    int @id\n  view  view @default(table)\n  enum  text?\n}",
    'view v = sql("select 1") @comment("x")',
    "table sequence {\n  id int @id\n  t  int @references(table.id)\n}",
    'materialized view table2 = sql("select 1")',
    "sequence view2 { start = 1 }",
    "table audit.table {\n  id int @id\n}",
  ].join("\n");
  const metadata = assertSameAsWhole([{ path: "names.schema", text }], "keywords as names");
  assert.equal([...metadata!.tables.keys()], ["table", "sequence", "audit.table"]);
  assert.equal([...metadata!.views.keys()], ["v", "table2"]);
  // A view whose definition is the bare word `table` hides the next table's
  // start: the stretch fails, the file is parsed whole and reported as it
  // would be (the definition must be sql).
  const cutWrongly = 'view v = table\ntable t {\n  id int @id\n}';
  assertSameAsWhole([{ path: "cut.schema", text: cutWrongly }], "view v = table");
  assert.equal(
    compileSchema([{ path: "cut.schema", text: cutWrongly }], { env: {} }).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`),
    ['1:10 expected sql("...") but found "table"'],
  );
});

test("syntax errors in several files are all reported, and nothing else is", () => {
  const sources = [
    { path: "a.schema", text: "enum Status { active\n" },
    { path: "b.schema", text: "table ok {\n  id integr @id\n}\ntable bad {\n  id int @id(\n}\n" },
    { path: "c.schema", text: 'table escape {\n  name text @default("bad \\q escape")\n}\n' },
    { path: "d.schema", text: "table fine {\n  id int @id\n}\n" },
  ];
  assertSameAsWhole(sources, "errors in three files");
  const diagnostics = compileSchema(sources, { env: {} }).diagnostics;
  assert.equal(
    diagnostics.map((d) => `${d.path}:${d.line}:${d.column}`),
    ["a.schema:1:21", "b.schema:6:1", "c.schema:2:22"],
  );
  // The unknown type `integr` in a table that parsed is not reported while the schema has syntax errors.
  assert.not.ok(diagnostics.some((d) => d.message.includes("integr")));
});

const SEED = Number(process.env.STRATA_FUZZ_SEED ?? Date.now() % 1_000_000_007);

test(`seeded mutants compile as when parsed whole (seed ${SEED})`, () => {
  const rand = random(SEED);
  for (let i = 0; i < 400; i++) {
    const source = SCHEMAS[i % SCHEMAS.length];
    const sources = [{ path: "mutant.schema", text: mutate(source.text, rand) }];
    if (i % 4 === 0) sources.push(SCHEMAS[(i + 1) % SCHEMAS.length]);
    assertSameAsWhole(sources, `mutant ${i} (seed ${SEED})`);
  }
});

test.run();
