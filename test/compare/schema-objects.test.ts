import { test } from "uvu";
import * as assert from "uvu/assert";
import { Enum, MetaData, Sequence, View } from "../../src/model/index.js";
import { AddEnumValueOp, DropEnumValueOp, ReorderEnumValuesOp } from "../../src/ops/index.js";
import { compare, diffs, summary } from "./support.js";

const enums = (...list: Enum[]) => new MetaData({ enums: list });
const role = (...values: string[]) => new Enum({ name: "role", values });

test("enums: created, dropped; on a dialect without named enums, nothing", async () => {
  assert.equal(await diffs(enums(), enums(role("a"))), [["add_enum", role("a")]]);
  assert.equal(await diffs(enums(role("a")), enums()), [["remove_enum", role("a")]]);
  assert.equal(await diffs(enums(), enums(role("a")), "mysql"), []);
  assert.equal(await diffs(enums(), enums(role("a")), "sqlite"), []);
});

test("enum values: added in place (after their predecessor), removed with data loss, reordered when they end up out of order", async () => {
  const up = await compare(enums(role("b", "d")), enums(role("a", "b", "c", "d", "e")));
  assert.equal(up.ops, [
    new AddEnumValueOp("role", "a", { before: "b" }),
    new AddEnumValueOp("role", "c", { after: "b" }),
    new AddEnumValueOp("role", "e", { after: "d" }),
  ]);
  const down = await compare(enums(role("a", "b", "c")), enums(role("a", "c")));
  assert.equal(down.ops, [new DropEnumValueOp("role", "b", { after: "a" })]);
  assert.is(down.ops[0].dataLoss(), 'drops value "b" from enum role: rows holding it cannot keep it');
  assert.equal(await diffs(enums(role("a", "b")), enums(role("b", "a"))), [["reorder_enum_values", undefined, "role", ["a", "b"], ["b", "a"]]]);
  // An added value out of place, and kept values swapped: the adds first, then one reorder from where they leave it.
  const mixed = await compare(enums(role("a", "b")), enums(role("b", "c", "a")));
  assert.equal(mixed.ops, [
    new AddEnumValueOp("role", "c", { after: "b" }),
    new ReorderEnumValuesOp("role", ["b", "c", "a"], { existing: ["a", "b", "c"] }),
  ]);
});

test("sequences: created, dropped, altered only in the options the model states", async () => {
  const seqs = (...list: Sequence[]) => new MetaData({ sequences: list });
  const reflected = new Sequence({ name: "s", start: 1, increment: 1, minValue: 1, maxValue: 9223372036854775807, cache: 1, cycle: false });
  assert.equal(await diffs(seqs(reflected), seqs(new Sequence({ name: "s" }))), []);
  const wanted = new Sequence({ name: "s", increment: 5 });
  // The database side as normalizeModel reads it: CREATE SEQUENCE's own options left out.
  assert.equal(await diffs(seqs(reflected), seqs(wanted)), [["modify_sequence", undefined, "s", new Sequence({ name: "s" }), wanted]]);
  assert.equal((await diffs(seqs(), seqs(wanted))).map(summary), ["add_sequence s"]);
  assert.equal((await diffs(seqs(reflected), seqs())).map(summary), ["remove_sequence s"]);
  assert.equal(await diffs(seqs(), seqs(wanted), "mysql"), []);
});

test("views: definitions compared after normalizing; materialized ↔ plain is a drop and a create", async () => {
  const views = (...list: View[]) => new MetaData({ views: list });
  const v = (definition: string, materialized = false) => new View({ name: "v", definition, materialized });
  assert.equal(await diffs(views(v("SELECT id\n  FROM t;")), views(v("select id from t"))), []);
  assert.equal(await diffs(views(v("select id from t")), views(v("select id, name from t"))), [
    ["modify_view", undefined, "v", v("select id from t"), v("select id, name from t")],
  ]);
  assert.equal((await diffs(views(v("select 1")), views(v("select 1", true)))).map(summary), ["remove_view v", "add_view v"]);
  assert.equal((await diffs(views(), views(v("select 1")))).map(summary), ["add_view v"]);
});

test("schemas: the default one and those the model names, unless includeSchemas says otherwise", async () => {
  const audit = new MetaData({ enums: [new Enum({ name: "level", schema: "audit", values: ["low"] })] });
  const reflectedAudit = new MetaData({ enums: [new Enum({ name: "level", schema: "other", values: ["low"] })] });
  assert.equal((await diffs(new MetaData(), audit)).map(summary), ["add_schema audit", "add_enum audit.level"]);
  assert.equal((await diffs(reflectedAudit, new MetaData())).map(summary), []);
  assert.equal(await diffs(new MetaData(), audit, "postgresql", { includeSchemas: false }), []);
  assert.equal((await diffs(new MetaData(), audit, "postgresql", { includeSchemas: true })).map(summary), ["add_schema audit", "add_enum audit.level"]);
  assert.equal((await diffs(new MetaData(), audit, "postgresql", { includeSchemas: ["audit"] })).map(summary), ["add_schema audit", "add_enum audit.level"]);
  assert.equal(await diffs(new MetaData(), audit, "postgresql", { includeSchemas: true, includeName: (name, type) => !(type === "schema" && name === "audit") }), []);
});

test.run();
