import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaults, scalarType } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";
import { ck, fk, ix, nameColumn, pk, roleEnum, uq, userTable } from "./fixtures.js";

test("tuples have the reference's kinds and shapes", () => {
  const up = new ops.UpgradeOps([
    new ops.CreateTableOp(userTable),
    new ops.DropTableOp("bar", { table: userTable.with({ name: "bar" }) }),
    new ops.ModifyTableOps("foo", [
      new ops.AddColumnOp("foo", nameColumn),
      new ops.AlterColumnOp("foo", "x", { existingType: scalarType("integer"), modifyNullable: { from: true, to: false } }),
      new ops.DropColumnOp("foo", "old_data", { column: nameColumn.with({ name: "old_data" }) }),
      new ops.CreateIndexOp("foo", ix),
      new ops.CreateForeignKeyOp("foo", fk),
      new ops.CreateUniqueConstraintOp("foo", uq),
      new ops.DropConstraintOp("org_fk", "foo", { constraint: fk }),
      new ops.CreateTableCommentOp("foo", "hello"),
    ]),
  ]);
  const got = up.asDiffs();
  const want = [
    ["add_table", userTable],
    ["remove_table", userTable.with({ name: "bar" })],
    ["add_column", undefined, "foo", nameColumn],
    [
      [
        "modify_nullable",
        undefined,
        "foo",
        "x",
        { existingType: scalarType("integer"), existingServerDefault: undefined, existingComment: undefined },
        true,
        false,
      ],
    ],
    ["remove_column", undefined, "foo", nameColumn.with({ name: "old_data" })],
    ["add_index", { name: "ix_name", elements: [{ kind: "column", name: "name" }], unique: false, table: "foo" }],
    [
      "add_fk",
      { kind: "foreignKey", name: "org_fk", columns: ["org_id"], target: { name: "organization" }, targetColumns: ["id"], onDelete: "cascade", table: "foo" },
    ],
    ["add_constraint", { kind: "unique", name: "uq_name", columns: ["name"], table: "foo" }],
    [
      "remove_fk",
      { kind: "foreignKey", name: "org_fk", columns: ["org_id"], target: { name: "organization" }, targetColumns: ["id"], onDelete: "cascade", table: "foo" },
    ],
    ["add_table_comment", { name: "foo", comment: "hello" }, undefined],
  ];
  assert.is(got.length, want.length);
  want.forEach((tuple, i) => assert.equal(got[i], tuple, String(tuple[0])));
});

test("an AlterColumnOp gives one modify_* tuple per change, each with the other existing values", () => {
  const op = new ops.AlterColumnOp("t", "c", {
    schema: "s",
    modifyType: { from: scalarType("varchar", [30]), to: scalarType("varchar", [40]) },
    modifyServerDefault: { from: defaults.literal("a"), to: undefined },
    modifyComment: { from: undefined, to: "note" },
    existingNullable: false,
    kw: { modify_identity: { from: undefined, to: "always" } },
  });
  const existing = { existingType: scalarType("varchar", [30]), existingNullable: false, existingServerDefault: defaults.literal("a"), existingComment: undefined };
  const without = (key: string) => Object.fromEntries(Object.entries(existing).filter(([k]) => k !== key));
  assert.equal(op.toDiffTuple(), [
    ["modify_type", "s", "t", "c", without("existingType"), scalarType("varchar", [30]), scalarType("varchar", [40])],
    ["modify_default", "s", "t", "c", without("existingServerDefault"), defaults.literal("a"), undefined],
    ["modify_comment", "s", "t", "c", without("existingComment"), undefined, "note"],
    ["modify_identity", "s", "t", "c", existing, undefined, "always"],
  ]);
});

test("strata's own tuple kinds", () => {
  assert.equal(new ops.RenameTableOp("a", "b").toDiffTuple(), ["rename_table", undefined, "a", "b"]);
  assert.equal(new ops.CreateSchemaOp("audit").toDiffTuple(), ["add_schema", "audit"]);
  assert.equal(new ops.DropSchemaOp("audit").toDiffTuple(), ["remove_schema", "audit"]);
  assert.equal(new ops.CreateEnumOp(roleEnum).toDiffTuple(), ["add_enum", roleEnum]);
  assert.equal(new ops.AddEnumValueOp("role", "guest").toDiffTuple(), ["add_enum_value", undefined, "role", "guest"]);
  assert.equal(new ops.CreatePrimaryKeyOp("t", pk).toDiffTuple(), ["add_constraint", { kind: "primaryKey", name: "pk_user", columns: ["id"], table: "t" }]);
  assert.equal(new ops.CreateCheckConstraintOp("t", ck, { schema: "s" }).toDiffTuple(), [
    "add_constraint",
    { kind: "check", name: "ck_id", expression: "id > 0", table: "t", schema: "s" },
  ]);
  assert.equal(new ops.DropConstraintOp("pk", "t", { type: "primarykey" }).toDiffTuple(), ["remove_constraint", { name: "pk", type: "primarykey", table: "t" }]);
});

test("diff tuples survive JSON: objects carry their name, table and schema", () => {
  const json = JSON.parse(JSON.stringify(new ops.CreateIndexOp("user", ix, { schema: "app" }).toDiffTuple()));
  assert.equal(json, ["add_index", { name: "ix_name", elements: [{ kind: "column", name: "name" }], unique: false, table: "user", schema: "app" }]);
});

test.run();
