import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaults, ForeignKeyConstraint, Index, PrimaryKeyConstraint, scalarType, Table } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";
import { idColumn, nameColumn } from "./fixtures.js";

function recorder(): { operations: ops.Operations; seen: ops.MigrateOperation[] } {
  const seen: ops.MigrateOperation[] = [];
  return { operations: new ops.Operations(async (op) => void seen.push(op), { dialect: "postgresql" }), seen };
}

test("createTable sorts items into the table and takes a trailing options object", async () => {
  const { operations, seen } = recorder();
  await operations.createTable("user", idColumn, nameColumn, new PrimaryKeyConstraint({ columns: ["id"] }), { schema: "app", comment: "people" });
  assert.equal(seen, [
    new ops.CreateTableOp(
      new Table({ name: "user", schema: "app", comment: "people", columns: [idColumn, nameColumn], primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }) }),
    ),
  ]);
});

test("createTable refuses two primary keys and unknown items", async () => {
  const { operations } = recorder();
  const pk = new PrimaryKeyConstraint({ columns: ["id"] });
  try {
    await operations.createTable("t", idColumn, pk, pk);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ops.InvalidOperationArgumentError);
    assert.is((e as Error).message, 'createTable("t"): more than one primary key');
  }
});

test("createSchema and dropSchema build the schema ops, which reverse into each other", async () => {
  const { operations, seen } = recorder();
  await operations.createSchema("audit");
  await operations.dropSchema("audit");
  assert.equal(seen, [new ops.CreateSchemaOp("audit"), new ops.DropSchemaOp("audit")]);
  assert.equal(seen[0].reverse(), seen[1]);
  assert.equal(seen[1].reverse(), seen[0]);
});

test("each method builds the op the reference's call builds", async () => {
  const { operations, seen } = recorder();
  await operations.addColumn("user", nameColumn, { schema: "app" });
  await operations.dropColumn("user", "name", { existing: nameColumn });
  await operations.alterColumn("user", "name", { nullable: false, existingType: scalarType("varchar", [50]), serverDefault: defaults.literal("x") });
  await operations.createIndex("ix", "user", ["name", { kind: "expression", sql: "lower(name)" }], { unique: true, where: "id > 0" });
  await operations.dropIndex("ix", { table: "user" });
  await operations.createForeignKey("org_fk", "user", "organization", ["organization_id"], ["id"], { onDelete: "cascade", referentSchema: "org" });
  await operations.dropConstraint("org_fk", "user", { type: "foreignkey" });
  await operations.execute("select 1");
  assert.equal(seen, [
    new ops.AddColumnOp("user", nameColumn, { schema: "app" }),
    new ops.DropColumnOp("user", "name", { column: nameColumn }),
    new ops.AlterColumnOp("user", "name", {
      existingType: scalarType("varchar", [50]),
      modifyNullable: { from: true, to: false },
      modifyServerDefault: { from: undefined, to: defaults.literal("x") },
    }),
    new ops.CreateIndexOp(
      "user",
      new Index({ name: "ix", elements: [{ kind: "column", name: "name" }, { kind: "expression", sql: "lower(name)" }], unique: true, where: "id > 0" }),
    ),
    new ops.DropIndexOp("ix", { tableName: "user" }),
    new ops.CreateForeignKeyOp(
      "user",
      new ForeignKeyConstraint({ name: "org_fk", columns: ["organization_id"], target: { name: "organization", schema: "org" }, targetColumns: ["id"], onDelete: "cascade" }),
    ),
    new ops.DropConstraintOp("org_fk", "user", { type: "foreignkey" }),
    new ops.ExecuteSQLOp("select 1"),
  ]);
});

test("alterColumn takes defaults as migrations write them: plain values are literals, null removes the default", async () => {
  const { operations, seen } = recorder();
  await operations.alterColumn("t", "n", { serverDefault: 7 });
  await operations.alterColumn("t", "n", { serverDefault: null, existingServerDefault: "x" });
  await operations.alterColumn("t", "n", { serverDefault: defaults.literal(null), existingServerDefault: defaults.now() });
  assert.equal(seen, [
    new ops.AlterColumnOp("t", "n", { modifyServerDefault: { from: undefined, to: defaults.literal(7) } }),
    new ops.AlterColumnOp("t", "n", { modifyServerDefault: { from: defaults.literal("x"), to: undefined } }),
    new ops.AlterColumnOp("t", "n", { modifyServerDefault: { from: defaults.now(), to: defaults.literal(null) } }),
  ]);
});

test("batchAlterTable collects the batch's calls into one BatchAlterTableOp", async () => {
  const { operations, seen } = recorder();
  await operations.batchAlterTable("user", async (batch) => {
    await batch.addColumn(nameColumn);
    await batch.alterColumn("id", { newName: "user_id" });
  });
  assert.equal(seen, [
    new ops.BatchAlterTableOp("user", [
      new ops.AddColumnOp("user", nameColumn),
      new ops.AlterColumnOp("user", "id", { modifyName: { from: "id", to: "user_id" } }),
    ]),
  ]);
});

class CreateWidgetOp extends ops.MigrateOperation {
  constructor(readonly widget: string) {
    super();
    Object.freeze(this);
  }
  reverse(): ops.MigrateOperation {
    return new ops.ExecuteSQLOp(`drop widget ${this.widget}`, { reverseSql: `create widget ${this.widget}` });
  }
  toDiffTuple(): ops.DiffTuple {
    return ["add_widget", this.widget];
  }
}

test("registerOperation adds op.<name>(...) from an op class or a factory; twice is an error", async () => {
  ops.Operations.registerOperation("createWidget", CreateWidgetOp);
  ops.Operations.registerOperation("createTwoWidgets", (a: string) => new ops.BatchAlterTableOp(a, [new CreateWidgetOp(a)]));
  const { operations, seen } = recorder();
  const dynamic = operations as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
  await dynamic.createWidget("w");
  await dynamic.createTwoWidgets("v");
  assert.equal(seen, [new CreateWidgetOp("w"), new ops.BatchAlterTableOp("v", [new CreateWidgetOp("v")])]);
  assert.throws(() => ops.Operations.registerOperation("createWidget", CreateWidgetOp), /already has a method "createWidget"/);
  assert.throws(() => ops.Operations.registerOperation("addColumn", CreateWidgetOp), /already has a method "addColumn"/);
  ops.Operations.registerOperation("createWidget", CreateWidgetOp, { replace: true });
});

test("implementationFor: class chain, dialect before default, duplicates refused, missing is an error", () => {
  class SpecialWidgetOp extends CreateWidgetOp {}
  const generic = ops.Operations.implementationFor(CreateWidgetOp)(() => undefined);
  const pg = ops.Operations.implementationFor(CreateWidgetOp, { dialect: "postgresql" })(() => undefined);
  const { operations } = recorder();
  const sqliteOps = new ops.Operations(async () => {}, { dialect: "sqlite" });
  assert.is(operations.implementationOf(new SpecialWidgetOp("x")), pg);
  assert.is(sqliteOps.implementationOf(new SpecialWidgetOp("x")), generic);
  assert.throws(() => ops.Operations.implementationFor(CreateWidgetOp)(() => undefined), (e: unknown) => e instanceof ops.DuplicateHandlerError);
  const replaced = ops.Operations.implementationFor(CreateWidgetOp, { replace: true })(() => undefined);
  assert.is(sqliteOps.implementationOf(new CreateWidgetOp("x")), replaced);
  try {
    sqliteOps.implementationOf(new ops.RenameTableOp("a", "b"));
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ops.MissingHandlerError);
    assert.is((e as Error).message, "no implementation is registered for RenameTableOp (sqlite)");
  }
});

test("Dispatcher: unregister removes a handler", () => {
  const d = new ops.Dispatcher<string, number>("renderer");
  d.register("a", 1);
  assert.is(d.lookup("a", "mysql"), 1);
  assert.ok(d.unregister("a"));
  assert.is(d.find("a"), undefined);
});

test.run();
