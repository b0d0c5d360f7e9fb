import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatSchema } from "../../src/format/index.js";
import { compileSchema, formatDiagnostics, type Diagnostic } from "../../src/parse/index.js";
import { assertModelsEqual } from "../support/model-equality.js";

const FIXTURES = [
  "schemas/app.schema",
  ...readdirSync("test/fixtures/schemas").map((f) => `test/fixtures/schemas/${f}`),
];

function fmt(text: string): string {
  const result = formatSchema(text, "t.schema");
  assert.ok(result.text !== undefined, formatDiagnostics(result.diagnostics));
  return result.text!;
}

function compile(text: string) {
  const result = compileSchema([{ path: "t.schema", text }], { env: {} });
  assert.ok(result.metadata, formatDiagnostics(result.diagnostics));
  return result.metadata!;
}

for (const path of FIXTURES) {
  test(`fmt is idempotent and keeps the model: ${path}`, () => {
    const source = readFileSync(path, "utf8");
    const once = fmt(source);
    assert.is(fmt(once), once);
    assertModelsEqual(compile(source), compile(once));
  });
}

test("fmt aligns columns, normalizes spacing and keeps comments where they were", () => {
  assert.is(
    fmt(readFileSync("test/fixtures/schemas/messy.schema", "utf8")),
    `// header comment

database {
  dialect = "postgresql"
  url     = "postgres://localhost/app"
}

table a { // about a
  id         integer       @id // the key
  name       text?         @default("x") /* inline */
  "Odd Name" varchar(10)[] @unique

  // a standalone comment
  @@index([name(sort: desc), sql("lower(name)")], name: "ix_a_name")
  /* block
     comment */
}

// about b
table b {
  x Mood @default(happy)
}

enum Mood { // values
  happy
  sad // second
}

enum audit.level { low high }

sequence s {
  start = 1
  cycle = true
}

materialized view v = sql("select 1") // trailing view

view w = sql("select 2") @comment("w")

// end of file
`,
  );
});

test("the checked-in example schemas are already formatted", () => {
  // design.schema is the DESIGN.md sketch verbatim; messy.schema is fmt's input on purpose.
  for (const path of FIXTURES.filter((p) => !/(messy|design)\.schema$/.test(p))) {
    const source = readFileSync(path, "utf8");
    assert.is(fmt(source), source, path);
  }
});

test("fmt keeps quoting only where a name needs it, and escapes strings canonically", () => {
  assert.is(
    fmt('table "t" { "a" text @default("tab\\there \\u0041 \\"q\\"")\n "b c" integer }'),
    'table t {\n  a     text    @default("tab\\there A \\"q\\"")\n  "b c" integer\n}\n',
  );
});

test("fmt writes \\n line breaks and moves comments from inside a column's attributes to its line's end", () => {
  assert.is(
    fmt("table t {\r\n  a integer @default( /* why */ 1 )\r\n  /* x\r\n     y */\r\n}\r\n"),
    "table t {\n  a integer @default(1) /* why */\n  /* x\n     y */\n}\n",
  );
});

test("fmt formats an empty file and a file of comments only", () => {
  assert.is(fmt(""), "");
  assert.is(fmt("  // just this  \n\n\n/* and this */"), "// just this\n\n/* and this */\n");
});

test("fmt refuses a file with syntax errors and says why", () => {
  const result = formatSchema("table t {\n  a integer @default(\n}\n", "bad.schema");
  assert.is(result.text, undefined);
  assert.equal(
    result.diagnostics.map((d: Diagnostic) => `${d.path}:${d.line}:${d.column}: ${d.message}`),
    ["bad.schema:3:1: expected ')' but found \"}\""],
  );
});

test("fmt formats a file with semantic errors: it is purely syntactic", () => {
  assert.is(fmt("table t { a integr }"), "table t {\n  a integr\n}\n");
});

test.run();
