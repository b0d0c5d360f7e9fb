import { test } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { project, schemaFile } from "./project.js";

const SCHEMA_COMMENTS = "select n.nspname, obj_description(n.oid, 'pg_namespace') as comment from pg_namespace n where n.nspname in ('api', 'empty') order by 1";

if (availableDialects().includes("postgresql")) {
  test("postgresql: schema comments are pulled, rebuilt, and a changed one migrates up and down exactly", async () => {
    await withTestDatabase("postgresql", async (original) => {
      await withTestDatabase("postgresql", async (copy) => {
        await original.run(`
          create schema api; comment on schema api is 'the public API';
          create table api.item (id int primary key);
          create schema empty; comment on schema empty is 'kept for grants'`);
        const p = project({ "schemas/.keep": "" });
        try {
          await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
          const schema = p.read("schemas/app.schema");
          assert.ok(schema.includes('\nschema api @comment("the public API")\n\nschema empty @comment("kept for grants")\n\ntable api.item {'), schema);
          assert.equal(await p.ok(["diff", "--url", original.url]), { code: 0, out: `${original.url}: no changes`, err: "" });
          await p.ok(["revision", "--autogenerate", "-m", "rebuild", "--url", copy.url, "--rev-id", "aaa111"]);
          await p.ok(["upgrade", "head", "--url", copy.url]);
          assert.equal((await p.ok(["check", "--url", copy.url])).out, `${copy.url}: matches the schema`);
          assert.equal(await copy.query(SCHEMA_COMMENTS), await original.query(SCHEMA_COMMENTS));
          assert.equal(catalogDifferences(await readCatalog(original), await readCatalog(copy)), []);

          p.write("schemas/app.schema", schema.replace('@comment("the public API")', '@comment("the v2 API")').replace(' @comment("kept for grants")', ""));
          assert.is((await p.ok(["diff", "--url", copy.url], 1)).out, `${copy.url}: 2 changes\n  ~ comment on schema api\n  - comment on schema empty`);
          await p.ok(["revision", "--autogenerate", "-m", "comments", "--url", copy.url, "--rev-id", "bbb222"]);
          const migration = p.read("migrations/bbb222_comments.ts");
          const body = (name: string) => migration.slice(migration.indexOf(`async function ${name}`)).split("\n}")[0].split("\n").slice(1).map((l) => l.trim()).filter((l) => !l.startsWith("//"));
          assert.equal(body("upgrade"), [
            'await op.createSchemaComment("api", "the v2 API", { existingComment: "the public API" });',
            'await op.dropSchemaComment("empty", { existingComment: "kept for grants" });',
          ]);
          assert.equal(body("downgrade"), [
            'await op.createSchemaComment("empty", "kept for grants");',
            'await op.createSchemaComment("api", "the public API", { existingComment: "the v2 API" });',
          ]);
          await p.ok(["upgrade", "head", "--url", copy.url]);
          assert.equal(await copy.query(SCHEMA_COMMENTS), [{ nspname: "api", comment: "the v2 API" }, { nspname: "empty", comment: null }]);
          assert.equal((await p.ok(["check", "--url", copy.url])).out, `${copy.url}: matches the schema`);
          await p.ok(["downgrade", "aaa111", "--url", copy.url]);
          assert.equal(await copy.query(SCHEMA_COMMENTS), await original.query(SCHEMA_COMMENTS));
        } finally {
          p.done();
        }
      });
    });
  });
}

test("sqlite: a schema with @comment is a located error", async () => {
  const p = project({ "schemas/app.schema": schemaFile("sqlite", "file:./dev.db", 'schema api @comment("x")') });
  try {
    const result = await p.ok(["check"], 2);
    assert.is(result.err, 'strata check: schemas/app.schema:6:1: schemas are not supported by sqlite\nschema api @comment("x")\n^');
  } finally {
    p.done();
  }
});

test.run();
