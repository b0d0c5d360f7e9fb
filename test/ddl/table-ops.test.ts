import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, scalarType } from "../../src/model/index.js";
import { AddColumnOp, DropColumnOp } from "../../src/ops/column-ops.js";
import { CreateTableCommentOp, DropTableCommentOp } from "../../src/ops/table-comment-ops.js";
import { CreateTableOp, DropTableOp, RenameTableOp } from "../../src/ops/table-ops.js";
import { availableDialects } from "../support/databases.js";
import { rawColumns, rawIndexes, rawRows, rawTables, rejects, withHarness } from "./ddl-support.js";
import { childTable, ODD_COLUMN, ODD_TABLE, oddTable, parentTable } from "./fixtures.js";

const DIALECTS = availableDialects();

test("at least SQLite is available", () => {
  assert.ok(DIALECTS.includes("sqlite"));
});

const EXPECTED_COLUMNS = {
  sqlite: [
    { name: "user", type: "INTEGER", nullable: false, default: null },
    { name: ODD_COLUMN, type: "VARCHAR(50)", nullable: false, default: "'it''s; --'" },
    { name: "MixedCase", type: "DECIMAL(10, 2)", nullable: true, default: "-1.5" },
    { name: "flag", type: "BOOLEAN", nullable: false, default: "TRUE" },
    { name: "qty", type: "INTEGER", nullable: false, default: "0" },
  ],
  postgresql: [
    { name: "user", type: "integer", nullable: false, default: null },
    { name: ODD_COLUMN, type: "character varying(50)", nullable: false, default: "'it''s; --'::character varying" },
    { name: "MixedCase", type: "numeric(10,2)", nullable: true, default: "'-1.5'::numeric" },
    { name: "flag", type: "boolean", nullable: false, default: "true" },
    { name: "qty", type: "integer", nullable: false, default: "0" },
  ],
  mysql: [
    { name: "user", type: "int(11)", nullable: false, default: null },
    { name: ODD_COLUMN, type: "varchar(50)", nullable: false, default: "'it''s; --'" },
    { name: "MixedCase", type: "decimal(10,2)", nullable: true, default: "-1.50" },
    { name: "flag", type: "tinyint(1)", nullable: false, default: "1" },
    { name: "qty", type: "int(11)", nullable: false, default: "0" },
  ],
} as const;

for (const dialect of DIALECTS) {
  test(`${dialect}: CreateTableOp writes every column, constraint and index under awkward names`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(oddTable()));
      assert.equal(await rawTables(db), [ODD_TABLE]);
      assert.equal(await rawColumns(db, ODD_TABLE), EXPECTED_COLUMNS[dialect]);
      const indexes = await rawIndexes(db, ODD_TABLE);
      assert.ok(indexes.includes("ix odd"), indexes.join());
      // Defaults and constraints act: the row takes the defaults, the unique and check refuse.
      const q = dialect === "mysql" ? (n: string) => `\`${n.replaceAll("`", "``")}\`` : (n: string) => `"${n.replaceAll('"', '""')}"`;
      await db.run(`INSERT INTO ${q(ODD_TABLE)} (${q("user")}) VALUES (1)`);
      const [row] = await rawRows(db, ODD_TABLE, "user");
      assert.is(row[ODD_COLUMN], "it's; --");
      assert.is(Number(row.MixedCase), -1.5);
      assert.is(Number(row.flag), 1);
      await rejects(db.run(`INSERT INTO ${q(ODD_TABLE)} (${q("user")}) VALUES (2)`));
      await rejects(db.run(`INSERT INTO ${q(ODD_TABLE)} (${q("user")}, ${q(ODD_COLUMN)}, qty) VALUES (3, 'x', -1)`));
    });
  });

  test(`${dialect}: foreign keys from CreateTableOp, then RenameTableOp and DropTableOp`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply([new CreateTableOp(parentTable()), new CreateTableOp(childTable())]);
      await db.run("INSERT INTO parent (id, label) VALUES (1, 'a'); INSERT INTO child (id, parent_id) VALUES (10, 1)");
      await rejects(db.run("INSERT INTO child (id, parent_id) VALUES (11, 99)"));
      await apply(new RenameTableOp("child", "Child Rows"));
      assert.equal(await rawTables(db), dialect === "postgresql" ? ["Child Rows", "parent"] : ["Child Rows", "parent"].sort());
      await apply(new DropTableOp("Child Rows"));
      assert.equal(await rawTables(db), ["parent"]);
    });
  });

  test(`${dialect}: AddColumnOp and DropColumnOp keep the rows`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id, label) VALUES (1, 'a'), (2, NULL)");
      const added = new Column({ name: "Rank Order", type: scalarType("integer"), nullable: false, default: defaults.literal(7) });
      await apply(new AddColumnOp("parent", added));
      assert.equal(
        (await rawRows(db, "parent", "id")).map((r) => [Number(r.id), r.label, Number(r["Rank Order"])]),
        [
          [1, "a", 7],
          [2, null, 7],
        ],
      );
      await apply(new DropColumnOp("parent", "label"));
      assert.equal((await rawColumns(db, "parent")).map((c) => c.name), ["id", "Rank Order"]);
      assert.equal((await rawRows(db, "parent", "id")).map((r) => Number(r["Rank Order"])), [7, 7]);
    });
  });

  test(`${dialect}: table comments`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      const ran = await apply(new CreateTableCommentOp("parent", "it's a parent"));
      const comment = async () => {
        if (dialect === "postgresql") return (await db.query<{ c: string | null }>("SELECT obj_description('parent'::regclass, 'pg_class') AS c"))[0].c;
        if (dialect === "mysql") {
          return (await db.query<{ c: string }>("SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'parent'"))[0].c;
        }
        return "no comments";
      };
      if (dialect === "sqlite") {
        assert.equal(ran, [], "SQLite has no comments: nothing runs");
        return;
      }
      assert.is(await comment(), "it's a parent");
      await apply(new DropTableCommentOp("parent", { existingComment: "it's a parent" }));
      assert.is(await comment(), dialect === "postgresql" ? null : "");
    });
  });
}

test.run();
