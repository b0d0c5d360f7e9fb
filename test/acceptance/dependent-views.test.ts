/**
 * Views over columns a migration changes, through the CLI on each dialect:
 * a column's type changes and another is renamed under two views (one
 * reading the other), and a view read by another loses a column (PostgreSQL's
 * CREATE OR REPLACE VIEW cannot drop one). The migration drops the views before the changes and
 * creates them after (PostgreSQL refuses to change a type a view uses), the
 * downgrade undoes the changes before re-creating the old views (MySQL would
 * otherwise re-create a view naming a column not renamed back yet), rows
 * survive both ways and the catalog comes back as it was.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: views over changed columns");

const BEFORE = `table t {
  id     integer @id
  amount integer
  qty    integer
}

table s {
  id    integer @id
  label varchar(20)
}

view v = sql("select id, amount, qty from t")
view w = sql("select id, amount from v")
view u = sql("select id, label from s")
view x = sql("select id from u")`;

const AFTER = `table t {
  id    integer @id
  total integer @renamedFrom("amount")
  qty   bigint
}

table s {
  id    integer @id
  label varchar(20)
}

view v = sql("select id, total, qty from t")
view w = sql("select id, total from v")
view u = sql("select id from s")
view x = sql("select id from u")`;

const cases: Array<LaneCase & { name: string }> = availableDialects().map((dialect) => ({
  lane: dialect,
  name: `${dialect}: a type change and a rename under two views, and a view read by another losing a column, run up and down`,
  run: () =>
    withTestDatabase(dialect, async (db) => {
      const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, BEFORE) });
      try {
        await p.ok(["revision", "--autogenerate", "-m", "start", "--rev-id", "d1"]);
        await p.ok(["upgrade", "head"]);
        await db.run("INSERT INTO t (id, amount, qty) VALUES (1, 10, 3)");
        const start = await readCatalog(db);

        p.write("schemas/app.schema", schemaFile(dialect, db.url, AFTER));
        const written = await p.ok(["revision", "--autogenerate", "-m", "change", "--rev-id", "d2"]);
        assert.match(written.out, `verified d2 (migrations/d2_change.ts) on a scratch ${dialect} database`);
        const text = p.read("migrations/d2_change.ts");
        const upgrade = text.slice(text.indexOf("export async function upgrade"), text.indexOf("export async function downgrade"));
        const at = (needle: string) => {
          const i = upgrade.indexOf(needle);
          assert.ok(i >= 0, `${needle} in\n${upgrade}`);
          return i;
        };
        assert.ok(at('op.dropView("w"') < at('op.dropView("v"'), "the reading view goes first");
        assert.ok(at('op.dropView("v"') < at('"amount"'), "views go before the columns change");
        assert.ok(at('"amount"') < at("op.createView("), "views come back after");

        await p.ok(["upgrade", "head"]);
        await p.ok(["check"]);
        assert.equal(await db.query("SELECT w.id, w.total, t.qty FROM w JOIN t ON t.id = w.id").then((rows) => rows.map((r) => [Number(r.id), Number(r.total), Number(r.qty)])), [[1, 10, 3]]);

        await p.ok(["downgrade", "--", "-1"]);
        assert.equal(catalogDifferences(start, await readCatalog(db), { columnOrder: false }), []);
        assert.equal(await db.query("SELECT id, amount FROM w").then((rows) => rows.map((r) => [Number(r.id), Number(r.amount)])), [[1, 10]]);
      } finally {
        p.done();
      }
    }),
}));

/** Found by the property test (postgresql seed 9): only a view changes, and another view reads it. */
const READ = (columns: string) => `table s {\n  id    integer @id\n  label varchar(20)\n}\n\nview u = sql("select ${columns} from s")\nview x = sql("select id from u")`;

for (const dialect of availableDialects()) {
  cases.push({
    lane: dialect,
    name: `${dialect}: a view read by another view changes alone, up and down`,
    run: () =>
      withTestDatabase(dialect, async (db) => {
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, READ("id")) });
        try {
          await p.ok(["revision", "--autogenerate", "-m", "start", "--rev-id", "r1"]);
          await p.ok(["upgrade", "head"]);
          const start = await readCatalog(db);
          p.write("schemas/app.schema", schemaFile(dialect, db.url, READ("id, label")));
          await p.ok(["revision", "--autogenerate", "-m", "wider", "--rev-id", "r2"]);
          await p.ok(["upgrade", "head"]);
          await p.ok(["check"]);
          await p.ok(["downgrade", "--", "-1"]);
          assert.equal(catalogDifferences(start, await readCatalog(db)), []);
        } finally {
          p.done();
        }
      }),
  });
}

testInLanes(test, cases);

test.run();
