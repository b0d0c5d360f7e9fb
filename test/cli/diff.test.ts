import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../src/cli/main.js";

const SCHEMA = `table foo {
  id   integer @id
  data integer?
  x    integer
}

table bat {
  info text?
  @@index([info], name: "ix_info")
}
`;

/** The reference's compare_metadata example, through the CLI. */
async function project() {
  const cwd = mkdtempSync(join(tmpdir(), "strata-diff-"));
  mkdirSync(join(cwd, "schemas"));
  writeFileSync(join(cwd, "schemas", "app.schema"), SCHEMA);
  const url = `file:${join(cwd, "dev.db")}`;
  const { createClient } = await import("@libsql/client");
  const client = createClient({ url });
  await client.executeMultiple(
    "create table foo (id integer not null primary key, old_data varchar, x integer); create table bar (data varchar);",
  );
  client.close();
  const out: string[] = [];
  const err: string[] = [];
  const run = (...argv: string[]) => main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { cwd, url, out, err, run, done: () => rmSync(cwd, { recursive: true, force: true }) };
}

test("diff prints each change on its own line, warns about data loss, exits 1", async () => {
  const p = await project();
  try {
    assert.is(await p.run("diff", "--url", p.url), 1);
    assert.equal(p.out.join("\n").split("\n"), [
      `${p.url}: 5 changes`,
      "  + table bat",
      "  - table bar",
      "  + column foo.data integer?",
      "  ~ column foo.x: nullable true → false",
      "  - column foo.old_data",
    ]);
    assert.equal(p.err, [
      "warning: drops table bar and all its rows",
      "warning: alters column foo.x: makes it NOT NULL without a default: existing NULLs make the change fail",
      "warning: drops column foo.old_data and its data",
    ]);
  } finally {
    p.done();
  }
});

test("diff --json prints the reference's tuples", async () => {
  const p = await project();
  try {
    assert.is(await p.run("diff", "--json", "--url", p.url), 1);
    const tuples = JSON.parse(p.out.join("\n")) as unknown[][];
    assert.equal(
      tuples.map((t) => (Array.isArray(t[0]) ? (t as unknown[][]).map((n) => n[0]) : t[0])),
      ["add_table", "remove_table", "add_column", ["modify_nullable"], "remove_column"],
    );
    const [, schema, table, column, existing, from, to] = (tuples[3] as unknown[][])[0];
    // The default schema is None in the reference; JSON spells it null.
    assert.equal([schema, table, column, from, to], [null, "foo", "x", true, false]);
    assert.equal((existing as { existingType: { name: string } }).existingType.name, "integer");
  } finally {
    p.done();
  }
});

test("diff with a broken schema prints located diagnostics, connects nowhere, exits 2", async () => {
  const p = await project();
  try {
    writeFileSync(join(p.cwd, "schemas", "app.schema"), "table foo {\n  id integr @id\n}\n");
    assert.is(await p.run("diff", "--url", "postgres://nobody:secret@127.0.0.1:1/none"), 2);
    const text = p.err.join("\n");
    assert.match(text, 'app.schema:2:6: unknown type "integr"; did you mean "integer"?');
    assert.not.match(text, "secret");
    assert.not.match(text, "connect");
  } finally {
    p.done();
  }
});

test.run();
