import { test } from "uvu";
import * as assert from "uvu/assert";
import type { NameFilterParentNames, NameFilterType } from "../../../src/dialects/reflect-options.js";
import { reflectSql } from "./reflect-sql.js";

test("includeName sees table and view names first; an excluded table's details are never read", async () => {
  const calls: Array<[string | undefined, NameFilterType, NameFilterParentNames]> = [];
  const { metadata } = await reflectSql(
    `CREATE TABLE keep (id INTEGER PRIMARY KEY, secret TEXT, note TEXT CHECK (note <> ''), UNIQUE (note));
     CREATE TABLE skip (id INTEGER PRIMARY KEY, keep_id INTEGER REFERENCES keep (id));
     CREATE INDEX ix_keep ON keep (note);
     CREATE INDEX ix_skip ON skip (keep_id);
     CREATE VIEW v_keep AS SELECT 1;
     CREATE VIEW v_skip AS SELECT 2;`,
    {
      includeName: (name, type, parents) => {
        calls.push([name, type, parents]);
        return !["skip", "v_skip", "secret"].includes(name ?? "");
      },
    },
  );
  assert.equal([...metadata.tables.keys()], ["keep"]);
  assert.equal([...metadata.views.keys()], ["v_keep"]);
  assert.equal(metadata.tables.get("keep")!.columns.map((c) => c.name), ["id", "note"]);
  const parents = { tableName: "keep", schemaQualifiedTableName: "keep" };
  assert.equal(calls, [
    ["keep", "table", {}],
    ["skip", "table", {}],
    ["v_keep", "view", {}],
    ["v_skip", "view", {}],
    ["id", "column", parents],
    ["secret", "column", parents],
    ["note", "column", parents],
    ["ix_keep", "index", parents],
    [undefined, "uniqueConstraint", parents],
    [undefined, "checkConstraint", parents],
  ]);
});

test("the version table is never reflected, by default name or a configured one, in any case", async () => {
  const sql = `CREATE TABLE strata_version (version_num TEXT PRIMARY KEY);
    CREATE TABLE "My_Versions" (v TEXT);
    CREATE TABLE app (id INTEGER PRIMARY KEY AUTOINCREMENT);`;
  const byDefault = await reflectSql(sql);
  assert.equal([...byDefault.metadata.tables.keys()], ["My_Versions", "app"]);
  const configured = await reflectSql(sql, { versionTable: "my_versions" });
  assert.equal([...configured.metadata.tables.keys()], ["app", "strata_version"]);
});

test("SQLite's own tables and the shadow tables of a virtual table are not reflected; the virtual table is, by its USING clause", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE app (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT);
    INSERT INTO app (body) VALUES ('x');
    CREATE VIRTUAL TABLE search USING fts5(body);
    ANALYZE;
  `);
  assert.equal([...metadata.tables.keys()], ["app", "search"]);
  assert.equal(metadata.tables.get("search")!.options, { virtual: "fts5(body)" });
  assert.equal(metadata.tables.get("search")!.columns, []);
});

function tables(count: number): string {
  const ddl = [];
  for (let i = 0; i < count; i++) {
    const ref = i > 0 ? `, prev_id INTEGER REFERENCES t${i - 1} (id) ON DELETE CASCADE` : "";
    ddl.push(`CREATE TABLE t${i} (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE CHECK (name <> '')${ref});`);
    ddl.push(`CREATE INDEX ix_t${i} ON t${i} (name DESC);`);
  }
  ddl.push("CREATE VIEW v AS SELECT * FROM t0;");
  return ddl.join("\n");
}

test("the number of queries is the same for 1 table and for 50", async () => {
  const one = await reflectSql(tables(1));
  const fifty = await reflectSql(tables(50));
  assert.is(one.metadata.tables.size, 1);
  assert.is(fifty.metadata.tables.size, 50);
  assert.is(fifty.metadata.tables.get("t49")!.foreignKeys.length, 1);
  assert.is(one.queries, 4);
  assert.is(fifty.queries, one.queries);
});

test("filtering every table out still costs the same few queries", async () => {
  const none = await reflectSql(tables(20), { includeName: (_name, type) => type !== "table" });
  assert.is(none.metadata.tables.size, 0);
  assert.is(none.queries, 4);
});

test.run();
