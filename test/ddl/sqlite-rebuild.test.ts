import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, Index, PrimaryKeyConstraint, scalarType, Table } from "../../src/model/index.js";
import { AlterColumnOp } from "../../src/ops/alter-column-op.js";
import { BatchAlterTableOp } from "../../src/ops/batch-alter-table-op.js";
import { AddColumnOp, DropColumnOp } from "../../src/ops/column-ops.js";
import { ExecuteSQLOp } from "../../src/ops/execute-sql-op.js";
import { CreateIndexOp } from "../../src/ops/index-ops.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { compileOffline, rawColumns, rawRows, rejects, withHarness } from "./ddl-support.js";
import { childTable, int, ODD_TABLE, parentTable } from "./fixtures.js";

const labelNotNull = new AlterColumnOp("parent", "label", {
  modifyNullable: { from: true, to: false },
  existingType: scalarType("varchar", [100]),
});

async function parentWithChildren(apply: (ops: never) => Promise<unknown>, run: (sql: string) => Promise<void>) {
  await apply([new CreateTableOp(parentTable()), new CreateTableOp(childTable())] as never);
  await run(
    "INSERT INTO parent (id, label) VALUES (1, 'a'), (2, 'b'); INSERT INTO child (id, parent_id) VALUES (10, 1), (11, 1), (12, 2)",
  );
}

test("a rebuild of a parent never deletes its ON DELETE CASCADE children", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await parentWithChildren(apply, db.run);
    const children = await rawRows(db, "child", "id");
    const parents = await rawRows(db, "parent", "id");
    await apply(labelNotNull);
    assert.equal(await rawRows(db, "child", "id"), children);
    assert.equal(await rawRows(db, "parent", "id"), parents);
    assert.is((await rawColumns(db, "parent"))[1].nullable, false);
    // The children still point at the rebuilt table, and its cascade still works.
    await db.run("PRAGMA foreign_keys = ON; DELETE FROM parent WHERE id = 1");
    assert.equal(await rawRows(db, "child", "id"), [{ id: 12, parent_id: 2 }]);
  });
});

test("with foreign keys left on, the rebuild refuses before changing anything", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await parentWithChildren(apply, db.run);
    const schema = await db.query("SELECT sql FROM sqlite_schema ORDER BY name");
    await rejects(
      apply(labelNotNull, { keepForeignKeys: true }),
      /rebuilding table "parent" with foreign keys enforced would run the ON DELETE actions of the tables that reference it; run the migration with PRAGMA foreign_keys = OFF \(set before BEGIN\): \[\{"referencing_table":"child"\}\]/,
    );
    assert.equal(await db.query("SELECT sql FROM sqlite_schema ORDER BY name"), schema);
    assert.is((await rawRows(db, "child", "id")).length, 3);
  });
});

test("a rebuild keeps indexes, triggers, views that name the table, and the AUTOINCREMENT counter", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    const table = new Table({
      name: "event",
      columns: [
        new Column({ name: "id", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }),
        new Column({ name: "kind", type: scalarType("text"), nullable: true }),
      ],
      primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
      indexes: [new Index({ name: "ix_kind", elements: [{ kind: "column", name: "kind" }] })],
    });
    await apply(new CreateTableOp(table));
    await db.run(`
      CREATE TABLE log (what TEXT);
      CREATE TRIGGER event_logged AFTER INSERT ON event BEGIN INSERT INTO log VALUES (new.kind); END;
      CREATE VIEW recent AS SELECT id, kind FROM event;
      INSERT INTO event (kind) VALUES ('a'), ('b'), ('c');
      DELETE FROM event WHERE id = 3;`);
    await apply(new AlterColumnOp("event", "kind", { modifyServerDefault: { from: undefined, to: defaults.literal("x") }, existingType: scalarType("text") }));
    const objects = await db.query<{ type: string; name: string }>("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    assert.equal(objects.map((o) => `${o.type}:${o.name}`), ["index:ix_kind", "table:event", "table:log", "trigger:event_logged", "view:recent"]);
    await db.run("INSERT INTO event DEFAULT VALUES");
    assert.equal(await db.query("SELECT id, kind FROM recent ORDER BY id"), [
      { id: 1, kind: "a" },
      { id: 2, kind: "b" },
      { id: 4, kind: "x" },
    ]);
    assert.equal((await db.query<{ what: string }>("SELECT what FROM log")).map((r) => r.what), ["a", "b", "c", "x"]);
  });
});

test("a type change whose affinity differs copies with CAST; rows are otherwise the same", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await apply(new CreateTableOp(parentTable()));
    await db.run("INSERT INTO parent (id, label) VALUES (1, '10'), (2, '007'), (3, NULL)");
    const statements = await apply(new AlterColumnOp("parent", "label", { modifyType: { from: scalarType("varchar", [100]), to: scalarType("integer") } }));
    assert.ok(statements.some((s) => s.sql === 'INSERT INTO "parent__strata_rebuild" ("id", "label") SELECT "id", CAST("label" AS INTEGER) FROM "parent"'));
    assert.equal(await db.query("SELECT id, label, typeof(label) AS t FROM parent ORDER BY id"), [
      { id: 1, label: 10, t: "integer" },
      { id: 2, label: 7, t: "integer" },
      { id: 3, label: null, t: "null" },
    ]);
  });
});

test("BatchAlterTableOp runs one rebuild for all its ops, and direct ops alone stay direct", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await apply(new CreateTableOp(parentTable()));
    await db.run("INSERT INTO parent (id, label) VALUES (1, 'a')");
    const batch = new BatchAlterTableOp("parent", [
      new AddColumnOp("parent", int("rank", false, { default: defaults.literal(3) })),
      new AlterColumnOp("parent", "label", { modifyName: { from: "label", to: "title" } }),
      labelNotNull.with({ columnName: "title" }),
      new CreateIndexOp("parent", new Index({ name: "ix_title", elements: [{ kind: "column", name: "title" }] })),
    ]);
    const statements = await apply(batch);
    assert.is(statements.filter((s) => s.sql.startsWith("CREATE TABLE")).length, 1);
    assert.equal((await rawColumns(db, "parent")).map((c) => [c.name, c.nullable]), [["id", false], ["title", false], ["rank", false]]);
    assert.equal(await rawRows(db, "parent", "id"), [{ id: 1, title: "a", rank: 3 }]);
    const direct = await apply(new BatchAlterTableOp("parent", [new AddColumnOp("parent", int("n", true)), new DropColumnOp("parent", "n")]));
    assert.equal(direct.map((s) => s.sql), ['ALTER TABLE "parent" ADD COLUMN "n" INTEGER', 'ALTER TABLE "parent" DROP COLUMN "n"']);
  });
});

test("DROP COLUMN of an indexed column rebuilds (SQLite refuses it directly) and drops the index with it", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    const table = parentTable().with({ indexes: [new Index({ name: "ix_label", elements: [{ kind: "column", name: "label" }] })] });
    await apply(new CreateTableOp(table));
    await db.run("INSERT INTO parent (id, label) VALUES (1, 'a')");
    await apply(new DropColumnOp("parent", "label"));
    assert.equal(await rawRows(db, "parent", "id"), [{ id: 1 }]);
    assert.equal(await db.query("SELECT name FROM sqlite_schema WHERE type = 'index'"), []);
  });
});

test("WITHOUT ROWID and STRICT survive a rebuild", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await db.run("CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, label TEXT) STRICT, WITHOUT ROWID");
    await apply(new AlterColumnOp("parent", "label", { modifyNullable: { from: true, to: false }, existingType: scalarType("text") }));
    const [row] = await db.query<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'parent'");
    // The model holds both options; DDL writes them in one order (SQLite takes either).
    assert.ok(row.sql.endsWith(") WITHOUT ROWID, STRICT"), row.sql);
  });
});

test("the SQLite migration boundary fails a migration that leaves orphans, and rolls it back", async () => {
  await withHarness("sqlite", async ({ db, apply, connection }) => {
    await parentWithChildren(apply, db.run);
    await rejects(
      apply(new ExecuteSQLOp("DELETE FROM parent WHERE id = 2")),
      /^the migration leaves rows that violate a foreign key \(SQLite migrations run with foreign keys off and check them all before COMMIT\): \[\{"table":"child","rowid":12,"parent":"parent","fkid":0\}\]$/,
    );
    assert.is((await rawRows(db, "parent", "id")).length, 2);
    assert.equal(await connection.query("SELECT foreign_keys FROM pragma_foreign_keys"), [{ foreign_keys: 1 }], "enforced again after ROLLBACK");
  });
});

test("a rebuild of a table with an awkward name, referenced by a child", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    await apply([new CreateTableOp(parentTable(ODD_TABLE)), new CreateTableOp(childTable(ODD_TABLE))]);
    const q = `"${ODD_TABLE.replaceAll('"', '""')}"`;
    await db.run(`INSERT INTO ${q} (id, label) VALUES (1, 'a'); INSERT INTO child (id, parent_id) VALUES (10, 1)`);
    const statements = await apply(labelNotNull.with({ tableName: ODD_TABLE }));
    assert.ok(statements.some((s) => s.sql === `PRAGMA foreign_key_check(${q})`));
    assert.equal(await rawRows(db, ODD_TABLE, "id"), [{ id: 1, label: "a" }]);
    assert.equal(await rawRows(db, "child", "id"), [{ id: 10, parent_id: 1 }]);
    assert.equal(await db.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"), [{ name: ODD_TABLE }, { name: "child" }]);
  });
});

test("a rebuild that breaks a view fails and rolls back", async () => {
  await withHarness("sqlite", async ({ db, apply }) => {
    const table = parentTable().with({ indexes: [new Index({ name: "ix_label", elements: [{ kind: "column", name: "label" }] })] });
    await apply(new CreateTableOp(table));
    await db.run("CREATE VIEW labels AS SELECT label FROM parent; INSERT INTO parent (id, label) VALUES (1, 'a')");
    await rejects(apply(new DropColumnOp("parent", "label")), /no such column: label/);
    assert.equal(await rawRows(db, "parent", "id"), [{ id: 1, label: "a" }]);
    assert.equal(await db.query("SELECT label FROM labels"), [{ label: "a" }]);
  });
});

test("offline, a rebuild says it needs the live database", async () => {
  await rejects(
    compileOffline("sqlite", labelNotNull),
    /^rebuilding SQLite table "parent" re-creates it from the live database, which this context cannot read$/,
  );
});

test.run();
