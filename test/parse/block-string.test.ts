import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatSchema } from "../../src/format/index.js";
import { compileSchema, formatDiagnostics } from "../../src/parse/index.js";

function definitionOf(text: string): string {
  const result = compileSchema([{ path: "t.schema", text }], { env: {} });
  assert.ok(result.metadata, formatDiagnostics(result.diagnostics));
  return [...result.metadata!.views.values()][0].definition;
}

test("a block string's lines lose its closing quotes' indentation; the last line break is not part of it", () => {
  const text = 'view v = sql("""\n    select "a"\\n,\n\n      from t\n    """)\n';
  assert.is(definitionOf(text), 'select "a"\\n,\n\n  from t');
});

test("a blank line may be indented less; a value ending in a line break ends with an empty line", () => {
  assert.is(definitionOf('view v = sql("""\n  select 1\n\n  """)'), "select 1\n");
  assert.is(definitionOf('view v = sql("""\n  a\n \n  b\n  """)'), "a\n\nb");
  assert.is(definitionOf('view v = sql("""\r\n  a\r\n  b\r\n  """)'), "a\nb");
});

test("on one line a block string is the raw text between its quotes", () => {
  assert.is(definitionOf('view v = sql("""select "x" \\ 1""")'), 'select "x" \\ 1');
});

test("fmt keeps block strings, re-indented to where they stand, and plain strings plain", () => {
  const text = 'view v = sql("""\n        select 1\n          from t\n        """) @comment("c")\nsequence s { start = 1 }\n';
  const out = formatSchema(text, "t.schema").text;
  assert.is(out, 'view v = sql("""\n  select 1\n    from t\n  """) @comment("c")\n\nsequence s {\n  start = 1\n}\n');
  assert.is(formatSchema(out!, "t.schema").text, out);
  assert.is(formatSchema('view v = sql("select 1\\nfrom t")\n', "t.schema").text, 'view v = sql("select 1\\nfrom t")\n');
});

test("a one-line block string or one holding three quotes is written as a plain string", () => {
  assert.is(formatSchema('view v = sql("""select "a\\" """)\n', "t.schema").text, 'view v = sql("select \\"a\\\\\\" ")\n');
});

test.run();
