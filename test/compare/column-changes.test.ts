import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, Enum, enumType, MetaData, scalarType, Table, type SqlType } from "../../src/model/index.js";
import { diffs, summary } from "./support.js";

const t = (name: string, ...args: number[]) => scalarType(name, args);
const model = (type: SqlType, extra: Partial<ConstructorParameters<typeof Column>[0]> = {}, enums: Enum[] = []) =>
  new MetaData({ tables: [new Table({ name: "t", columns: [new Column({ name: "c", type, nullable: true, ...extra })] })], enums });

const typeCases: Array<[SqlType, SqlType, boolean]> = [
  [t("varchar", 30), t("varchar", 40), true],
  [t("varchar", 30), t("varchar", 30), false],
  [t("decimal", 10, 5), t("decimal", 10, 6), true],
  [t("decimal", 10, 5), t("decimal", 10, 5), false],
  [t("bigint"), t("integer"), true],
  [t("integer"), t("integer"), false],
  [t("text"), t("varchar", 10), true],
  [t("timestamp"), t("timestamptz"), true],
  [t("timestamp", 3), t("timestamp", 6), true],
  [scalarType("integer", [], { unsigned: true }), t("integer"), true],
  [scalarType("text", [], { arrayDims: 1 }), t("text"), true],
  [enumType("role"), enumType("role"), false],
  [enumType("role"), enumType("role", "audit"), true],
];

for (const [from, to, changes] of typeCases) {
  test(`type ${JSON.stringify(from)} → ${JSON.stringify(to)}: ${changes ? "one modify_type" : "no diff"}`, async () => {
    const expected = changes
      ? [[["modify_type", undefined, "t", "c", { existingNullable: true, existingServerDefault: undefined, existingComment: undefined }, from, to]]]
      : [];
    assert.equal(await diffs(model(from), model(to)), expected);
  });
}

test("compareType: false turns type comparison off; a function overrides it, undefined falls back", async () => {
  assert.equal(await diffs(model(t("varchar", 30)), model(t("varchar", 40)), "postgresql", { compareType: false }), []);
  const seen: unknown[] = [];
  const sameLength = await diffs(model(t("varchar", 30)), model(t("varchar", 40)), "postgresql", {
    compareType: (context, inspected, metadata, inspectedType, metadataType) => {
      seen.push([context.dialect.name, inspected.name, metadata.name, inspectedType, metadataType]);
      return inspectedType.name !== metadataType.name;
    },
  });
  assert.equal(sameLength, []);
  assert.equal(seen, [["postgresql", "c", "c", t("varchar", 30), t("varchar", 40)]]);
  const fallback = await diffs(model(t("integer")), model(t("bigint")), "postgresql", { compareType: () => undefined });
  assert.equal(fallback.map(summary), [`modify_type t.c ${JSON.stringify(t("integer"))} -> ${JSON.stringify(t("bigint"))}`]);
});

test("server defaults: every kind compared by value; SQL defaults after normalizing", async () => {
  const withDefault = (d: ReturnType<typeof defaults.now> | undefined) => model(t("text"), d ? { default: d } : {});
  assert.equal(await diffs(withDefault(defaults.sql("LOWER( 'a' )")), withDefault(defaults.sql("lower('a')"))), []);
  // A number on a text column is the string the database stores.
  assert.equal(await diffs(withDefault(defaults.literal("1")), withDefault(defaults.literal(1))), []);
  assert.equal(await diffs(withDefault(defaults.literal("1")), withDefault(defaults.literal(2))).then((d) => d.map(summary)), [
    'modify_default t.c {"kind":"literal","value":"1"} -> {"kind":"literal","value":"2"}',
  ]);
  assert.equal(await diffs(withDefault(undefined), withDefault(defaults.now())).then((d) => d.map(summary)), ['modify_default t.c none -> {"kind":"now"}']);
  assert.equal(await diffs(withDefault(defaults.now()), withDefault(defaults.now())), []);
});

test("compareServerDefault: false turns it off; a function gets the reference's arguments", async () => {
  const a = model(t("text"), { default: defaults.literal("a") });
  const b = model(t("text"), { default: defaults.literal("b") });
  assert.equal(await diffs(a, b, "postgresql", { compareServerDefault: false }), []);
  const seen: unknown[] = [];
  const result = await diffs(a, b, "postgresql", {
    compareServerDefault: (_context, inspected, metadata, inspectedDefault, metadataDefault, rendered) => {
      seen.push([inspected.name, metadata.name, inspectedDefault, metadataDefault, rendered]);
      return false;
    },
  });
  assert.equal(result, []);
  assert.equal(seen, [["c", "c", defaults.literal("a"), defaults.literal("b"), '"b"']]);
});

test("comments are compared where the dialect stores them, not on SQLite", async () => {
  const a = model(t("text"));
  const b = model(t("text"), { comment: "note" });
  assert.equal((await diffs(a, b, "postgresql")).map(summary), ["modify_comment t.c none -> note"]);
  assert.equal(await diffs(a, b, "sqlite"), []);
});

test("identity, generated expression and collation changes are kw changes of the AlterColumnOp", async () => {
  const base = model(t("integer"));
  assert.equal((await diffs(base, model(t("integer"), { identity: "always" }), "postgresql")).map(summary), ["modify_identity t.c none -> always"]);
  assert.equal(await diffs(base, model(t("integer"), { identity: "always" }), "sqlite"), []);
  assert.equal(
    (await diffs(model(t("integer"), { generated: { expression: "a + 1", stored: true } }), model(t("integer"), { generated: { expression: "(A+1)", stored: true } }), "postgresql")),
    [],
  );
  assert.equal((await diffs(base, model(t("integer"), { collation: "C" }), "postgresql")).map(summary), ["modify_collation t.c none -> C"]);
});

test("MySQL inline enums: equal when the value lists are, whatever reflection named them", async () => {
  const reflected = model(enumType("t_c"), {}, [new Enum({ name: "t_c", values: ["a", "b"] })]);
  const declared = model(enumType("Role"), {}, [new Enum({ name: "Role", values: ["a", "b"] })]);
  const extended = model(enumType("Role"), {}, [new Enum({ name: "Role", values: ["a", "b", "c"] })]);
  assert.equal(await diffs(reflected, declared, "mysql"), []);
  assert.equal((await diffs(reflected, extended, "mysql")).map(summary), [
    `modify_type t.c ${JSON.stringify(scalarType("enum", ["a", "b"]))} -> ${JSON.stringify(scalarType("enum", ["a", "b", "c"]))}`,
  ]);
  // PostgreSQL enums are named types: a different name is a different type.
  assert.equal((await diffs(reflected, declared, "postgresql")).length > 0, true);
});

for (const dialect of ["sqlite", "postgresql", "mysql"]) {
  test(`${dialect}: DEFAULT NULL and no default are the same, and a real default still differs from both`, async () => {
    const text = t("varchar", 10);
    assert.equal(await diffs(model(text, { default: defaults.literal(null) }), model(text), dialect), []);
    assert.equal(await diffs(model(text), model(text, { default: defaults.literal(null) }), dialect), []);
    const added = await diffs(model(text, { default: defaults.literal(null) }), model(text, { default: defaults.literal("x") }), dialect);
    assert.equal(added.length, 1);
    assert.equal((added[0] as readonly (readonly unknown[])[])[0][0], "modify_default");
  });
}

test.run();
