/**
 * Column properties beyond type, nullability and default, on each server:
 * autoincrement, identity, generated columns, collations, schemas.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, Index, PrimaryKeyConstraint, scalarType, Table } from "../../src/model/index.js";
import { AlterColumnOp } from "../../src/ops/alter-column-op.js";
import { AddColumnOp } from "../../src/ops/column-ops.js";
import { CreateIndexOp } from "../../src/ops/index-ops.js";
import { CreateTableOp, RenameTableOp } from "../../src/ops/table-ops.js";
import { availableDialects } from "../support/databases.js";
import { compileOffline, rawColumns, rawRows, rejects, withHarness } from "./ddl-support.js";
import { childTable, int, parentTable } from "./fixtures.js";

const DIALECTS = availableDialects();

const priced = (extra: Partial<ConstructorParameters<typeof Column>[0]> = {}) =>
  new Table({
    name: "line",
    columns: [
      new Column({ name: "id", type: scalarType("integer"), nullable: false, default: defaults.autoincrement(), ...extra }),
      int("price"),
      int("qty"),
      new Column({ name: "total", type: scalarType("integer"), nullable: true, generated: { expression: "price * qty", stored: true } }),
      new Column({ name: "code", type: scalarType("varchar", [20]), nullable: true, collation: "" }),
    ],
    primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
  });

const COLLATION = { sqlite: "NOCASE", postgresql: "C", mysql: "utf8mb4_bin" } as const;

for (const dialect of DIALECTS) {
  test(`${dialect}: autoincrement, a stored generated column and a collation`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      const table = priced();
      const withCollation = table.with({
        columns: table.columns.map((c) => (c.name === "code" ? c.with({ collation: COLLATION[dialect] }) : c)),
      });
      await apply(new CreateTableOp(withCollation));
      await db.run("INSERT INTO line (price, qty, code) VALUES (3, 4, 'b'), (5, 6, 'A')");
      const rows = await rawRows(db, "line", "id");
      assert.equal(
        rows.map((r) => [Number(r.id), Number(r.total)]),
        [
          [1, 12],
          [2, 30],
        ],
      );
      const collation =
        dialect === "postgresql"
          ? await db.query("SELECT collation_name AS c FROM information_schema.columns WHERE table_name = 'line' AND column_name = 'code'")
          : dialect === "mysql"
            ? await db.query("SELECT COLLATION_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'line' AND COLUMN_NAME = 'code'")
            : [{ c: /"code" VARCHAR\(20\) COLLATE "(\w+)"/.exec(String((await db.query("SELECT sql FROM sqlite_schema WHERE name = 'line'"))[0].sql))?.[1] }];
      assert.equal(collation.map((r) => r.c), [COLLATION[dialect]]);
      if (dialect === "sqlite") assert.equal((await db.query("SELECT count(*) AS n FROM line WHERE code = 'a'"))[0], { n: 1 });
    });
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: identity columns and schema-qualified tables", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await db.run('CREATE SCHEMA "Audit Log"');
      const table = new Table({
        name: "event",
        schema: "Audit Log",
        columns: [new Column({ name: "id", type: scalarType("bigint"), nullable: false, identity: "always" }), int("n", true)],
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
        indexes: [new Index({ name: "ix_n", elements: [{ kind: "column", name: "n" }] })],
      });
      await apply(new CreateTableOp(table));
      await apply(new AddColumnOp("event", new Column({ name: "seq", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }), { schema: "Audit Log" }));
      await db.run('INSERT INTO "Audit Log".event (n) VALUES (5)');
      await rejects(db.run('INSERT INTO "Audit Log".event (id, n) VALUES (9, 5)'), /cannot insert a non-DEFAULT value into column "id"/);
      const columns = await rawColumns(db, "event", "Audit Log");
      assert.equal(columns.map((c) => [c.name, c.default]), [
        ["id", null],
        ["n", null],
        ["seq", `nextval('"Audit Log".event_seq_seq'::regclass)`],
      ]);
      const indexes = await db.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'Audit Log' ORDER BY 1");
      assert.equal(indexes.map((r) => r.indexname), ["event_pkey", "ix_n"]);
    });
  });
}

if (DIALECTS.includes("mysql")) {
  test("mysql: FULLTEXT and prefix indexes", async () => {
    await withHarness("mysql", async ({ db, apply }) => {
      await apply(new CreateTableOp(new Table({ name: "doc", columns: [int("id"), new Column({ name: "body", type: scalarType("text"), nullable: true })] })));
      await apply(new CreateIndexOp("doc", new Index({ name: "ft_body", elements: [{ kind: "column", name: "body" }], using: "fulltext" })));
      await apply(new CreateIndexOp("doc", new Index({ name: "ix_body", elements: [{ kind: "column", name: "body", length: 12 }] })));
      const rows = await db.query("SELECT INDEX_NAME AS n, INDEX_TYPE AS t, SUB_PART AS p FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'doc' ORDER BY 1");
      assert.equal(rows.map((r) => ({ ...r })), [
        { n: "ft_body", t: "FULLTEXT", p: null },
        { n: "ix_body", t: "BTREE", p: 12 },
      ]);
    });
  });

  test("mysql: MODIFY COLUMN offline without the column's existing type and nullability is a DdlStateError", async () => {
    await rejects(
      compileOffline("mysql", new AlterColumnOp("t", "c", { modifyComment: { from: undefined, to: "x" } })),
      /^MODIFY COLUMN restates "t.c" in full: give the op existingType and existingNullable, or run it against the database$/,
    );
  });
}

if (DIALECTS.includes("sqlite")) {
  test("sqlite: renaming a parent table carries its children's foreign keys along", async () => {
    await withHarness("sqlite", async ({ db, apply }) => {
      await apply([new CreateTableOp(parentTable()), new CreateTableOp(childTable())]);
      await apply(new RenameTableOp("parent", "Parent Rows"));
      assert.equal(await db.query('SELECT "table" FROM pragma_foreign_key_list(\'child\')'), [{ table: "Parent Rows" }]);
    });
  });
}

test.run();
