import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { isAvailable, withTestDatabase, type DialectName } from "../support/databases.js";
import { runStrata } from "../support/strata-process.js";

/** A schema with no database block: it names no dialect. */
const PORTABLE = `table note {
  id    integer @id
  title varchar(40)
  body  text?
}
`;

/** The same table, written in each dialect's own DDL. */
const NATIVE_DDL: Record<"postgresql" | "mysql", string> = {
  postgresql: "CREATE TABLE note (id integer PRIMARY KEY, title varchar(40) NOT NULL, body text)",
  mysql: "CREATE TABLE note (id int PRIMARY KEY, title varchar(40) NOT NULL, body text)",
};

function folder(files: Record<string, string>): string {
  const cwd = mkdtempSync(join(tmpdir(), "strata-portable-"));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(cwd, path), text);
  return cwd;
}

for (const dialect of ["postgresql", "mysql"] as const satisfies DialectName[]) {
  if (!isAvailable(dialect)) continue;
  test(`a portable schema is compared as ${dialect} against a ${dialect} URL`, () =>
    withTestDatabase(dialect, async (db) => {
      const cwd = folder({ "app.schema": PORTABLE });
      try {
        await db.run(NATIVE_DDL[dialect]);
        const result = await runStrata(["diff", "--schema", "app.schema", "--url", db.url], { cwd });
        assert.is(result.err, "");
        assert.is(result.out, `${db.url}: no changes\n`);
        assert.is(result.code, 0);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    }),
  );
}

test("a portable schema with no URL anywhere is compared with SQLite at file:./dev.db", async () => {
  const cwd = folder({ "app.schema": PORTABLE });
  try {
    const result = await runStrata(["diff", "--schema", "app.schema"], { cwd });
    assert.is(result.out, "file:./dev.db: 1 change\n  + table note\n");
    assert.is(result.code, 1);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("a portable schema's types are checked for the URL's dialect, with located diagnostics", async () => {
  const cwd = folder({ "app.schema": "table note {\n  id    integer @id\n  title varchar\n}\n" });
  try {
    // Accepted by SQLite (no URL: file:./dev.db) ...
    assert.is((await runStrata(["diff", "--schema", "app.schema"], { cwd })).code, 1);
    // ... and refused for MySQL, where varchar needs a length; no connection is tried.
    const mysql = await runStrata(["diff", "--schema", "app.schema", "--url", "mysql://root@127.0.0.1:1/none"], { cwd });
    assert.is(
      mysql.err,
      'strata diff: app.schema:3:9: type "varchar" takes 1 parameter (length), got 0\n  title varchar\n        ^\n',
    );
    assert.is(mysql.code, 2);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test("a schema whose database block names a dialect refuses a URL of another dialect", async () => {
  const cwd = folder({ "app.schema": `database {\n  dialect = "sqlite"\n}\n\n${PORTABLE}` });
  try {
    const result = await runStrata(["diff", "--schema", "app.schema", "--url", "postgres://u:secret@127.0.0.1:1/x"], { cwd });
    assert.is(
      result.err,
      "strata diff: the schema is written for sqlite but postgres://u:***@127.0.0.1:1/x is a postgresql database\n",
    );
    assert.is(result.code, 2);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test.run();
