import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { project, schemaFile } from "./project.js";

const AUDIT = `enum audit.level { low high }

table audit.event {
  id    integer     @id
  level audit.level
}

table app_user {
  id integer @id
}`;

if (availableDialects().includes("postgresql")) {
  test("postgresql: a .schema naming audit.event creates the audit schema on upgrade and drops it on downgrade base", async () => {
    await withTestDatabase("postgresql", async (db) => {
      const p = project({ "schemas/app.schema": schemaFile("postgresql", db.url, AUDIT) });
      const auditSchema = async () => (await db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'audit'")).map((r) => r.nspname);
      try {
        await p.ok(["revision", "--autogenerate", "-m", "audit", "--rev-id", "aaa111"]);
        const migration = p.read("migrations/aaa111_audit.ts");
        const calls = [...migration.matchAll(/await op\.(\w+)\(/g)].map((m) => m[1]);
        assert.equal(calls, ["createSchema", "createEnum", "createTable", "createTable", "dropTable", "dropTable", "dropEnum", "dropSchema"]);
        assert.match(migration, 'await op.createSchema("audit");');
        assert.match(migration, 'await op.dropSchema("audit");');
        await p.ok(["upgrade", "head"]);
        assert.equal(await auditSchema(), ["audit"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
        await p.ok(["downgrade", "base"]);
        assert.equal((await p.ok(["current"])).out, "base");
        assert.equal(await auditSchema(), []);
      } finally {
        p.done();
      }
    });
  });

  test("postgresql: a schema created by hand is neither created again nor dropped on downgrade", async () => {
    await withTestDatabase("postgresql", async (db) => {
      await db.run("CREATE SCHEMA audit");
      const p = project({ "schemas/app.schema": schemaFile("postgresql", db.url, AUDIT) });
      try {
        await p.ok(["revision", "--autogenerate", "-m", "audit", "--rev-id", "bbb222"]);
        const calls = [...p.read("migrations/bbb222_audit.ts").matchAll(/await op\.(\w+)\(/g)].map((m) => m[1]);
        assert.equal(calls, ["createEnum", "createTable", "createTable", "dropTable", "dropTable", "dropEnum"]);
        await p.ok(["upgrade", "head"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
        await p.ok(["downgrade", "base"]);
        assert.equal(await db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'audit'"), [{ nspname: "audit" }]);
      } finally {
        p.done();
      }
    });
  });
}

test.run();
