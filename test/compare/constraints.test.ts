import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, ForeignKeyConstraint, Index, MetaData, PrimaryKeyConstraint, scalarType, Table, UniqueConstraint } from "../../src/model/index.js";
import { diffs, schema, summary } from "./support.js";

const int = (name: string) => new Column({ name, type: scalarType("integer"), nullable: false });
const parent = new Table({ name: "p", columns: [int("id")], primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }) });
const table = (props: Partial<ConstructorParameters<typeof Table>[0]>) =>
  new MetaData({ tables: [parent, new Table({ name: "t", columns: [int("a"), int("b"), int("p_id")], ...props })] });
const shown = async (a: MetaData, b: MetaData, dialect = "postgresql") => (await diffs(a, b, dialect)).map(summary);

test("an unnamed model unique constraint matches the database's named one by columns", async () => {
  const db = table({ uniqueConstraints: [new UniqueConstraint({ name: "t_a_b_key", columns: ["a", "b"] })] });
  assert.equal(await shown(db, table({ uniqueConstraints: [new UniqueConstraint({ columns: ["a", "b"] })] })), []);
  assert.equal(await shown(db, table({ uniqueConstraints: [new UniqueConstraint({ columns: ["b", "a"] })] })), [
    "remove_constraint t.t_a_b_key",
    // Named as PostgreSQL would name it, so the downgrade can drop it.
    "add_constraint t.t_b_a_key",
  ]);
});

test("a named model unique constraint is compared by name", async () => {
  const db = table({ uniqueConstraints: [new UniqueConstraint({ name: "uq_old", columns: ["a"] })] });
  assert.equal(await shown(db, table({ uniqueConstraints: [new UniqueConstraint({ name: "uq_new", columns: ["a"] })] })), [
    "remove_constraint t.uq_old",
    "add_constraint t.uq_new",
  ]);
  assert.equal(await shown(db, table({ uniqueConstraints: [new UniqueConstraint({ name: "uq_old", columns: ["a", "b"] })] })), [
    "remove_constraint t.uq_old",
    "add_constraint t.uq_old",
  ]);
});

test("a unique constraint and a plain unique index on the same columns are the same thing", async () => {
  const asIndex = table({ indexes: [new Index({ name: "t_a_key", elements: [{ kind: "column", name: "a" }], unique: true })] });
  const asConstraint = table({ uniqueConstraints: [new UniqueConstraint({ columns: ["a"] })] });
  assert.equal(await shown(asIndex, asConstraint, "sqlite"), []);
  assert.equal(await shown(asConstraint, asIndex, "sqlite"), []);
});

test("indexes by name: any change of elements, uniqueness, predicate or method is a drop and a create", async () => {
  const ix = (props: Partial<ConstructorParameters<typeof Index>[0]>) =>
    table({ indexes: [new Index({ name: "ix", elements: [{ kind: "column", name: "a" }], ...props })] });
  assert.equal(await shown(ix({}), ix({ using: "btree" })), []);
  assert.equal(await shown(ix({ where: "a > 0" }), ix({ where: "(A > 0)" })), []);
  assert.equal(await shown(ix({ elements: [{ kind: "column", name: "a", order: "desc", nulls: "first" }] }), ix({ elements: [{ kind: "column", name: "a", order: "desc" }] })), []);
  for (const changed of [
    ix({ unique: true }),
    ix({ where: "a > 1" }),
    ix({ using: "hash" }),
    ix({ elements: [{ kind: "column", name: "b" }] }),
    ix({ elements: [{ kind: "column", name: "a", order: "desc" }] }),
    ix({ elements: [{ kind: "expression", sql: "lower(a)" }] }),
  ]) {
    assert.equal(await shown(ix({}), changed), ["remove_index t.ix", "add_index t.ix"]);
  }
  assert.equal(await shown(ix({}), table({})), ["remove_index t.ix"]);
});

test("foreign keys: matched by name or by columns and target; action changes are a drop and a create", async () => {
  const fk = (props: Partial<ConstructorParameters<typeof ForeignKeyConstraint>[0]> = {}) =>
    table({ foreignKeys: [new ForeignKeyConstraint({ columns: ["p_id"], target: { name: "p" }, targetColumns: ["id"], ...props })] });
  assert.equal(await shown(fk({ name: "t_p_id_fkey" }), fk()), []);
  assert.equal(await shown(fk({ name: "t_p_id_fkey", onDelete: "noAction" }), fk()), []);
  assert.equal(await shown(fk({ name: "fk" }), fk({ name: "fk", onDelete: "cascade" })), ["remove_fk t.fk", "add_fk t.fk"]);
  assert.equal(await shown(fk({ name: "fk" }), fk({ name: "fk", onUpdate: "setNull" })), ["remove_fk t.fk", "add_fk t.fk"]);
  assert.equal(await shown(fk({ name: "fk" }), fk({ name: "fk", deferrable: true })), ["remove_fk t.fk", "add_fk t.fk"]);
  // MySQL cannot defer a foreign key, so it is not compared there.
  assert.equal(await shown(fk({ name: "fk" }), fk({ name: "fk", deferrable: true }), "mysql"), []);
  assert.equal(await shown(table({}), fk({ name: "fk" })), ["add_fk t.fk"]);
  assert.equal(await shown(fk({ name: "fk" }), table({})), ["remove_fk t.fk"]);
});

test("check constraints: by name, or by normalized expression; the database's own casts and parentheses are no change", async () => {
  const ck = (expression: string, name?: string) => table({ checkConstraints: [new CheckConstraint({ name, expression })] });
  assert.equal(await shown(ck("((a >= (0)::integer) AND (b > a))", "ck"), ck("a >= 0 and b > a", "ck")), []);
  assert.equal(await shown(ck("(a >= 0)", "t_a_check"), ck("a>=0")), []);
  assert.equal(await shown(ck("a >= 0", "ck"), ck("a > 0", "ck")), ["remove_constraint t.ck", "add_constraint t.ck"]);
  assert.equal(await shown(ck("a >= 0", "t_a_check"), ck("a > 0")), ["remove_constraint t.t_a_check", "add_constraint t.t_a_check"]);
  assert.equal(await shown(ck("(a or b) and c", "ck"), ck("a or b and c", "ck")), ["remove_constraint t.ck", "add_constraint t.ck"]);
});

test("primary keys: compared by columns and their order, not by name", async () => {
  const pk = (columns: string[], name?: string) => table({ primaryKey: new PrimaryKeyConstraint({ name, columns }) });
  assert.equal(await shown(pk(["a"], "t_pkey"), pk(["a"])), []);
  assert.equal(await shown(pk(["a", "b"], "t_pkey"), pk(["b", "a"])), ["remove_constraint t.t_pkey", "add_constraint t.(unnamed)"]);
  assert.equal(await shown(table({}), pk(["a"])), ["add_constraint t.(unnamed)"]);
});

test("renamed columns and tables are seen through: constraints on them are not changes", async () => {
  const db = schema(`
    table author { id integer @id }
    table post {
      id     integer @id
      writer integer @references(author.id, name: "fk_writer")
      @@unique([writer, id], name: "uq_writer")
      @@index([writer], name: "ix_writer")
    }`);
  const target = schema(`
    table person { id integer @id  @@renamedFrom("author") }
    table post {
      id        integer @id
      author_id integer @references(person.id, name: "fk_writer") @renamedFrom("writer")
      @@unique([author_id, id], name: "uq_writer")
      @@index([author_id], name: "ix_writer")
    }`);
  assert.equal((await diffs(db, target)).map(summary), ["rename_table author person", "modify_name post.writer writer -> author_id"]);
});

test("table comments: set, changed and removed, with the existing comment for the reverse", async () => {
  const commented = (comment?: string) => new MetaData({ tables: [new Table({ name: "t", columns: [int("a")], comment })] });
  assert.equal(await diffs(commented(), commented("new")), [["add_table_comment", { name: "t", comment: "new" }, undefined]]);
  assert.equal(await diffs(commented("old"), commented("new")), [["add_table_comment", { name: "t", comment: "new" }, "old"]]);
  assert.equal(await diffs(commented("old"), commented()), [["remove_table_comment", { name: "t", comment: "old" }]]);
  assert.equal(await diffs(commented("old"), commented(), "sqlite"), []);
});

test.run();
