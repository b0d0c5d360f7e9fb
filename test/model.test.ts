import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, ForeignKeyConstraint, MetaData, scalarType, Table } from "../src/model/index.js";

const id = new Column({ name: "id", type: scalarType("integer"), nullable: false });

function table(name: string, refs: string[] = []): Table {
  return new Table({
    name,
    columns: [id],
    foreignKeys: refs.map(
      (target) => new ForeignKeyConstraint({ columns: ["id"], target: { name: target }, targetColumns: ["id"] }),
    ),
  });
}

test("sortedTables puts referenced tables first, ties in key order", () => {
  const md = new MetaData({ tables: [table("c", ["b"]), table("b", ["a"]), table("a"), table("z")] });
  assert.equal(
    md.sortedTables.map((t) => t.key),
    ["a", "b", "c", "z"],
  );
});

test("sortedTables survives a foreign-key cycle", () => {
  const md = new MetaData({ tables: [table("a", ["b"]), table("b", ["a"])] });
  assert.equal(md.sortedTables.map((t) => t.key), ["b", "a"]);
});

test("model objects are frozen but info bags are not", () => {
  const t = table("a");
  assert.ok(Object.isFrozen(t));
  assert.ok(Object.isFrozen(t.columns));
  t.info.plugin = 1;
  assert.is(t.info.plugin, 1);
});

test("copies made with with() carry a copy of the info bag", () => {
  const column = new Column({ name: "x", type: scalarType("integer"), nullable: false, info: { onUpdate: "now" } });
  const renamed = column.with({ name: "y" });
  assert.equal(renamed.info, { onUpdate: "now" });
  renamed.info.onUpdate = "changed";
  assert.is(column.info.onUpdate, "now", "the copy's bag is its own");
  const t = table("a");
  t.info.plugin = 1;
  assert.equal(t.with({ comment: "c" }).info, { plugin: 1 });
  assert.equal(new Column({ name: "z", type: scalarType("integer"), nullable: true }).info, {}, "an object built without one gets an empty bag");
});

test("schema-qualified tables are keyed schema.name", () => {
  const t = new Table({ name: "event", schema: "audit", columns: [id] });
  const md = new MetaData({ tables: [t] });
  assert.is(md.tables.get("audit.event"), t);
});

test.run();
