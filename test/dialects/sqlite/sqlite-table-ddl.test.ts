import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseCreateTable } from "../../../src/dialects/sqlite/sqlite-table-ddl.js";
import { parseCreateIndex } from "../../../src/dialects/sqlite/sqlite-index-ddl.js";
import { viewDefinition } from "../../../src/dialects/sqlite/sqlite-view-ddl.js";
import { tokenizeSql } from "../../../src/dialects/sqlite/sqlite-sql-tokens.js";

test("tokens: the three identifier quotings, strings, blobs and comments", () => {
  const tokens = tokenizeSql(`"a ""b""" [c d] \`e\`\`f\` 'g''h' x'00ff' -- note\n /* block ( */ 1.5e3 ,`);
  assert.equal(
    tokens.map((t) => [t.kind, t.value]),
    [["quoted", 'a "b"'], ["quoted", "c d"], ["quoted", "e`f"], ["string", "g'h"], ["blob", "x'00ff'"], ["number", "1.5e3"], ["punct", ","]],
  );
});

test("column constraints: AUTOINCREMENT, COLLATE, generated columns, named checks, references", () => {
  const ddl = parseCreateTable(`CREATE TABLE t (
    id INTEGER CONSTRAINT pk_t PRIMARY KEY ASC ON CONFLICT FAIL AUTOINCREMENT NOT NULL,
    name TEXT COLLATE NOCASE DEFAULT 'x, y' CHECK (length(name) > (1)),
    qty INT DEFAULT -1 CONSTRAINT ck_qty CHECK (qty >= -1),
    total REAL GENERATED ALWAYS AS (qty * (2 + 1)) STORED,
    half AS (qty / 2),
    parent_id INTEGER CONSTRAINT fk_parent REFERENCES "Parent" (id) ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED NOT NULL,
    other INTEGER REFERENCES other NOT DEFERRABLE UNIQUE
  )`);
  assert.equal([...ddl.columns.values()], [
    { name: "id", autoincrement: true },
    { name: "name", autoincrement: false, collation: "NOCASE" },
    { name: "qty", autoincrement: false },
    { name: "total", autoincrement: false, generated: { expression: "qty * (2 + 1)", stored: true } },
    { name: "half", autoincrement: false, generated: { expression: "qty / 2", stored: false } },
    { name: "parent_id", autoincrement: false },
    { name: "other", autoincrement: false },
  ]);
  assert.is(ddl.primaryKeyName, "pk_t");
  assert.equal(ddl.checks, [{ expression: "length(name) > (1)" }, { name: "ck_qty", expression: "qty >= -1" }]);
  assert.equal(ddl.foreignKeys, [
    { name: "fk_parent", columns: ["parent_id"], target: "Parent", deferrable: true, initiallyDeferred: true },
    { columns: ["other"], target: "other", deferrable: false, initiallyDeferred: false },
  ]);
  assert.equal(ddl.uniques, [{ columns: ["other"] }]);
});

test("table constraints, with or without commas between them, quoted every way", () => {
  const ddl = parseCreateTable(`CREATE TABLE IF NOT EXISTS main."t" (
    [a b] TEXT, "c""d" TEXT, \`e\` INTEGER,
    CONSTRAINT "my pk" PRIMARY KEY ([a b], "c""d") ON CONFLICT ROLLBACK,
    CONSTRAINT uq_e UNIQUE (\`e\` COLLATE NOCASE DESC) CHECK (e <> 0)
    CONSTRAINT fk_e FOREIGN KEY (e, [a b]) REFERENCES other (x, y) ON DELETE CASCADE MATCH SIMPLE DEFERRABLE INITIALLY IMMEDIATE,
    UNIQUE ("c""d", e)
  )`);
  assert.is(ddl.primaryKeyName, "my pk");
  assert.equal(ddl.uniques, [{ name: "uq_e", columns: ["e"] }, { columns: ['c"d', "e"] }]);
  assert.equal(ddl.checks, [{ expression: "e <> 0" }]);
  assert.equal(ddl.foreignKeys, [{ name: "fk_e", columns: ["e", "a b"], target: "other", deferrable: true, initiallyDeferred: false }]);
  assert.equal([...ddl.columns.keys()], ["a b", 'c"d', "e"]);
});

test("comments and odd spacing in real-world DDL (MediaWiki's /*_*/ prefix, Northwind's [x]TEXT)", () => {
  const ddl = parseCreateTable(`CREATE TABLE /*_*/site_identifiers ( -- the sites
    si_type BLOB NOT NULL, /* a ( comment */
    [CustomerID]TEXT NOT NULL,
    PRIMARY KEY(si_type)
  )`);
  assert.equal([...ddl.columns.keys()], ["si_type", "customerid"]);
  assert.is(ddl.primaryKeyName, undefined);
});

test("a name given to NOT NULL does not name the next constraint", () => {
  const ddl = parseCreateTable("CREATE TABLE t (a INTEGER CONSTRAINT nn NOT NULL UNIQUE CONSTRAINT ck CHECK (a > 0))");
  assert.equal(ddl.uniques, [{ columns: ["a"] }]);
  assert.equal(ddl.checks, [{ name: "ck", expression: "a > 0" }]);
});

test("table options: WITHOUT ROWID, alone or with STRICT", () => {
  assert.is(parseCreateTable("CREATE TABLE t (a TEXT PRIMARY KEY) STRICT, WITHOUT ROWID").withoutRowid, true);
  assert.is(parseCreateTable("CREATE TABLE t (a TEXT PRIMARY KEY) STRICT").withoutRowid, false);
  assert.is(parseCreateTable("CREATE TABLE t (a TEXT PRIMARY KEY)").withoutRowid, false);
});

test("CREATE TABLE ... AS SELECT has nothing to read", () => {
  const ddl = parseCreateTable("CREATE TABLE copy AS SELECT * FROM t");
  assert.equal([...ddl.columns.keys()], []);
});

test("CREATE INDEX: columns, expressions with DESC kept, ASC dropped, partial WHERE", () => {
  assert.equal(
    parseCreateIndex(`CREATE UNIQUE INDEX IF NOT EXISTS "ix" ON /*_*/"t" ([a] ASC, lower("b") DESC, c COLLATE NOCASE) WHERE a > 0 AND (b IS NOT NULL)`),
    {
      elements: [{ text: "[a]", column: "a" }, { text: 'lower("b") DESC' }, { text: "c COLLATE NOCASE" }],
      where: "a > 0 AND (b IS NOT NULL)",
    },
  );
});

test("view definitions: the SELECT after AS, with a column list skipped", () => {
  assert.is(viewDefinition('CREATE VIEW "v" (a, b) AS\n  SELECT 1, 2'), "SELECT 1, 2");
  assert.is(viewDefinition("CREATE TEMP VIEW IF NOT EXISTS main.v AS select x from t where y = 'as'"), "select x from t where y = 'as'");
});

test.run();
