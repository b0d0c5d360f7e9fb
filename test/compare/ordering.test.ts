import { test } from "uvu";
import * as assert from "uvu/assert";
import { MetaData } from "../../src/model/index.js";
import { CreateTableOp, DropTableOp, ModifyTableOps } from "../../src/ops/index.js";
import { compare, diffs, schema, summary } from "./support.js";

const shown = async (a: MetaData, b: MetaData) => (await diffs(a, b)).map(summary);
const empty = new MetaData({ database: { dialect: "postgresql" } });

test("new tables parents first, whatever their names", async () => {
  const target = schema(`
    table a_child { id integer @id  parent_id integer @references(z_parent.id) }
    table m_grandchild { id integer @id  child_id integer @references(a_child.id) }
    table z_parent { id integer @id }`);
  assert.equal(await shown(empty, target), ["add_table z_parent", "add_table a_child", "add_table m_grandchild"]);
  assert.equal((await compare(empty, target)).reverse().asDiffs().map(summary), [
    "remove_table m_grandchild",
    "remove_table a_child",
    "remove_table z_parent",
  ]);
});

test("a foreign-key cycle among new tables: the closing key is created after both tables", async () => {
  const target = schema(`
    table a { id integer @id  b_id integer? @references(b.id, name: "fk_a_b") }
    table b { id integer @id  a_id integer? @references(a.id, name: "fk_b_a") }`);
  const up = await compare(empty, target);
  assert.equal(up.asDiffs().map(summary), ["add_table b", "add_table a", "add_fk b.fk_b_a"]);
  const [b, a] = up.ops as CreateTableOp[];
  assert.equal(b.table.foreignKeys, [], "the key to the table not yet created is left out of CREATE TABLE b");
  assert.equal(a.table.foreignKeys.map((fk) => fk.name), ["fk_a_b"]);
  assert.equal(up.reverse().asDiffs().map(summary), ["remove_fk b.fk_b_a", "remove_table a", "remove_table b"]);
});

test("dropped tables children first; a cycle among them loses its closing key first", async () => {
  const database = schema(`
    table a { id integer @id  b_id integer? @references(b.id, name: "fk_a_b") }
    table b { id integer @id  a_id integer? @references(a.id, name: "fk_b_a") }
    table c { id integer @id  a_id integer @references(a.id) }`);
  const up = await compare(database, empty);
  assert.equal(up.asDiffs().map(summary), ["remove_fk b.fk_b_a", "remove_table c", "remove_table a", "remove_table b"]);
  const dropB = up.ops[up.ops.length - 1] as DropTableOp;
  assert.equal(dropB.table!.foreignKeys, [], "its reverse re-creates b without the key the downgrade adds back last");
  assert.equal(up.reverse().asDiffs().map(summary), ["add_table b", "add_table a", "add_table c", "add_fk b.fk_b_a"]);
});

test("a foreign key to a dropped table goes before the table", async () => {
  const database = schema(`
    table old { id integer @id }
    table keep { id integer @id  old_id integer @references(old.id, name: "fk_old") }`);
  const target = schema(`table keep { id integer @id  old_id integer }`);
  assert.equal(await shown(database, target), ["remove_fk keep.fk_old", "remove_table old"]);
});

test("types and sequences before the tables that use them, dropped after the last use", async () => {
  const withEnum = schema(`
    enum mood { happy sad }
    sequence counter {}
    table t { id integer @id  m mood  n integer @default(sql("nextval('counter')")) }`);
  assert.equal(await shown(empty, withEnum), ["add_enum mood", "add_sequence counter", "add_table t"]);
  assert.equal(await shown(withEnum, empty), ["remove_table t", "remove_enum mood", "remove_sequence counter"]);
});

test("views after their tables, dropped before anything changes", async () => {
  const before = schema(`
    table t { id integer @id  gone text? }
    view old_v = sql("select gone from t")`);
  const after = schema(`
    table t { id integer @id  fresh text? }
    table u { id integer @id }
    view new_v = sql("select fresh from t join u using (id)")`);
  assert.equal(await shown(before, after), ["remove_view old_v", "add_table u", "add_column t.fresh", "remove_column t.gone", "add_view new_v"]);
});

test("changes to existing tables: parents first; a key to a table changed later waits until after it", async () => {
  const database = schema(`
    table a { id integer @id }
    table b { id integer @id }`);
  const target = schema(`
    table a { id integer @id  code integer @unique(name: "uq_a_code")  b_code integer? @references(b.code, name: "fk_a_b") }
    table b { id integer @id  code integer @unique(name: "uq_b_code")  a_code integer? @references(a.code, name: "fk_b_a") }`);
  const up = await compare(database, target);
  // The cycle a ↔ b is broken as the model's sortedTables breaks it (b, then a): b's key to a waits.
  assert.equal(up.asDiffs().map(summary), [
    "add_column b.code",
    "add_column b.a_code",
    "add_constraint b.uq_b_code",
    "add_column a.code",
    "add_column a.b_code",
    "add_constraint a.uq_a_code",
    "add_fk a.fk_a_b",
    "add_fk b.fk_b_a",
  ]);
  assert.ok(up.ops.every((op) => op instanceof ModifyTableOps));
});

test.run();
