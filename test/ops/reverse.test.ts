import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, CompositeType, Domain, Extension, scalarType, Sequence, View } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";
import { ck, fk, ix, nameColumn, pk, roleEnum, policy, routine, seq, trigger, uq, userTable, view, withDefault } from "./fixtures.js";

const posint = new Domain({ name: "posint", type: scalarType("integer"), nullable: false, checks: [new CheckConstraint({ name: "posint_check", expression: "VALUE > 0" })] });
const point = new CompositeType({ name: "point", schema: "geo", attributes: [new Column({ name: "x", type: scalarType("integer"), nullable: true })] });

// One instance of every op class, carrying the state its reverse needs.
const reversible: Array<[string, ops.MigrateOperation]> = [
  ["CreateTableOp", new ops.CreateTableOp(userTable)],
  ["DropTableOp", new ops.DropTableOp("user", { table: userTable })],
  ["RenameTableOp", new ops.RenameTableOp("user", "person", { schema: "app" })],
  ["AddColumnOp", new ops.AddColumnOp("user", nameColumn)],
  ["DropColumnOp", new ops.DropColumnOp("user", "name", { column: nameColumn })],
  [
    "AlterColumnOp",
    new ops.AlterColumnOp("user", "name", {
      modifyType: { from: scalarType("varchar", [50]), to: scalarType("text") },
      modifyNullable: { from: true, to: false },
      modifyServerDefault: { from: undefined, to: withDefault },
      modifyComment: { from: "display name", to: undefined },
      modifyName: { from: "name", to: "full_name" },
      kw: { modify_identity: { from: undefined, to: "always" }, note: 1 },
    }),
  ],
  ["CreateIndexOp", new ops.CreateIndexOp("user", ix)],
  ["DropIndexOp", new ops.DropIndexOp("ix_name", { tableName: "user", index: ix })],
  ["CreatePrimaryKeyOp", new ops.CreatePrimaryKeyOp("user", pk)],
  ["CreateUniqueConstraintOp", new ops.CreateUniqueConstraintOp("user", uq)],
  ["CreateForeignKeyOp", new ops.CreateForeignKeyOp("user", fk)],
  ["CreateCheckConstraintOp", new ops.CreateCheckConstraintOp("user", ck)],
  ["DropConstraintOp", new ops.DropConstraintOp("uq_name", "user", { constraint: uq })],
  ["ValidateConstraintOp", new ops.ValidateConstraintOp("ck", "user", { schema: "app" })],
  ["AlgorithmOp", new ops.AlgorithmOp({ algorithm: "INSTANT" }, [new ops.AddColumnOp("user", nameColumn), new ops.CreateIndexOp("user", ix)])],
  ["CreateTableCommentOp", new ops.CreateTableCommentOp("user", "people", { existingComment: "persons" })],
  ["CreateTableCommentOp (new)", new ops.CreateTableCommentOp("user", "people")],
  ["ReorderEnumValuesOp", new ops.ReorderEnumValuesOp("mood", ["happy", "sad"], { schema: "app", existing: ["sad", "happy"] })],
  ["AlterTableOptionsOp", new ops.AlterTableOptionsOp("user", { strict: true, engine: null }, { existing: { strict: null, engine: "MyISAM" } })],
  ["DropTableCommentOp", new ops.DropTableCommentOp("user", { existingComment: "people" })],
  ["ExecuteSQLOp", new ops.ExecuteSQLOp("update t set a = 1", { reverseSql: "update t set a = 0" })],
  ["CreateSchemaOp", new ops.CreateSchemaOp("audit")],
  ["CreateSchemaCommentOp", new ops.CreateSchemaCommentOp("audit", "trail", { existingComment: "log" })],
  ["CreateSchemaCommentOp (new)", new ops.CreateSchemaCommentOp("audit", "trail")],
  ["DropSchemaCommentOp", new ops.DropSchemaCommentOp("audit", { existingComment: "trail" })],
  ["DropSchemaOp", new ops.DropSchemaOp("audit")],
  ["CreateEnumOp", new ops.CreateEnumOp(roleEnum)],
  ["DropEnumOp", new ops.DropEnumOp("role", { enum: roleEnum })],
  ["AddEnumValueOp", new ops.AddEnumValueOp("role", "guest", { after: "member" })],
  ["DropEnumValueOp", new ops.DropEnumValueOp("role", "guest", { after: "member" })],
  ["CreateSequenceOp", new ops.CreateSequenceOp(seq)],
  ["DropSequenceOp", new ops.DropSequenceOp("order_seq", { sequence: seq })],
  ["AlterSequenceOp", new ops.AlterSequenceOp(seq, new Sequence({ name: "order_seq", start: 100, increment: 10 }))],
  ["CreateDomainOp", new ops.CreateDomainOp(posint)],
  ["DropDomainOp", new ops.DropDomainOp("posint", { domain: posint })],
  ["AlterDomainOp", new ops.AlterDomainOp(posint, new Domain({ name: "posint", type: scalarType("integer"), nullable: true }))],
  ["CreateCompositeTypeOp", new ops.CreateCompositeTypeOp(point)],
  ["DropCompositeTypeOp", new ops.DropCompositeTypeOp("point", { schema: "geo", compositeType: point })],
  ["AlterCompositeTypeOp", new ops.AlterCompositeTypeOp(point, new CompositeType({ name: "point", schema: "geo", attributes: [nameColumn] }))],
  ["CreateExtensionOp", new ops.CreateExtensionOp(new Extension({ name: "citext", schema: "ext", version: "1.6" }))],
  ["DropExtensionOp", new ops.DropExtensionOp("citext", { extension: new Extension({ name: "citext" }) })],
  ["AlterExtensionOp", new ops.AlterExtensionOp(new Extension({ name: "citext", version: "1.5" }), new Extension({ name: "citext", schema: "ext", version: "1.6" }))],
  ["CreateViewOp", new ops.CreateViewOp(view)],
  ["DropViewOp", new ops.DropViewOp("active_users", { view })],
  ["ReplaceViewOp", new ops.ReplaceViewOp(new View({ name: "active_users", definition: "select 1" }), view)],
  ["CreateFunctionOp", new ops.CreateFunctionOp(routine)],
  ["DropFunctionOp", new ops.DropFunctionOp("add_one", { schema: "app", arguments: "x integer", routine })],
  ["ReplaceFunctionOp", new ops.ReplaceFunctionOp(routine.with({ body: "select x + 2" }), routine)],
  ["CreateTriggerOp", new ops.CreateTriggerOp(trigger)],
  ["DropTriggerOp", new ops.DropTriggerOp("user_touch", "user", { trigger })],
  ["ReplaceTriggerOp", new ops.ReplaceTriggerOp(trigger.with({ events: ["insert", "update"] }), trigger)],
  ["CreatePolicyOp", new ops.CreatePolicyOp(policy)],
  ["DropPolicyOp", new ops.DropPolicyOp("own_rows", "user", { policy })],
  ["AlterPolicyOp", new ops.AlterPolicyOp(policy.with({ roles: ["app_user", "admin"], check: undefined }), policy)],
  ["BatchAlterTableOp", new ops.BatchAlterTableOp("user", [new ops.AddColumnOp("user", nameColumn), new ops.CreateIndexOp("user", ix)])],
  ["ModifyTableOps", new ops.ModifyTableOps("user", [new ops.AddColumnOp("user", nameColumn), new ops.CreateIndexOp("user", ix)], { schema: "app" })],
  ["UpgradeOps", new ops.UpgradeOps([new ops.CreateTableOp(userTable)], { upgradeToken: "engine1_upgrades" })],
  ["DowngradeOps", new ops.DowngradeOps([new ops.DropTableOp("user", { table: userTable })])],
  [
    "MigrationScript",
    new ops.MigrationScript("abc", new ops.UpgradeOps([new ops.CreateTableOp(userTable)]), new ops.DowngradeOps([]), {
      message: "m",
      imports: ["x"],
      downRevision: "prev",
    }),
  ],
];

for (const [name, op] of reversible) {
  test(`${name}: reverse().reverse() equals the op`, () => {
    assert.equal(op.reverse().reverse(), op);
    assert.is.not(op.reverse().constructor, undefined);
  });
}

test("every exported op class is covered by the reverse test", () => {
  const covered = new Set(reversible.map(([, op]) => op.constructor));
  const classes = Object.values(ops).filter(
    (v): v is typeof ops.MigrateOperation =>
      typeof v === "function" && v.prototype instanceof ops.MigrateOperation && !Object.is(v, ops.OpContainer) && !Object.is(v, ops.CreateConstraintOp),
  );
  const missing = classes.filter((c) => !covered.has(c) && !Object.is(c, ops.BulkInsertOp)).map((c) => c.name);
  assert.equal(missing, []);
});

test("leaf ops are frozen; with() copies and keeps the class", () => {
  const op = new ops.AddColumnOp("user", nameColumn, { schema: "app" });
  assert.ok(Object.isFrozen(op));
  const moved = op.with({ tableName: "person" });
  assert.instance(moved, ops.AddColumnOp);
  assert.is(moved.tableName, "person");
  assert.is(op.tableName, "user");
  assert.ok(Object.isFrozen(moved));
  assert.equal(Object.keys(op.with({ schema: undefined })), ["tableName", "column"]);
});

const irreversible: Array<[ops.MigrateOperation, string]> = [
  [new ops.DropTableOp("user"), 'DropTableOp cannot be reversed: the dropped table "user" is not known'],
  [new ops.DropColumnOp("user", "name"), 'DropColumnOp cannot be reversed: the dropped column "user.name" is not known'],
  [new ops.DropIndexOp("ix_name"), 'DropIndexOp cannot be reversed: the dropped index "ix_name" and its table are not known'],
  [new ops.DropConstraintOp("uq", "user"), 'DropConstraintOp cannot be reversed: the dropped constraint "uq" is not known'],
  [new ops.DropTableCommentOp("user"), 'DropTableCommentOp cannot be reversed: the dropped comment of "user" is not known'],
  [new ops.DropSchemaCommentOp("audit"), 'DropSchemaCommentOp cannot be reversed: the dropped comment of schema "audit" is not known'],
  [new ops.ExecuteSQLOp("select 1"), "ExecuteSQLOp cannot be reversed: no reverseSql was given"],
  [new ops.BulkInsertOp("user", [{ id: 1 }]), "BulkInsertOp cannot be reversed: inserted rows cannot be told apart from the rest"],
  [new ops.DropEnumOp("role"), 'DropEnumOp cannot be reversed: the values of the dropped enum "role" are not known'],
  [new ops.DropSequenceOp("s"), 'DropSequenceOp cannot be reversed: the dropped sequence "s" is not known'],
  [new ops.DropDomainOp("posint"), 'DropDomainOp cannot be reversed: the dropped domain "posint" is not known'],
  [new ops.DropCompositeTypeOp("point"), 'DropCompositeTypeOp cannot be reversed: the dropped composite type "point" is not known'],
  [new ops.DropExtensionOp("citext"), 'DropExtensionOp cannot be reversed: the dropped extension "citext" is not known'],
  [new ops.DropViewOp("v"), 'DropViewOp cannot be reversed: the definition of the dropped view "v" is not known'],
  [new ops.ReplaceViewOp(view), 'ReplaceViewOp cannot be reversed: the old definition of view "active_users" is not known'],
  [
    new ops.AlterColumnOp("user", "name", { modifyType: { to: scalarType("text") } }),
    'AlterColumnOp cannot be reversed: the old type of "user.name" is not known',
  ],
];

for (const [op, message] of irreversible) {
  test(`${op.constructor.name} without its "before" state refuses to reverse`, () => {
    try {
      op.reverse();
      assert.unreachable("reverse() should throw");
    } catch (e) {
      assert.instance(e, ops.IrreversibleOperationError);
      assert.is((e as Error).message, message);
    }
  });
}

test("UpgradeOps.reverseInto: reverses in reverse order, ModifyTableOps reversed inside", () => {
  const up = new ops.UpgradeOps([
    new ops.CreateTableOp(userTable),
    new ops.ModifyTableOps("account", [new ops.AddColumnOp("account", nameColumn), new ops.CreateIndexOp("account", ix)]),
  ]);
  const down = up.reverseInto(new ops.DowngradeOps());
  assert.equal(down.ops, [
    new ops.ModifyTableOps("account", [
      new ops.DropIndexOp("ix_name", { tableName: "account", index: ix }),
      new ops.DropColumnOp("account", "name", { column: nameColumn }),
    ]),
    new ops.DropTableOp("user", { table: userTable }),
  ]);
  assert.is(down.downgradeToken, "downgrades");
  assert.is(up.reverse().downgradeToken, "downgrades");
  assert.is(new ops.UpgradeOps([], { upgradeToken: "engine1_upgrades" }).reverse().downgradeToken, "engine1_downgrades");
});

test("AlterColumnOp: a rename reverses back to the old name; existing* follow the change pairs", () => {
  const op = new ops.AlterColumnOp("user", "name", {
    modifyName: { from: "name", to: "full_name" },
    modifyNullable: { from: true, to: false },
    existingType: scalarType("varchar", [50]),
  });
  const back = op.reverse();
  assert.is(back.columnName, "full_name");
  assert.equal(back.modifyName, { from: "full_name", to: "name" });
  assert.is(back.existingNullable, false);
  assert.equal(back.existingType, scalarType("varchar", [50]));
  assert.is(op.existingNullable, true);
  assert.ok(op.hasChanges());
  assert.not.ok(new ops.AlterColumnOp("t", "c", { existingNullable: true, kw: { note: 1 } }).hasChanges());
  assert.ok(new ops.AlterColumnOp("t", "c", { kw: { modify_collation: { from: "C", to: "en_US" } } }).hasChanges());
});

test("MigrationScript: upgradeOps is the only list; several lists make it ambiguous", () => {
  const script = new ops.MigrationScript(
    "abc",
    [new ops.UpgradeOps([], { upgradeToken: "engine1_upgrades" }), new ops.UpgradeOps([], { upgradeToken: "engine2_upgrades" })],
    [new ops.DowngradeOps([], { downgradeToken: "engine1_downgrades" }), new ops.DowngradeOps([], { downgradeToken: "engine2_downgrades" })],
    { message: "migration message" },
  );
  assert.throws(() => script.upgradeOps, (e: unknown) => e instanceof ops.MultipleOpsListsError);
  assert.equal(script.upgradeOpsList.map((u) => u.upgradeToken), ["engine1_upgrades", "engine2_upgrades"]);
  script.upgradeOps = new ops.UpgradeOps([new ops.CreateTableOp(userTable)]);
  assert.is(script.upgradeOpsList.length, 1);
  assert.is(script.upgradeOps.ops.length, 1);
  script.downgradeOps = new ops.DowngradeOps();
  script.downgradeOps.ops.length = 0;
  assert.equal(script.downgradeOps.ops, []);
});

test.run();
