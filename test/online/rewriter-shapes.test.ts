import { test } from "uvu";
import * as assert from "uvu/assert";
import { MigrationContext } from "../../src/compare/index.js";
import { s } from "../../src/migration-api/index.js";
import { concurrentIndexes, notNullViaCheck } from "../../src/online/index.js";
import { AlterColumnOp, CreateIndexOp, CreateTableOp, DowngradeOps, ExecuteSQLOp, MigrationScript, UpgradeOps, ValidateConstraintOp, type MigrateOperation } from "../../src/ops/index.js";

/** The rewriters on scripts alone, for what the database tests cannot run here (PostgreSQL 18) and for the dialects they leave alone. */
const script = (ops: MigrateOperation[]) => {
  const up = new UpgradeOps(ops);
  return new MigrationScript("r1", up, up.reverse(), { message: "change" });
};
const setNotNull = new AlterColumnOp("orders", "note", { existingType: s.varchar(20), modifyNullable: { from: true, to: false } });

test("notNullViaCheck({ postgresql18: true }): the NOT NULL constraint itself, NOT VALID, validated by the next migration", async () => {
  const directives = [script([setNotNull])];
  await notNullViaCheck({ postgresql18: true }).processRevisionDirectives(MigrationContext.configure({ dialect: "postgresql" }), [], directives);
  assert.is(directives.length, 2);
  assert.equal(directives[0]!.upgradeOps.ops, [
    new ExecuteSQLOp('ALTER TABLE "orders" ADD CONSTRAINT "orders_note_not_null" NOT NULL "note" NOT VALID', {
      reverseSql: 'ALTER TABLE "orders" DROP CONSTRAINT "orders_note_not_null"',
    }),
  ]);
  assert.equal(directives[1]!.upgradeOps.ops, [new ValidateConstraintOp("orders_note_not_null", "orders")]);
  assert.is(directives[1]!.head, "r1");
});

test("the PostgreSQL rewriters leave SQLite's and MySQL's migrations as they are", async () => {
  for (const dialect of ["sqlite", "mysql"]) {
    const index = new CreateIndexOp("orders", s.index("ix_note", ["note"]));
    const directives = [script([index, setNotNull])];
    const context = MigrationContext.configure({ dialect });
    await concurrentIndexes().chain(notNullViaCheck()).processRevisionDirectives(context, [], directives);
    assert.is(directives.length, 1, dialect);
    assert.equal(directives[0]!.upgradeOps.ops, [index, setNotNull], dialect);
  }
});

test("concurrentIndexes: an index on a table the migration creates stays in it, without CONCURRENTLY", async () => {
  const table = new CreateTableOp(s.table("events", s.column("id", s.integer(), { nullable: false }), s.column("kind", s.text())));
  const index = new CreateIndexOp("events", s.index("ix_kind", ["kind"]));
  const directives = [script([table, index])];
  await concurrentIndexes().processRevisionDirectives(MigrationContext.configure({ dialect: "postgresql" }), [], directives);
  assert.is(directives.length, 1);
  assert.equal(directives[0]!.upgradeOps.ops, [table, index]);
  assert.equal(directives[0]!.downgradeOps, new DowngradeOps([index.reverse(), table.reverse()]));
});

test.run();
