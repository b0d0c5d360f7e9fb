import { test } from "uvu";
import * as assert from "uvu/assert";
import { Table } from "../../src/model/index.js";
import { CreateSchemaOp, DropSchemaOp } from "../../src/ops/schema-ops.js";
import { CreateTableOp, DropTableOp } from "../../src/ops/table-ops.js";
import { availableDialects } from "../support/databases.js";
import { compileOffline, rejects, withHarness } from "./ddl-support.js";
import { int } from "./fixtures.js";

const DIALECTS = availableDialects();

test("postgresql: schemas are created and dropped by quoted name, never with CASCADE", async () => {
  assert.equal(await compileOffline("postgresql", new CreateSchemaOp('Audit "x"')), [`CREATE SCHEMA "Audit ""x"""`]);
  assert.equal(await compileOffline("postgresql", new DropSchemaOp("audit")), [`DROP SCHEMA "audit"`]);
});

for (const dialect of ["sqlite", "mysql"] as const) {
  test(`${dialect}: schema ops are an UnsupportedDdlError (the dialect has no namespaces)`, async () => {
    for (const [op, verb] of [
      [new CreateSchemaOp("audit"), "create"],
      [new DropSchemaOp("audit"), "drop"],
    ] as const) {
      try {
        await compileOffline(dialect, op);
        assert.unreachable("compiled");
      } catch (error) {
        assert.is((error as Error).name, "UnsupportedDdlError");
        assert.match((error as Error).message, new RegExp(`^${dialect} cannot ${verb} schemas \\(`));
      }
    }
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: a schema is created, holds a table, refuses to drop while it does, then drops", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      const schemas = async () => (await db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'audit'")).map((r) => r.nspname);
      const event = new Table({ name: "event", schema: "audit", columns: [int("id")] });
      await apply([new CreateSchemaOp("audit"), new CreateTableOp(event)]);
      assert.equal(await schemas(), ["audit"]);
      await db.run("INSERT INTO audit.event (id) VALUES (1)");
      await rejects(apply(new DropSchemaOp("audit")), /cannot drop schema audit because other objects depend on it/);
      assert.equal(await db.query("SELECT id FROM audit.event"), [{ id: 1 }], "the failed drop takes nothing with it");
      await apply([new DropTableOp("event", { schema: "audit" }), new DropSchemaOp("audit")]);
      assert.equal(await schemas(), []);
    });
  });
}

test.run();
