import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
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
  // Tables only outside public, as in AdventureWorks: humanresources and sales, a cross-schema key, an enum.
  const OUTSIDE_PUBLIC = `
    create schema humanresources; create schema sales;
    create type humanresources.shift as enum ('day', 'night');
    create table humanresources.employee (id int primary key, name text not null, shift humanresources.shift default 'day');
    create table sales.person (id int primary key references humanresources.employee (id), quota numeric(12, 2));
    create sequence sales.invoice_seq;`;

  test("postgresql: every schema by default: pull, diff clean, and a copy built from the pull has the same catalog", async () => {
    await withTestDatabase("postgresql", async (original) => {
      await withTestDatabase("postgresql", async (copy) => {
        await original.run(OUTSIDE_PUBLIC);
        const p = project({ "schemas/.keep": "" });
        try {
          const pulled = await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
          assert.is(pulled.err, "wrote schemas/app.schema");
          const schema = p.read("schemas/app.schema");
          for (const name of ["enum humanresources.shift", "table humanresources.employee", "table sales.person", "sequence sales.invoice_seq"]) {
            assert.ok(schema.includes(name), `${name} in:\n${schema}`);
          }
          assert.equal(await p.ok(["diff", "--url", original.url]), { code: 0, out: `${original.url}: no changes`, err: "" });
          await p.ok(["revision", "--autogenerate", "-m", "all schemas", "--url", copy.url]);
          await p.ok(["upgrade", "head", "--url", copy.url]);
          assert.equal((await p.ok(["check", "--url", copy.url])).out, `${copy.url}: matches the schema`);
          assert.equal(catalogDifferences(await readCatalog(original), await readCatalog(copy)), []);
          const kinds = async (db: typeof original) =>
            db.query("select n.nspname, t.typname from pg_type t join pg_namespace n on n.oid = t.typnamespace where t.typtype = 'e' or t.typname = 'invoice_seq' order by 1, 2");
          assert.equal(await kinds(copy), await kinds(original));
        } finally {
          p.done();
        }
      });
    });
  });

  test("postgresql: a schema left out by --schemas or includeSchemas is named, in the database and in the .schema", async () => {
    await withTestDatabase("postgresql", async (db) => {
      await db.run(OUTSIDE_PUBLIC);
      const p = project({ "schemas/.keep": "" });
      try {
        const pulled = await p.ok(["pull", "--url", db.url, "--schemas", "humanresources"]);
        assert.ok(!pulled.out.includes("sales."), pulled.out);
        assert.is(pulled.err, 'warning: schema "sales" is outside includeSchemas: its objects were skipped');
        p.write("schemas/app.schema", schemaFile("postgresql", db.url, "table audit.event {\n  id integer @id\n}"));
        p.write("strata.config.ts", 'export default { includeSchemas: ["audit"] };\n');
        const diff = await p.ok(["diff"], 1);
        assert.is(diff.out, `${db.url}: 2 changes\n  + schema audit\n  + table audit.event`);
        assert.equal(diff.err.split("\n"), [
          'warning: schema "humanresources" is outside includeSchemas: its objects were skipped',
          'warning: schema "sales" is outside includeSchemas: its objects were skipped',
        ]);
        const check = await p.ok(["check", "--schemas", "sales"], 1);
        assert.equal(check.err.split("\n"), [
          'warning: schema "humanresources" is outside includeSchemas: its objects were skipped',
          'warning: schema "audit" of the schema file is outside includeSchemas: its objects were not compared',
          "run `strata upgrade head` if a migration is pending, else `strata revision --autogenerate -m MSG`",
        ]);
        assert.match(check.out, "- table sales.person");
      } finally {
        p.done();
      }
    });
  });
}

test.run();
