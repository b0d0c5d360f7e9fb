/**
 * Checks and foreign keys declared without a name: the migration that adds
 * them to an existing table names them as the database would, so `check` is
 * clean, the downgrade drops them by name (never `dropConstraint(undefined,
 * ...)`), and the catalog comes back to what it was, rows included.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { readCatalog } from "./catalog.js";
import { migrationFile } from "./migration.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: unnamed checks and foreign keys");

const BEFORE = `table parent {
  id integer @id
}

table child {
  id        integer @id
  parent_id integer
  qty       integer
}`;

const AFTER = `table parent {
  id integer @id
}

table child {
  id        integer @id
  parent_id integer @references(parent.id)
  qty       integer @check(sql("qty >= 0"))

  @@check(sql("qty < 1000 and parent_id > 0"))
}`;

/** The names the migration gives them: each database's own convention. */
const NAMES: Record<DialectName, readonly string[]> = {
  postgresql: ["child_parent_id_fkey", "child_qty_check", "child_check"],
  mysql: ["child_ibfk_1", "child_chk_1", "child_chk_2"],
  sqlite: ["child_parent_id_fkey", "child_qty_check", "child_check"],
};

const cases: Array<LaneCase & { name: string }> = availableDialects().map((dialect) => ({
  lane: dialect,
  name: `${dialect}: added to an existing table, named as the database names them; downgrade drops them by name`,
  run: () =>
    withTestDatabase(dialect, async (db) => {
      const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, BEFORE) });
      try {
        await p.ok(["revision", "--autogenerate", "-m", "tables", "--rev-id", "c1"]);
        await p.ok(["upgrade", "head"]);
        await db.run("INSERT INTO parent (id) VALUES (1), (2)");
        await db.run("INSERT INTO child (id, parent_id, qty) VALUES (10, 1, 5), (11, 2, 7)");
        const start = await readCatalog(db);

        p.write("schemas/app.schema", schemaFile(dialect, db.url, AFTER));
        await p.ok(["revision", "--autogenerate", "-m", "constraints", "--rev-id", "c2"]);
        const file = p.read("migrations/c2_constraints.ts");
        assert.not.match(file, "undefined");
        for (const name of NAMES[dialect]) assert.match(file, `"${name}"`);
        await p.ok(["upgrade", "head"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
        const named = JSON.stringify(await readCatalog(db));
        if (dialect !== "sqlite") for (const name of NAMES[dialect]) assert.match(named, `${name}:`);

        await p.ok(["downgrade", "-1"]);
        assert.equal(await readCatalog(db), start);
        assert.equal(await db.query("SELECT id, parent_id, qty FROM child ORDER BY id"), [
          { id: 10, parent_id: 1, qty: 5 },
          { id: 11, parent_id: 2, qty: 7 },
        ]);
        await p.ok(["upgrade", "head"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
      } finally {
        p.done();
      }
    }),
}));

// Created with their table, MySQL names the key child_ibfk_1 and InnoDB names its index after the column (parent_id):
// that index is the key's own, not a stray one for check to drop.
cases.push(
  ...availableDialects().map((dialect) => ({
    lane: dialect,
    name: `${dialect}: created with their table, verified, upgraded, checked clean, downgraded`,
    run: () =>
      withTestDatabase(dialect, async (db) => {
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, AFTER) });
        try {
          const written = await p.ok(["revision", "--autogenerate", "-m", "tables", "--rev-id", "c1"]);
          assert.match(written.out, "verified c1");
          await p.ok(["upgrade", "head"]);
          assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
          await p.ok(["downgrade", "base"]);
          assert.equal(Object.keys((await readCatalog(db)).tables).filter((t) => /^(parent|child)$/.test(t)), []);
        } finally {
          p.done();
        }
      }),
  })),
);

if (availableDialects().includes("mysql")) {
  cases.push({
    lane: "mysql",
    name: "mysql: a migration whose fourth op cannot run fails before its first statement; nothing changes",
    run: () =>
      withTestDatabase("mysql", async (db) => {
        await db.run(
          "CREATE TABLE parent (id int NOT NULL PRIMARY KEY) COMMENT 'parents';" +
            "CREATE TABLE child (id int NOT NULL PRIMARY KEY, parent_id int NOT NULL, qty int NOT NULL," +
            " CONSTRAINT child_fk FOREIGN KEY (parent_id) REFERENCES parent (id), CONSTRAINT qty_ck CHECK (qty >= 0));" +
            "CREATE VIEW v AS SELECT id FROM child;" +
            "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (10, 1, 5);",
        );
        const p = project();
        try {
          p.write(
            "migrations/m1_teardown.ts",
            migrationFile({
              revision: "m1",
              upgrade: [
                '  await op.dropView("v");',
                '  await op.dropConstraint("child_fk", "child", { type: "foreignkey" });',
                '  await op.dropTableComment("parent");',
                '  await op.dropConstraint(undefined as never, "child", { type: "check" });',
              ].join("\n"),
              downgrade: "",
            }),
          );
          const before = await readCatalog(db);
          const views = "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()";
          const failed = await p.strata("upgrade", "head", "--url", db.url);
          assert.is(failed.code, 2);
          assert.match(failed.err, "upgrade m1 (migrations/m1_teardown.ts) failed before anything ran; the database and the version table are as they were.");
          assert.match(failed.err, "op 4 of 4 (DropConstraintOp) cannot run: dropping a check constraint of \"child\" on MySQL needs its name");
          assert.equal(await readCatalog(db), before);
          assert.equal(await db.query(views), [{ TABLE_NAME: "v" }]);
          assert.equal(await db.query("SELECT TABLE_COMMENT AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'parent'"), [{ c: "parents" }]);
          assert.equal((await p.strata("current", "--url", db.url)).out, "base");
        } finally {
          p.done();
        }
      }),
  });
}

testInLanes(test, cases);
test.run();
