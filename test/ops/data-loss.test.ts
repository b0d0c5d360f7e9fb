import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaults, scalarType, type SqlType } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";
import { nameColumn, roleEnum, seq, userTable, view } from "./fixtures.js";

test("drops that lose data say so; others stay quiet", () => {
  assert.is(new ops.DropTableOp("user", { schema: "app" }).dataLoss(), "drops table app.user and all its rows");
  assert.is(new ops.DropColumnOp("user", "name").dataLoss(), "drops column user.name and its data");
  assert.is(new ops.DropEnumValueOp("role", "guest").dataLoss(), 'drops value "guest" from enum role: rows holding it cannot keep it');
  assert.is(new ops.DropSequenceOp("order_seq").dataLoss(), "drops sequence order_seq and its current value");
  for (const op of [
    new ops.CreateTableOp(userTable),
    new ops.AddColumnOp("user", nameColumn),
    new ops.DropIndexOp("ix"),
    new ops.DropConstraintOp("uq", "user"),
    new ops.RenameTableOp("a", "b"),
    new ops.DropEnumOp("role", { enum: roleEnum }),
    new ops.DropSchemaOp("audit"),
    new ops.CreateSequenceOp(seq),
    new ops.DropViewOp("v", { view }),
    new ops.AlterColumnOp("user", "name", { modifyNullable: { from: false, to: true } }),
  ]) {
    assert.is(op.dataLoss(), undefined, op.constructor.name);
  }
});

const t = (name: string, ...args: number[]) => scalarType(name, args);
const typeCases: Array<[SqlType, SqlType, boolean]> = [
  [t("varchar", 30), t("varchar", 40), false],
  [t("varchar", 40), t("varchar", 30), true],
  [t("varchar", 40), t("text"), false],
  [t("text"), t("varchar", 40), true],
  [t("decimal", 10, 5), t("decimal", 10, 6), true],
  [t("decimal", 10, 5), t("decimal", 12, 5), false],
  [t("decimal", 10, 5), t("decimal", 10, 4), true],
  [t("integer"), t("bigint"), false],
  [t("bigint"), t("integer"), true],
  [t("smallint"), t("decimal", 5), false],
  [t("integer"), t("decimal", 5), true],
  [t("real"), t("double"), false],
  [t("double"), t("real"), true],
  [t("timestamp"), t("timestamptz"), false],
  [t("timestamptz"), t("timestamp"), true],
  [t("timestamp", 6), t("timestamp", 3), true],
  [t("text"), t("integer"), true],
  [scalarType("integer", [], { unsigned: true }), t("integer"), true],
];

for (const [from, to, loses] of typeCases) {
  test(`type change ${JSON.stringify(from)} → ${JSON.stringify(to)} ${loses ? "loses" : "keeps"} data`, () => {
    const op = new ops.AlterColumnOp("t", "c", { modifyType: { from, to } });
    assert.is(op.dataLoss() !== undefined, loses);
  });
}

test("the data-loss sentence for a narrowing type and a NOT NULL without default", () => {
  const op = new ops.AlterColumnOp("t", "c", {
    modifyType: { from: t("varchar", 40), to: t("varchar", 30) },
    modifyNullable: { from: true, to: false },
  });
  assert.is(
    op.dataLoss(),
    "alters column t.c: narrows or converts varchar(40) → varchar(30); existing values may be truncated or fail to convert; makes it NOT NULL without a default: existing NULLs make the change fail",
  );
  const withDefault = new ops.AlterColumnOp("t", "c", { modifyNullable: { from: true, to: false }, existingServerDefault: defaults.literal(0) });
  assert.is(withDefault.dataLoss(), undefined);
});

test("a batch reports the losses of its ops", () => {
  const batch = new ops.BatchAlterTableOp("user", [new ops.DropColumnOp("user", "a"), new ops.AddColumnOp("user", nameColumn), new ops.DropColumnOp("user", "b")]);
  assert.is(batch.dataLoss(), "drops column user.a and its data; drops column user.b and its data");
});

test("dataLosses looks inside a table's ModifyTableOps and keeps the order of the ops", () => {
  const upgrade = [
    new ops.DropTableOp("gone"),
    new ops.ModifyTableOps("user", [new ops.AddColumnOp("user", nameColumn), new ops.DropColumnOp("user", "a")]),
    new ops.AddColumnOp("user", nameColumn),
  ];
  assert.equal(ops.dataLosses(upgrade), ["drops table gone and all its rows", "drops column user.a and its data"]);
});

test.run();
