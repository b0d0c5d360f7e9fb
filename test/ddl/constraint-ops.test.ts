import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CheckConstraint,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  Table,
  UniqueConstraint,
} from "../../src/model/index.js";
import {
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
} from "../../src/ops/constraint-ops.js";
import { CreateIndexOp, DropIndexOp } from "../../src/ops/index-ops.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { availableDialects, type TestDatabase } from "../support/databases.js";
import { rawIndexes, rawRows, rejects, withHarness } from "./ddl-support.js";
import { int, parentTable, text } from "./fixtures.js";

const DIALECTS = availableDialects();

/** Constraint names and kinds of a table from the catalog (SQLite: parsed by the server's own pragmas). */
async function rawConstraints(db: TestDatabase, table: string): Promise<string[]> {
  if (db.dialect === "postgresql") {
    const rows = await db.query<{ c: string }>(
      "SELECT contype::text || ':' || conname AS c FROM pg_constraint WHERE conrelid = $1::regclass AND contype <> 'n' ORDER BY 1",
      [`"${table}"`],
    );
    return rows.map((r) => r.c);
  }
  if (db.dialect === "mysql") {
    const rows = await db.query<{ c: string }>(
      "SELECT CONCAT(CONSTRAINT_TYPE, ':', CONSTRAINT_NAME) AS c FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY 1",
      [table],
    );
    return rows.map((r) => r.c);
  }
  const pk = await db.query<{ name: string }>("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", [table]);
  const fks = await db.query<{ c: string }>("SELECT DISTINCT 'f:' || \"table\" AS c FROM pragma_foreign_key_list(?)", [table]);
  const uniques = await db.query<{ c: string }>("SELECT 'u:' || name AS c FROM pragma_index_list(?) WHERE origin = 'u'", [table]);
  const [sql] = await db.query<{ sql: string }>("SELECT sql FROM sqlite_schema WHERE name = ?", [table]);
  const checks = [...sql.sql.matchAll(/CONSTRAINT "([^"]+)" CHECK/g)].map((m) => `c:${m[1]}`);
  return [...(pk.length ? [`p:${pk.map((p) => p.name).join(",")}`] : []), ...fks.map((r) => r.c), ...uniques.map((r) => r.c), ...checks].sort();
}

function itemTable(): Table {
  return new Table({ name: "item", columns: [int("id"), int("parent_id", true), text("code"), int("qty", true)] });
}

const EXPECTED = {
  sqlite: ["c:ck_qty", "f:parent", "p:id", "u:sqlite_autoindex_item_1"],
  postgresql: ["c:ck_qty", "f:fk_parent", "p:pk_item", "u:uq_code"],
  mysql: ["CHECK:ck_qty", "FOREIGN KEY:fk_parent", "PRIMARY KEY:PRIMARY", "UNIQUE:uq_code"],
} as const;

const AFTER_DROP = {
  sqlite: ["p:id"],
  postgresql: ["p:pk_item"],
  mysql: ["PRIMARY KEY:PRIMARY"],
} as const;

for (const dialect of DIALECTS) {
  test(`${dialect}: create and drop primary key, foreign key, unique and check constraints on a table with rows`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply([new CreateTableOp(parentTable()), new CreateTableOp(itemTable())]);
      await db.run("INSERT INTO parent (id, label) VALUES (1, 'p'); INSERT INTO item (id, parent_id, code, qty) VALUES (1, 1, 'a', 5), (2, NULL, 'b', 0)");
      const before = await rawRows(db, "item", "id");
      const fk = new ForeignKeyConstraint({ name: "fk_parent", columns: ["parent_id"], target: { name: "parent" }, targetColumns: ["id"] });
      const created = [
        new CreatePrimaryKeyOp("item", new PrimaryKeyConstraint({ name: "pk_item", columns: ["id"] })),
        new CreateForeignKeyOp("item", fk),
        new CreateUniqueConstraintOp("item", new UniqueConstraint({ name: "uq_code", columns: ["code"] })),
        new CreateCheckConstraintOp("item", new CheckConstraint({ name: "ck_qty", expression: "qty >= 0" })),
      ];
      for (const op of created) await apply(op);
      assert.equal(await rawConstraints(db, "item"), EXPECTED[dialect]);
      assert.equal(await rawRows(db, "item", "id"), before, "rows survive");
      await rejects(db.run("INSERT INTO item (id, parent_id, code, qty) VALUES (3, 99, 'c', 1)"));
      await rejects(db.run("INSERT INTO item (id, parent_id, code, qty) VALUES (3, NULL, 'a', 1)"));
      await rejects(db.run("INSERT INTO item (id, parent_id, code, qty) VALUES (3, NULL, 'c', -1)"));
      for (const op of created.slice(1).reverse()) await apply(op.reverse());
      assert.equal(await rawConstraints(db, "item"), AFTER_DROP[dialect]);
      assert.equal(await rawRows(db, "item", "id"), before, "rows survive the drops");
    });
  });

  test(`${dialect}: dropping the primary key`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await apply(new DropConstraintOp(dialect === "postgresql" ? "parent_pkey" : undefined, "parent", { type: "primarykey", constraint: new PrimaryKeyConstraint({ columns: ["id"] }) }));
      assert.equal(await rawConstraints(db, "parent"), []);
    });
  });

  test(`${dialect}: CreateIndexOp and DropIndexOp, unique and descending, with an awkward name`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(itemTable()));
      const index = new Index({
        name: 'ix "code"` qty',
        unique: true,
        elements: [
          { kind: "column", name: "code", ...(dialect === "mysql" ? { length: 3 } : {}) },
          { kind: "column", name: "qty", order: "desc" },
        ],
      });
      await apply(new CreateIndexOp("item", index));
      assert.equal(await rawIndexes(db, "item"), ['ix "code"` qty']);
      await db.run("INSERT INTO item (id, code, qty) VALUES (1, 'abcd', 1)");
      await rejects(db.run("INSERT INTO item (id, code, qty) VALUES (2, 'abcd', 1)"));
      await apply(new DropIndexOp(index.name, { tableName: "item" }));
      assert.equal(await rawIndexes(db, "item"), []);
    });
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: partial, expression and GIN indexes; CONCURRENTLY runs outside the transaction", async () => {
    await withHarness("postgresql", async ({ db, apply, connection }) => {
      await apply(new CreateTableOp(itemTable()));
      const partial = new Index({ name: "ix_live", elements: [{ kind: "expression", sql: "lower(code)" }], where: "qty > 0" });
      await apply(new CreateIndexOp("item", partial));
      const [def] = await db.query<{ d: string }>("SELECT indexdef AS d FROM pg_indexes WHERE indexname = 'ix_live'");
      assert.is(def.d, "CREATE INDEX ix_live ON public.item USING btree (lower((code)::text)) WHERE (qty > 0)");
      const concurrent = new CreateIndexOp("item", new Index({ name: "ix_c", elements: [{ kind: "column", name: "qty", nulls: "first" }] })).with({
        concurrently: true,
      } as never);
      const { postgresqlDdl } = await import("../../src/dialects/postgresql/postgresql-ddl.js");
      const statements = await postgresqlDdl.compile(concurrent, { dialect: connection.dialect });
      assert.equal(statements, [{ sql: 'CREATE INDEX CONCURRENTLY "ix_c" ON "item" ("qty" NULLS FIRST)', transactional: false }]);
      await connection.execute(statements[0].sql);
      assert.equal(await rawIndexes(db, "item"), ["ix_c", "ix_live"]);
    });
  });
}

test.run();
