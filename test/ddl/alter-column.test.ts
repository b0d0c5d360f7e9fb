import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaults, scalarType } from "../../src/model/index.js";
import { AlterColumnOp } from "../../src/ops/alter-column-op.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { availableDialects } from "../support/databases.js";
import { rawColumns, rawRows, rejects, withHarness } from "./ddl-support.js";
import { parentTable } from "./fixtures.js";

const DIALECTS = availableDialects();

const varchar100 = scalarType("varchar", [100]);
const AFTER = {
  sqlite: { name: "Label Text", type: "TEXT", nullable: false, default: "'none'" },
  postgresql: { name: "Label Text", type: "text", nullable: false, default: "'none'::text" },
  mysql: { name: "Label Text", type: "text", nullable: false, default: "'none'" },
} as const;

for (const dialect of DIALECTS) {
  test(`${dialect}: type, nullability, default and name change together; rows are exactly kept`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id, label) VALUES (1, 'a'), (2, 'it''s'), (3, '')");
      const before = (await rawRows(db, "parent", "id")).map((r) => [r.id, r.label]);
      await apply(
        new AlterColumnOp("parent", "label", {
          modifyType: { from: varchar100, to: scalarType("text") },
          modifyNullable: { from: true, to: false },
          modifyServerDefault: { from: undefined, to: defaults.literal("none") },
          modifyName: { from: "label", to: "Label Text" },
        }),
      );
      assert.equal((await rawColumns(db, "parent"))[1], AFTER[dialect]);
      assert.equal((await rawRows(db, "parent", "id")).map((r) => [r.id, r["Label Text"]]), before);
      await db.run("INSERT INTO parent (id) VALUES (4)");
      assert.is((await rawRows(db, "parent", "id"))[3]["Label Text"], "none");
      await rejects(db.run(`INSERT INTO parent (id, ${dialect === "mysql" ? "`Label Text`" : '"Label Text"'}) VALUES (5, NULL)`));
    });
  });

  test(`${dialect}: the reverse op restores the column`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      const before = await rawColumns(db, "parent");
      const op = new AlterColumnOp("parent", "label", {
        modifyType: { from: varchar100, to: scalarType("varchar", [200]) },
        modifyServerDefault: { from: undefined, to: defaults.literal("x") },
        existingNullable: true,
      });
      await apply(op);
      await apply(op.reverse());
      assert.equal(await rawColumns(db, "parent"), before);
    });
  });

  test(`${dialect}: NOT NULL on a column holding NULLs fails and changes nothing`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id, label) VALUES (1, NULL)");
      const before = await rawColumns(db, "parent");
      await rejects(apply(new AlterColumnOp("parent", "label", { modifyNullable: { from: true, to: false }, existingType: varchar100 })));
      if (dialect !== "mysql") assert.equal(await rawColumns(db, "parent"), before);
      assert.equal(await rawRows(db, "parent", "id"), [{ id: 1, label: null }]);
    });
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: integer → text → integer converts through USING and keeps the values", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id, label) VALUES (1, '10'), (2, '-3')");
      await apply(new AlterColumnOp("parent", "label", { modifyServerDefault: { from: undefined, to: defaults.literal("1") }, existingType: varchar100 }));
      // The old text default cannot be cast: it goes before the type changes, the new one comes after.
      await apply(
        new AlterColumnOp("parent", "label", {
          modifyType: { from: varchar100, to: scalarType("integer") },
          modifyServerDefault: { from: defaults.literal("1"), to: defaults.literal(2) },
        }),
      );
      assert.is((await rawColumns(db, "parent"))[1].default, "2");
      assert.equal(await rawRows(db, "parent", "id"), [
        { id: 1, label: 10 },
        { id: 2, label: -3 },
      ]);
    });
  });

  test("postgresql: autoincrement() on an existing column creates the owned sequence; removing it drops the sequence", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id) VALUES (1)");
      const op = new AlterColumnOp("parent", "id", { modifyServerDefault: { from: undefined, to: defaults.autoincrement() }, existingType: scalarType("integer") });
      await apply(op);
      const [col] = await rawColumns(db, "parent");
      assert.is(col.default, "nextval('parent_id_seq'::regclass)");
      const owned = await db.query("SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid WHERE s.relname = 'parent_id_seq' AND d.deptype = 'a'");
      assert.is(owned.length, 1);
      await apply(op.reverse());
      assert.is((await rawColumns(db, "parent"))[0].default, null);
      assert.equal(await db.query("SELECT relname FROM pg_class WHERE relname = 'parent_id_seq'"), []);
    });
  });

  test("postgresql: identity is added, switched and dropped", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      const identity = async () => (await db.query<{ i: string }>("SELECT attidentity AS i FROM pg_attribute WHERE attrelid = 'parent'::regclass AND attname = 'id'"))[0].i;
      await apply(new AlterColumnOp("parent", "id", { kw: { modify_identity: { from: undefined, to: "byDefault" } } }));
      assert.is(await identity(), "d");
      await apply(new AlterColumnOp("parent", "id", { kw: { modify_identity: { from: "byDefault", to: "always" } } }));
      assert.is(await identity(), "a");
      await apply(new AlterColumnOp("parent", "id", { kw: { modify_identity: { from: "always", to: undefined } } }));
      assert.is(await identity(), "");
    });
  });
}

if (DIALECTS.includes("mysql")) {
  test("mysql: MODIFY COLUMN keeps AUTO_INCREMENT and the comment it reads from the live column", async () => {
    await withHarness("mysql", async ({ db, apply }) => {
      await db.run("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'the key', note VARCHAR(10) NULL)");
      await apply(new AlterColumnOp("t", "id", { modifyType: { from: scalarType("integer"), to: scalarType("bigint") } }));
      const [row] = await db.query<{ COLUMN_TYPE: string; EXTRA: string; COLUMN_COMMENT: string }>(
        "SELECT COLUMN_TYPE, EXTRA, COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME = 'id'",
      );
      assert.equal({ ...row }, { COLUMN_TYPE: "bigint(20)", EXTRA: "auto_increment", COLUMN_COMMENT: "the key" });
    });
  });
}

if (DIALECTS.includes("mysql")) {
  test("mysql: changing a column restates it without losing ON UPDATE CURRENT_TIMESTAMP", async () => {
    await withHarness("mysql", async ({ db, apply }) => {
      await db.run("CREATE TABLE stamped (id INT PRIMARY KEY, changed DATETIME NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP)");
      await apply(
        new AlterColumnOp("stamped", "changed", {
          modifyNullable: { from: true, to: false },
          existingType: scalarType("timestamp"),
          existingServerDefault: defaults.now(),
        }),
      );
      const [column] = await db.query<{ IS_NULLABLE: string; EXTRA: string }>(
        "SELECT IS_NULLABLE, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stamped' AND COLUMN_NAME = 'changed'",
      );
      assert.is(column.IS_NULLABLE, "NO");
      assert.match(column.EXTRA.toLowerCase(), /on update current_timestamp/);
    });
  });
}

test.run();
