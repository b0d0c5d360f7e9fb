import { test } from "uvu";
import * as assert from "uvu/assert";
import { sqliteDialect } from "../../../src/dialects/sqlite/sqlite-dialect.js";
import { redactSqliteUrl } from "../../../src/dialects/sqlite/sqlite-connection.js";
import { withTestDatabase } from "../../support/databases.js";

test("connect turns foreign key enforcement on and counts statements", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const conn = await sqliteDialect.connect(db.url);
    try {
      assert.is(conn.dialect, sqliteDialect);
      assert.is(conn.queryCount, 1);
      assert.equal(await conn.query("PRAGMA foreign_keys"), [{ foreign_keys: 1 }]);
      await conn.execute('CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p_id INTEGER REFERENCES p (id))');
      try {
        await conn.execute("INSERT INTO c (p_id) VALUES (?)", [7]);
        assert.unreachable("the foreign key should have been enforced");
      } catch (error) {
        assert.match(String(error), /FOREIGN KEY constraint failed/);
      }
      assert.is(conn.queryCount, 4);
    } finally {
      await conn.close();
    }
  });
});

test("query returns plain rows and binds positional parameters", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const conn = await sqliteDialect.connect(db.url);
    try {
      assert.equal(await conn.query("SELECT ? AS a, ? AS b", [1, "x"]), [{ a: 1, b: "x" }]);
    } finally {
      await conn.close();
    }
  });
});

test("BEGIN ... ROLLBACK sent as statements undoes DDL, BEGIN ... COMMIT keeps it", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const conn = await sqliteDialect.connect(db.url);
    try {
      await conn.execute("BEGIN");
      await conn.execute("CREATE TABLE gone (id INTEGER)");
      await conn.execute("ROLLBACK");
      await conn.execute("BEGIN IMMEDIATE");
      await conn.execute("CREATE TABLE kept (id INTEGER)");
      await conn.execute("COMMIT");
      const names = await db.query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
      assert.equal(names.map((r) => r.name), ["kept"]);
    } finally {
      await conn.close();
    }
  });
});

test("a statement with a trailing semicolon and comment still returns its rows; a script runs whole", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const conn = await sqliteDialect.connect(db.url);
    try {
      assert.equal(await conn.query("SELECT ';' AS a; -- a note; with semicolons"), [{ a: ";" }]);
      await conn.execute("CREATE TABLE a (x TEXT); INSERT INTO a VALUES ('1;2'); INSERT INTO a VALUES ('3')");
      assert.equal(await conn.query("SELECT x FROM a ORDER BY x"), [{ x: "1;2" }, { x: "3" }]);
    } finally {
      await conn.close();
    }
  });
});

test("a connection's displayUrl hides the auth token it was given", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const conn = await sqliteDialect.connect(`${db.url}?authToken=s3cret`);
    try {
      assert.is(conn.displayUrl, `${db.url}?authToken=***`);
    } finally {
      await conn.close();
    }
  });
});

test("displayUrl hides the auth token and passwords", () => {
  assert.is(redactSqliteUrl("libsql://db-org.turso.io?authToken=abc.def"), "libsql://db-org.turso.io?authToken=***");
  assert.is(redactSqliteUrl("libsql://u:secret@host:8080?tls=0&authToken=t"), "libsql://u:***@host:8080?tls=0&authToken=***");
  assert.is(redactSqliteUrl("file:./dev.db"), "file:./dev.db");
});

test("quoteIdentifier always double-quotes and doubles embedded quotes", () => {
  assert.is(sqliteDialect.quoteIdentifier("user"), '"user"');
  assert.is(sqliteDialect.quoteIdentifier('a "b" c'), '"a ""b"" c"');
});

test.run();
