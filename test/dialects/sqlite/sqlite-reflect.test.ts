import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CheckConstraint,
  Column,
  defaults,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  scalarType,
  UniqueConstraint,
  View,
} from "../../../src/model/index.js";
import { reflectSql, reflectTable } from "./reflect-sql.js";

const integer = scalarType("integer");
const text = scalarType("text");

test("columns: declared types, nullability and every kind of default", async () => {
  const table = await reflectTable(
    `CREATE TABLE t (
      a INTEGER NOT NULL DEFAULT 0,
      b VARCHAR(255) DEFAULT 'it''s',
      c NVARCHAR(40) DEFAULT NULL,
      d DATETIME DEFAULT CURRENT_TIMESTAMP,
      e TIMESTAMP NOT NULL DEFAULT (datetime('now')),
      f BOOLEAN DEFAULT TRUE,
      g NUMERIC(10,2) DEFAULT -1.5,
      h TEXT DEFAULT (lower('X')),
      i BLOB,
      j,
      k DOUBLE PRECISION DEFAULT (1),
      l INTEGER UNSIGNED
    )`,
    "t",
  );
  assert.equal(table.columns, [
    new Column({ name: "a", type: integer, nullable: false, default: defaults.literal(0) }),
    new Column({ name: "b", type: scalarType("varchar", [255]), nullable: true, default: defaults.literal("it's") }),
    new Column({ name: "c", type: scalarType("nvarchar", [40]), nullable: true, default: defaults.literal(null) }),
    new Column({ name: "d", type: scalarType("datetime"), nullable: true, default: defaults.now() }),
    new Column({ name: "e", type: scalarType("timestamp"), nullable: false, default: defaults.now() }),
    new Column({ name: "f", type: scalarType("boolean"), nullable: true, default: defaults.literal(true) }),
    new Column({ name: "g", type: scalarType("decimal", [10, 2], { declared: "NUMERIC(10,2)" }), nullable: true, default: defaults.literal(-1.5) }),
    new Column({ name: "h", type: text, nullable: true, default: defaults.sql("lower('X')") }),
    new Column({ name: "i", type: scalarType("bytes"), nullable: true }),
    new Column({ name: "j", type: scalarType("any"), nullable: true }),
    new Column({ name: "k", type: scalarType("double", [], { declared: "DOUBLE PRECISION" }), nullable: true, default: defaults.literal(1) }),
    new Column({ name: "l", type: scalarType("integer", [], { unsigned: true }), nullable: true }),
  ]);
  assert.is(table.primaryKey, undefined);
});

test("AUTOINCREMENT is autoincrement() on the INTEGER PRIMARY KEY; keys are as nullable as declared; STRICT and WITHOUT ROWID are options", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
    CREATE TABLE plain (id INTEGER PRIMARY KEY, x TEXT);
    CREATE TABLE keyed (code TEXT PRIMARY KEY);
    CREATE TABLE int_key (id INT PRIMARY KEY);
    CREATE TABLE unsigned_key (id INTEGER UNSIGNED PRIMARY KEY);
    CREATE TABLE no_rowid (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
    CREATE TABLE strict_table (id INTEGER PRIMARY KEY NOT NULL) STRICT;
  `);
  // The rowid can never hold NULL, but the catalog keeps whether NOT NULL was declared: reflected as declared.
  assert.equal(metadata.tables.get("auto")!.columns[0], new Column({ name: "id", type: integer, nullable: true, default: defaults.autoincrement() }));
  assert.equal(metadata.tables.get("plain")!.columns[0], new Column({ name: "id", type: integer, nullable: true }));
  assert.equal(metadata.tables.get("strict_table")!.columns[0], new Column({ name: "id", type: integer, nullable: false }));
  assert.equal(metadata.tables.get("strict_table")!.options, { strict: true });
  assert.equal(metadata.tables.get("no_rowid")!.options, { withoutRowid: true });
  assert.equal(metadata.tables.get("plain")!.options, {});
  // SQLite lets a non-rowid primary key column hold NULL unless it says NOT NULL: reflected as it is.
  assert.equal(metadata.tables.get("keyed")!.columns[0], new Column({ name: "code", type: text, nullable: true }));
  assert.equal(metadata.tables.get("keyed")!.primaryKey, new PrimaryKeyConstraint({ columns: ["code"] }));
  // INT PRIMARY KEY is not the rowid: its declared type is kept, which says so.
  assert.equal(metadata.tables.get("int_key")!.columns[0], new Column({ name: "id", type: scalarType("integer", [], { declared: "INT" }), nullable: true }));
  assert.equal(
    metadata.tables.get("unsigned_key")!.columns[0],
    new Column({ name: "id", type: scalarType("integer", [], { unsigned: true }), nullable: true }),
  );
  // WITHOUT ROWID tables refuse NULL in every key column, and pragma_table_xinfo says so.
  assert.equal(metadata.tables.get("no_rowid")!.columns.map((c) => c.nullable), [false, false]);
});

test("generated columns, virtual and stored, and collations other than BINARY", async () => {
  const table = await reflectTable(
    `CREATE TABLE t (
      price REAL, qty INTEGER,
      total REAL GENERATED ALWAYS AS (price * qty) STORED,
      label TEXT AS (upper(name)) VIRTUAL,
      name TEXT COLLATE NOCASE,
      code TEXT COLLATE BINARY
    )`,
    "t",
  );
  assert.equal(table.columns.slice(2), [
    new Column({ name: "total", type: scalarType("real"), nullable: true, generated: { expression: "price * qty", stored: true } }),
    new Column({ name: "label", type: text, nullable: true, generated: { expression: "upper(name)", stored: false } }),
    new Column({ name: "name", type: text, nullable: true, collation: "NOCASE" }),
    new Column({ name: "code", type: text, nullable: true }),
  ]);
});

test("primary keys: composite and named, column-level and named, in key order", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE pair (b TEXT NOT NULL, a TEXT NOT NULL, CONSTRAINT pk_pair PRIMARY KEY (a, b));
    CREATE TABLE single (id INTEGER CONSTRAINT pk_single PRIMARY KEY);
  `);
  assert.equal(metadata.tables.get("pair")!.primaryKey, new PrimaryKeyConstraint({ name: "pk_pair", columns: ["a", "b"] }));
  assert.equal(metadata.tables.get("single")!.primaryKey, new PrimaryKeyConstraint({ name: "pk_single", columns: ["id"] }));
});

test("foreign keys: columns, targets, actions, deferrable, names, implicit target columns, declaration order", async () => {
  const table = await reflectTable(
    `CREATE TABLE Parent (id INTEGER PRIMARY KEY, code TEXT, UNIQUE (id, code));
     CREATE TABLE child (
       id INTEGER PRIMARY KEY,
       p1 INTEGER REFERENCES parent,
       p2 INTEGER CONSTRAINT fk_p2 REFERENCES Parent (ID) ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
       p3 INTEGER REFERENCES Parent (id) ON DELETE SET DEFAULT DEFERRABLE,
       c TEXT,
       CONSTRAINT fk_pair FOREIGN KEY (p1, c) REFERENCES Parent (id, code) ON DELETE RESTRICT ON UPDATE NO ACTION
     );`,
    "child",
  );
  assert.equal(table.foreignKeys, [
    new ForeignKeyConstraint({ columns: ["p1"], target: { name: "Parent" }, targetColumns: ["id"] }),
    new ForeignKeyConstraint({
      name: "fk_p2", columns: ["p2"], target: { name: "Parent" }, targetColumns: ["id"],
      onDelete: "cascade", onUpdate: "setNull", deferrable: true, initiallyDeferred: true,
    }),
    new ForeignKeyConstraint({ columns: ["p3"], target: { name: "Parent" }, targetColumns: ["id"], onDelete: "setDefault", deferrable: true }),
    new ForeignKeyConstraint({ name: "fk_pair", columns: ["p1", "c"], target: { name: "Parent" }, targetColumns: ["id", "code"], onDelete: "restrict" }),
  ]);
});

test("a foreign key to a missing table keeps its target as written", async () => {
  const table = await reflectTable("PRAGMA foreign_keys = OFF; CREATE TABLE c (x INTEGER REFERENCES ghost (id));", "c");
  assert.equal(table.foreignKeys, [new ForeignKeyConstraint({ columns: ["x"], target: { name: "ghost" }, targetColumns: ["id"] })]);
});

test("UNIQUE constraints are constraints (named when declared so); CREATE UNIQUE INDEX is an index", async () => {
  const table = await reflectTable(
    `CREATE TABLE t (
       a TEXT UNIQUE,
       b TEXT CONSTRAINT uq_b UNIQUE,
       c TEXT, d TEXT,
       CONSTRAINT uq_cd UNIQUE (c, d),
       UNIQUE (d, a)
     );
     CREATE UNIQUE INDEX ix_c ON t (c);`,
    "t",
  );
  assert.equal(table.uniqueConstraints, [
    new UniqueConstraint({ columns: ["a"] }),
    new UniqueConstraint({ name: "uq_b", columns: ["b"] }),
    new UniqueConstraint({ name: "uq_cd", columns: ["c", "d"] }),
    new UniqueConstraint({ columns: ["d", "a"] }),
  ]);
  assert.equal(table.indexes, [new Index({ name: "ix_c", elements: [{ kind: "column", name: "c" }], unique: true })]);
});

test("check constraints: named and unnamed, column- and table-level, in declaration order", async () => {
  const table = await reflectTable(
    `CREATE TABLE t (
       a INTEGER CHECK (a > 0),
       b INTEGER CONSTRAINT ck_b CHECK (b IN (1, 2, (3))),
       CHECK (a < b),
       CONSTRAINT "ck a,b" CHECK (a <> b)
     )`,
    "t",
  );
  assert.equal(table.checkConstraints, [
    new CheckConstraint({ expression: "a > 0" }),
    new CheckConstraint({ name: "ck_b", expression: "b IN (1, 2, (3))" }),
    new CheckConstraint({ expression: "a < b" }),
    new CheckConstraint({ name: "ck a,b", expression: "a <> b" }),
  ]);
});

test("indexes: multi-column, descending, partial, expressions and per-index collations", async () => {
  const table = await reflectTable(
    `CREATE TABLE t (a TEXT, b INTEGER, c TEXT COLLATE NOCASE, deleted_at DATETIME);
     CREATE INDEX ix_ab ON t (a, b DESC);
     CREATE UNIQUE INDEX ix_live ON t (a) WHERE deleted_at IS NULL;
     CREATE INDEX ix_expr ON t (lower(a) DESC, b + 1);
     CREATE INDEX ix_coll ON t (a COLLATE NOCASE, c);`,
    "t",
  );
  assert.equal(table.indexes, [
    new Index({ name: "ix_ab", elements: [{ kind: "column", name: "a" }, { kind: "column", name: "b", order: "desc" }] }),
    new Index({ name: "ix_coll", elements: [{ kind: "expression", sql: "a COLLATE NOCASE" }, { kind: "column", name: "c" }] }),
    new Index({ name: "ix_expr", elements: [{ kind: "expression", sql: "lower(a) DESC" }, { kind: "expression", sql: "b + 1" }] }),
    new Index({ name: "ix_live", elements: [{ kind: "column", name: "a" }], unique: true, where: "deleted_at IS NULL" }),
  ]);
});

test("views: the definition is the SELECT after AS", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE t (a INTEGER);
    CREATE VIEW "Big A" (x) AS
      SELECT a FROM t WHERE a > 10;
  `);
  assert.equal([...metadata.views.values()], [new View({ name: "Big A", definition: "SELECT a FROM t WHERE a > 10" })]);
});

test("names with spaces, mixed case, quotes and reserved words survive", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE "Order ""Items""" ([Select] INTEGER PRIMARY KEY, "Mixed Case" TEXT, \`from\` TEXT UNIQUE);
    CREATE INDEX "ix ""odd""" ON "Order ""Items""" ("Mixed Case");
    CREATE TABLE "table" ("group" INTEGER REFERENCES "Order ""Items""" ("Select"));
  `);
  assert.equal([...metadata.tables.keys()], ['Order "Items"', "table"]);
  const items = metadata.tables.get('Order "Items"')!;
  assert.equal(items.columns.map((c) => c.name), ["Select", "Mixed Case", "from"]);
  assert.equal(items.primaryKey, new PrimaryKeyConstraint({ columns: ["Select"] }));
  assert.equal(items.uniqueConstraints, [new UniqueConstraint({ columns: ["from"] })]);
  assert.equal(items.indexes, [new Index({ name: 'ix "odd"', elements: [{ kind: "column", name: "Mixed Case" }] })]);
  assert.equal(metadata.tables.get("table")!.foreignKeys, [
    new ForeignKeyConstraint({ columns: ["group"], target: { name: 'Order "Items"' }, targetColumns: ["Select"] }),
  ]);
});

test("an empty database reflects as an empty sqlite model", async () => {
  const { metadata } = await reflectSql("");
  assert.is(metadata.dialect, "sqlite");
  assert.is(metadata.tables.size, 0);
  assert.is(metadata.views.size, 0);
});

test.run();
