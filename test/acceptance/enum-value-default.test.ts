/**
 * A new enum value used as a column's default in the same migration,
 * through the CLI. PostgreSQL refuses to use a value in the transaction
 * that adds it ("unsafe use of new value"), so the value is added in a step
 * that commits first, and the file says so; MySQL (inline enums) needs no
 * such step. Rows survive, check is clean, and the downgrade restores the
 * catalog.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: a new enum value as a default in the same migration");

const schema = (values: string, role: string) => `enum Role { ${values} }

table member {
  id   integer @id
  role Role @default(${role})
}`;

const NOTE = "// PostgreSQL cannot use an enum value in the transaction that adds it: this commits on its own, before the rest";

const cases: Array<LaneCase & { name: string }> = availableDialects(["postgresql", "mysql"]).map((dialect) => ({
  lane: dialect,
  name: `${dialect}: the value is added${dialect === "postgresql" ? " and committed" : ""} before the default uses it, both ways`,
  run: () =>
    withTestDatabase(dialect, async (db) => {
      const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, schema("admin member", "member")) });
      try {
        await p.ok(["revision", "--autogenerate", "-m", "start", "--rev-id", "e1"]);
        await p.ok(["upgrade", "head"]);
        await db.run("INSERT INTO member (id) VALUES (1)");
        const start = await readCatalog(db);

        p.write("schemas/app.schema", schemaFile(dialect, db.url, schema("admin member guest", "guest")));
        const written = await p.ok(["revision", "--autogenerate", "-m", "guests", "--rev-id", "e2"]);
        assert.match(written.out, `verified e2 (migrations/e2_guests.ts) on a scratch ${dialect} database`);
        const text = p.read("migrations/e2_guests.ts");
        assert.is(text.includes(NOTE), dialect === "postgresql", text);

        await p.ok(["upgrade", "head"]);
        await p.ok(["check"]);
        await db.run("INSERT INTO member (id) VALUES (2)");
        assert.equal((await db.query<{ role: string }>("SELECT role FROM member ORDER BY id")).map((r) => r.role), ["member", "guest"]);

        await db.run("DELETE FROM member WHERE id = 2");
        await p.ok(["downgrade", "--", "-1"]);
        assert.equal(catalogDifferences(start, await readCatalog(db)), []);
        assert.equal((await db.query<{ role: string }>("SELECT role FROM member")).map((r) => r.role), ["member"]);
      } finally {
        p.done();
      }
    }),
}));

testInLanes(test, cases);

test.run();
