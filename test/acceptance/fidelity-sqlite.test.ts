/**
 * SQLite tables come back as declared: type text verbatim (`INT PRIMARY KEY`
 * is not the rowid; `DECIMAL(4,2)` and `varchar(10)` as written), a boolean
 * default `1` stays `1`, the rowid without a declared NOT NULL, and
 * AUTOINCREMENT, STRICT and WITHOUT ROWID in the model and the language;
 * virtual tables (fts5) by their USING clause, without their shadow tables,
 * and a default's number as spelled (`1.0`).
 */
import { suite } from "uvu";
import { isAvailable } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: SQLite tables round-trip exactly");

const DECLARED = "price DECIMAL(4,2), name varchar(10), flag BOOLEAN DEFAULT 1, note";

const FTS = "fts5(body, content = 'doc', content_rowid = 'id')";
const FTS_PORTER = "fts5(body, content = 'doc', content_rowid = 'id', tokenize = 'porter')";

const cases = [
  fidelityCase({
    dialect: "sqlite",
    name: "an fts5 virtual table (its shadow tables are the module's) and a default 1.0; the module's arguments changed by an edit",
    sql: `CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT, score REAL NOT NULL DEFAULT 1.0);\nCREATE VIRTUAL TABLE doc_fts USING ${FTS};`,
    pulled: ["table doc_fts {", `@@virtual(sql("${FTS}"))`, 'score real @default(sql("1.0"))'],
    edit: [[`@@virtual(sql("${FTS}"))`, `@@virtual(sql("${FTS_PORTER}"))`]],
    upgrade: [`op.alterTableOptions("doc_fts", { virtual: "${FTS_PORTER}" }, { existing: { virtual: "${FTS}" } })`],
    editedSql: `CREATE TABLE doc (id INTEGER PRIMARY KEY, body TEXT, score REAL NOT NULL DEFAULT 1.0);\nCREATE VIRTUAL TABLE doc_fts USING ${FTS_PORTER};`,
  }),
  fidelityCase({
    dialect: "sqlite",
    name: "declared types verbatim, INT PRIMARY KEY kept apart from the rowid, a boolean default 1",
    sql: `CREATE TABLE t (id INT PRIMARY KEY, ${DECLARED});`,
    pulled: ['id "INT"? @id', 'price "DECIMAL(4,2)"?', 'name "varchar(10)"?', "flag boolean? @default(1)", "note any?"],
    edit: [['id "INT"? @id', "id integer? @id"]],
    upgrade: ['op.alterColumn("t", "id", { type: s.integer(), existingType: s.declared("INT", s.integer())'],
    editedSql: `CREATE TABLE t (id INTEGER PRIMARY KEY, ${DECLARED});`,
  }),
  fidelityCase({
    dialect: "sqlite",
    name: "the rowid without a declared NOT NULL, AUTOINCREMENT removed",
    sql: "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT NOT NULL);",
    pulled: ["id integer? @id @default(autoincrement())", "x text"],
    edit: [["id integer? @id @default(autoincrement())", "id integer? @id"]],
    upgrade: ['op.alterColumn("a", "id", { serverDefault: null, existingType: s.integer(), existingNullable: true, existingServerDefault: s.autoincrement() })'],
    editedSql: "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT NOT NULL);",
  }),
  fidelityCase({
    dialect: "sqlite",
    name: "STRICT and WITHOUT ROWID, and a table made STRICT",
    sql: "CREATE TABLE s (k TEXT PRIMARY KEY, v INTEGER) STRICT;\nCREATE TABLE w (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID;",
    pulled: ["@@strict", "@@withoutRowid"],
    edit: [["@@withoutRowid", "@@withoutRowid\n  @@strict"]],
    upgrade: ['op.alterTableOptions("w", { strict: true }, { existing: { strict: null } })'],
    editedSql: "CREATE TABLE s (k TEXT PRIMARY KEY, v INTEGER) STRICT;\nCREATE TABLE w (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID, STRICT;",
  }),
].filter(() => isAvailable("sqlite"));

testInLanes(test, cases);
test.run();
