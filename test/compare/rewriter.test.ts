import { test } from "uvu";
import * as assert from "uvu/assert";
import { Rewriter, runProcessRevisionDirectives, scriptFor } from "../../src/compare/index.js";
import { Column, Index, scalarType } from "../../src/model/index.js";
import {
  AddColumnOp,
  AlterColumnOp,
  CreateIndexOp,
  DropColumnOp,
  MigrationScript,
  ModifyTableOps,
  UpgradeOps,
  type MigrateOperation,
} from "../../src/ops/index.js";
import { offlineContext } from "./support.js";

const context = offlineContext();
const notNull = new Column({ name: "organization_id", type: scalarType("integer"), nullable: false });
const nullable = notNull.with({ nullable: true });

function script(): MigrationScript {
  const up = new UpgradeOps([new ModifyTableOps("user", [new AddColumnOp("user", notNull), new DropColumnOp("user", "old", { column: nullable.with({ name: "old" }) })])]);
  return scriptFor(up, context, "abc123");
}

test("the reference's example: a NOT NULL add becomes a nullable add plus an alter, in upgrade and downgrade", async () => {
  const writer = new Rewriter();
  writer.rewrites(AddColumnOp)((_context, _revision, op) => {
    if (op.column.nullable) return op;
    return [
      op.with({ column: op.column.with({ nullable: true }) }),
      new AlterColumnOp(op.tableName, op.column.name, { modifyNullable: { from: true, to: false }, existingType: op.column.type }),
    ];
  });
  const directives = [script()];
  await runProcessRevisionDirectives(writer, context, ["prev"], directives);
  const [s] = directives;
  assert.equal((s.upgradeOps.ops[0] as ModifyTableOps).ops, [
    new AddColumnOp("user", nullable),
    new AlterColumnOp("user", "organization_id", { modifyNullable: { from: true, to: false }, existingType: scalarType("integer") }),
    new DropColumnOp("user", "old", { column: nullable.with({ name: "old" }) }),
  ]);
  // The downgrade re-adds "old", which is nullable: the handler returns it unchanged.
  assert.equal((s.downgradeOps.ops[0] as ModifyTableOps).ops, [
    new AddColumnOp("user", nullable.with({ name: "old" })),
    new DropColumnOp("user", "organization_id", { column: notNull }),
  ]);
});

test("the reference's chain example: two rewriters run one after the other", async () => {
  const writer1 = new Rewriter();
  const writer2 = new Rewriter();
  writer1.rewrites(AddColumnOp, (_context, _revision, op) => op.with({ column: op.column.with({ nullable: true }) }));
  writer2.rewrites(AddColumnOp, (_context, _revision, op) => [
    op,
    new CreateIndexOp(op.tableName, new Index({ name: "ixc", elements: [{ kind: "column", name: op.column.name }] })),
  ]);
  const writer = writer1.chain(writer2);
  const directives = [script()];
  await writer.processRevisionDirectives(context, [], directives);
  assert.equal((directives[0].upgradeOps.ops[0] as ModifyTableOps).ops.slice(0, 2), [
    new AddColumnOp("user", nullable),
    new CreateIndexOp("user", new Index({ name: "ixc", elements: [{ kind: "column", name: "organization_id" }] })),
  ]);
});

test("a handler may return no op; handlers on ModifyTableOps and on a base class apply", async () => {
  const writer = new Rewriter();
  writer.rewrites(DropColumnOp, () => []);
  const seen: string[] = [];
  writer.rewrites(ModifyTableOps, (_c, _r, op) => {
    seen.push(op.tableName);
    return op;
  });
  const directives = [script()];
  await writer.processRevisionDirectives(context, [], directives);
  assert.equal((directives[0].upgradeOps.ops[0] as ModifyTableOps).ops, [new AddColumnOp("user", notNull)]);
  assert.equal(seen, ["user", "user"]);
  assert.throws(() => writer.rewrites(DropColumnOp, (_c, _r, op) => op), /already registered/);
});

test("processRevisionDirectives may edit the script in place or replace the list with zero or more scripts", async () => {
  const directives = [script()];
  await runProcessRevisionDirectives(
    (_context, _revision, list) => {
      list[0].head = "mybranch@head";
      list[0].downgradeOps.ops.length = 0;
    },
    context,
    [],
    directives,
  );
  assert.is(directives[0].head, "mybranch@head");
  assert.equal(directives[0].downgradeOps.ops, []);
  await runProcessRevisionDirectives((_c, _r, list) => void list.splice(0, list.length), context, [], directives);
  assert.equal(directives, []);
});

test("the downgrade built by scriptFor is the upgrade's reverse", () => {
  const s = script();
  const expected: MigrateOperation[] = [
    new ModifyTableOps("user", [new AddColumnOp("user", nullable.with({ name: "old" })), new DropColumnOp("user", "organization_id", { column: notNull })]),
  ];
  assert.equal(s.downgradeOps.ops, expected);
  assert.is(s.revId, "abc123");
});

test.run();
