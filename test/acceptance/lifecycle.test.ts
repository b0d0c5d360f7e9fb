import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { readCatalog } from "./catalog.js";
import { migrationFile } from "./migration.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: upgrade, check, downgrade");

const KEEP = "table keep {\n  id integer @id\n}";
const V1 = `${KEEP}\n\ntable author {\n  id integer @id\n  name varchar(50)\n}`;
const V2 = `${KEEP}\n\ntable author {\n  id integer @id\n  name varchar(120)\n  bio text?\n\n  @@index([name])\n}`;

const cases: Array<LaneCase & { name: string }> = [];

for (const dialect of availableDialects()) {
  cases.push({
    lane: dialect,
    name: `${dialect}: autogenerate + upgrade leave no diff, rows survive, downgrade base restores the start`,
    run: async () => {
      await withTestDatabase(dialect, async (db) => {
        await db.run("CREATE TABLE keep (id integer NOT NULL PRIMARY KEY)");
        const start = await readCatalog(db);
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, V1) });
        try {
          await p.ok(["revision", "--autogenerate", "-m", "authors", "--rev-id", "aaa111"]);
          assert.equal(await p.ok(["upgrade", "head"]), {
            code: 0,
            out: `upgrading ${db.url} to head\nRunning upgrade base -> aaa111: authors\napplied 1 migration`,
            err: "",
          });
          assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
          assert.equal((await p.ok(["current"])).out, "aaa111 (head)");
          await db.run("INSERT INTO author (id, name) VALUES (1, 'Ada'), (2, 'Grace')");

          p.write("schemas/app.schema", schemaFile(dialect, db.url, V2));
          await p.ok(["revision", "--autogenerate", "-m", "wider names", "--rev-id", "bbb222"]);
          await p.ok(["upgrade", "head"]);
          assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
          // Widening a type (a table rebuild on SQLite) and adding a column keep every row.
          assert.equal(await db.query("SELECT id, name, bio FROM author ORDER BY id"), [
            { id: 1, name: "Ada", bio: null },
            { id: 2, name: "Grace", bio: null },
          ]);

          const down = await p.ok(["downgrade", "base"]);
          assert.equal(down.err.split("\n"), [
            "warning: bbb222 (migrations/bbb222_wider_names.ts) loses data: alters column author.name: narrows or converts varchar(120) → varchar(50); existing values may be truncated or fail to convert",
            "warning: bbb222 (migrations/bbb222_wider_names.ts) loses data: drops column author.bio and its data",
            "warning: aaa111 (migrations/aaa111_authors.ts) loses data: drops table author and all its rows",
          ]);
          assert.equal((await p.ok(["current"])).out, "base");
          assert.equal(await readCatalog(db), start);
        } finally {
          p.done();
        }
      });
    },
  });

  cases.push({
    lane: dialect,
    name: `${dialect}: a migration that fails halfway ${transactional(dialect) ? "leaves no trace" : "says where it stopped"}`,
    run: async () => {
      await withTestDatabase(dialect, async (db) => {
        const p = project();
        try {
          p.write(
            "migrations/m1_first.ts",
            migrationFile({
              revision: "m1",
              upgrade:
                '  await op.createTable("a", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));',
              downgrade: '  await op.dropTable("a");',
            }),
          );
          await p.ok(["upgrade", "head", "--url", db.url]);
          const afterFirst = await readCatalog(db);
          p.write(
            "migrations/m2_broken.ts",
            migrationFile({
              revision: "m2",
              downRevision: "m1",
              upgrade: [
                '  await op.createTable("b", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));',
                '  await op.addColumn("a", s.column("note", s.text(), { nullable: true }));',
                '  await op.execute("THIS IS NOT SQL");',
              ].join("\n"),
              downgrade: '  await op.dropTable("b");',
            }),
          );
          const failed = await p.ok(["upgrade", "head", "--url", db.url], 2);
          assert.equal(failed.out, `upgrading ${db.url} to head\nRunning upgrade m1 -> m2: migration m2`);
          // Hazards are listed before the upgrade starts; the failure follows them.
          const headline = failed.err.split("\n").find((line) => line.startsWith("strata upgrade:"));
          assert.equal((await p.ok(["current", "--url", db.url])).out, "m1");
          if (transactional(dialect)) {
            assert.is(
              headline,
              "strata upgrade: upgrade m2 (migrations/m2_broken.ts) failed and was rolled back; the database and the version table are as they were before it.",
            );
            assert.equal(await readCatalog(db), afterFirst);
          } else {
            assert.is(
              headline,
              "strata upgrade: upgrade m2 (migrations/m2_broken.ts) failed after 2 of its statements ran; mysql commits each DDL statement as it runs, " +
                "so those 2 statements stay applied and were not rolled back. The version table still says m1 (the last migration that completed). " +
                "Undo or finish the partial change by hand before running strata again.",
            );
            assert.equal(Object.keys((await readCatalog(db)).tables), ["a", "b"]);
          }
          assert.match(failed.err, "while running: THIS IS NOT SQL");
        } finally {
          p.done();
        }
      });
    },
  });

  cases.push({
    lane: dialect,
    name: `${dialect}: upgrade and downgrade refuse, naming the file, when an applied migration was edited; stamp where the database is accepts the edit`,
    run: async () => {
      await withTestDatabase(dialect, async (db) => {
        const p = project();
        try {
          const m1 = migrationFile({
            revision: "m1",
            upgrade:
              '  await op.createTable("a", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));',
            downgrade: '  await op.dropTable("a");',
          });
          p.write("migrations/m1_first.ts", m1);
          await p.ok(["upgrade", "head", "--url", db.url]);
          p.write("migrations/m1_first.ts", m1.replaceAll("\n", "\r\n"));
          assert.equal(
            (await p.ok(["upgrade", "head", "--url", db.url])).out,
            `upgrading ${db.url} to head\nnothing to do: the database is at m1`,
          );
          p.write("migrations/m1_first.ts", m1.replace("createTable(", "createTable( // edited\n"));
          const refusal = (verb: string) =>
            `strata ${verb}: migrations/m1_first.ts (revision m1) was edited after being applied to this database; nothing was run. ` +
            "Undo the edit and put the change in a new migration (`strata revision`), or, when the edit is intended and the database " +
            "already matches it, accept it with `strata stamp m1` (records the files' checksums as they are now)";
          assert.equal(await p.strata("upgrade", "head", "--url", db.url), {
            code: 2,
            out: `upgrading ${db.url} to head`,
            err: refusal("upgrade"),
          });
          const before = await readCatalog(db);
          assert.equal(await p.strata("downgrade", "base", "--url", db.url), {
            code: 2,
            out: `downgrading ${db.url} to base`,
            err: refusal("downgrade"),
          });
          assert.equal(await readCatalog(db), before);
          assert.equal((await p.ok(["stamp", "m1", "--url", db.url])).out, [
            "accepted the edit of migrations/m1_first.ts (revision m1): recorded its checksum as it is now",
            `stamped ${db.url} at m1`,
          ].join("\n"));
          assert.equal((await p.ok(["stamp", "m1", "--url", db.url])).out, `stamped ${db.url} at m1`);
          await p.ok(["downgrade", "base", "--url", db.url]);
          assert.equal(Object.keys((await readCatalog(db)).tables), []);
        } finally {
          p.done();
        }
      });
    },
  });
}

for (const dialect of availableDialects()) {
  cases.push({
    lane: dialect,
    name: `${dialect}: a version table edited by hand is an error that names what is wrong and how to repair it`,
    run: async () => {
      await withTestDatabase(dialect, async (db) => {
        const p = project();
        try {
          for (const [revision, down, table] of [["m1", undefined, "a"], ["m2", "m1", "b"], ["m3", "m2", "c"]] as const) {
            p.write(
              `migrations/${revision}.ts`,
              migrationFile({
                revision,
                downRevision: down,
                upgrade: `  await op.createTable("${table}", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));\n  await op.bulkInsert("${table}", [{ id: 1 }]);`,
                downgrade: `  await op.dropTable("${table}");`,
              }),
            );
          }
          await p.ok(["upgrade", "head", "--url", db.url]);
          const before = await readCatalog(db);
          await db.run("DELETE FROM strata_version WHERE version_num = 'm2'");
          const refused = await p.strata("downgrade", "base", "--url", db.url);
          assert.equal(refused.err.split("\n"), [
            "strata downgrade: the version table strata_version is inconsistent (edited by hand?), so strata cannot tell which migrations have run; nothing was changed:",
            "  - m3 is recorded as applied, but its parent m2 is not",
            "Find out which revision the database's schema is really at (`strata check` with the schema of that revision tells),",
            "then record it with `strata stamp REVISION` (the highest revision recorded is m3: `strata stamp m3`).",
          ]);
          assert.is(refused.code, 2);
          assert.equal(await readCatalog(db), before);
          assert.equal(await db.query("SELECT id FROM c"), [{ id: 1 }]);

          await db.run("DELETE FROM strata_version WHERE version_num = 'm3'");
          const headless = await p.strata("upgrade", "head", "--url", db.url);
          assert.is(headless.code, 2);
          assert.match(headless.err, "  - m1 is not marked as a head, but no recorded revision stands on it\n");
          assert.equal(await readCatalog(db), before);

          await p.ok(["stamp", "m3", "--url", db.url]);
          await p.ok(["downgrade", "base", "--url", db.url]);
          assert.equal(Object.keys((await readCatalog(db)).tables), []);
        } finally {
          p.done();
        }
      });
    },
  });
}

function transactional(dialect: DialectName): boolean {
  return dialect !== "mysql";
}

test("--sql prints the whole script without connecting, and no output shows a password", async () => {
  const p = project();
  try {
    p.write(
      "migrations/m1_first.ts",
      migrationFile({
        revision: "m1",
        upgrade: '  await op.createTable("a", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));',
        downgrade: '  await op.dropTable("a");',
      }),
    );
    const url = "postgres://admin:s3cr%40t@127.0.0.1:1/nowhere";
    const script = await p.ok(["upgrade", "head", "--sql", "--url", url]);
    const lines = script.out.split("\n");
    assert.equal(lines.slice(0, 7), [
      "-- strata upgrade base:head on postgresql, written offline by `--sql`",
      'CREATE TABLE IF NOT EXISTS "strata_version" ("version_num" VARCHAR(64) NOT NULL PRIMARY KEY, "is_head" INTEGER NOT NULL, "checksum" VARCHAR(64) NOT NULL, "applied_at" VARCHAR(32) NOT NULL);',
      "",
      "-- Running upgrade base -> m1: migration m1 (migrations/m1_first.ts)",
      "BEGIN;",
      'CREATE TABLE "a" (',
      '  "id" integer NOT NULL,',
    ]);
    assert.match(
      script.out,
      /INSERT INTO "strata_version" \("version_num", "is_head", "checksum", "applied_at"\) VALUES \('m1', 1, '[0-9a-f]{64}', '[^']+'\);\nCOMMIT;\n$/,
    );
    const down = await p.ok(["downgrade", "m1:base", "--sql", "--url", url]);
    assert.match(down.out, `DROP TABLE "a";\nDELETE FROM "strata_version" WHERE "version_num" IN ('m1');\nCOMMIT;`);
    assert.equal(await p.strata("downgrade", "base", "--sql", "--url", url), {
      code: 2,
      out: "",
      err: "strata downgrade: downgrade --sql needs to know where the database is: write START:base (e.g. head:base)",
    });
    const online = await p.strata("upgrade", "head", "--url", url);
    assert.is(online.code, 2);
    assert.match(online.err, "cannot connect to postgres://admin:***@127.0.0.1:1/nowhere");
    for (const output of [script, down, online]) assert.not.match(output.out + output.err, /s3cr/);
  } finally {
    p.done();
  }
});

testInLanes(test, cases);

test.run();
