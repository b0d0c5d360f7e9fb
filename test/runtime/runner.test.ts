import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project, type Project } from "../acceptance/project.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";

const test = suite("migration runner");

const create = (table: string) =>
  `  await op.createTable(${JSON.stringify(table)}, s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));`;
const drop = (table: string) => `  await op.dropTable(${JSON.stringify(table)});`;

function writeMigration(
  p: Project,
  revision: string,
  downRevision: string | string[] | undefined,
  table?: string,
): void {
  const text = migrationFile({
    revision,
    downRevision: typeof downRevision === "string" ? downRevision : undefined,
    upgrade: table ? create(table) : "",
    downgrade: table ? drop(table) : "",
  });
  const parents = Array.isArray(downRevision)
    ? text.replace("export const downRevision = null;", `export const downRevision = ${JSON.stringify(downRevision)};`)
    : text;
  p.write(`migrations/${revision}.ts`, parents);
}

const tables = async (db: { query<R>(sql: string): Promise<R[]> }) =>
  (await db.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(
    (r) => r.name,
  );

test("branches: head is ambiguous, heads applies both, a merge joins them, undoing the merge leaves both", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    try {
      writeMigration(p, "base1", undefined, "a");
      writeMigration(p, "left2", "base1", "b");
      writeMigration(p, "right2", "base1", "c");
      const ambiguous = await p.strata("upgrade", "head", "--url", db.url);
      assert.is(ambiguous.code, 2);
      assert.match(ambiguous.err, '"head" is ambiguous: there are several heads (left2, right2)');
      await p.ok(["upgrade", "heads", "--url", db.url]);
      assert.equal((await p.ok(["current", "--url", db.url])).out, "left2 (head)\nright2 (head)");
      writeMigration(p, "merge3", ["left2", "right2"]);
      const merged = await p.ok(["upgrade", "head", "--url", db.url]);
      assert.match(merged.out, "Running upgrade left2, right2 -> merge3: migration merge3");
      assert.equal((await p.ok(["current", "--url", db.url])).out, "merge3 (head) (mergepoint)");
      await p.ok(["downgrade", "left2", "--url", db.url]);
      assert.equal((await p.ok(["current", "--url", db.url])).out, "left2\nright2");
      await p.ok(["downgrade", "base1", "--url", db.url]);
      assert.equal(await tables(db), ["a", "strata_version"]);
      const again = await p.ok(["upgrade", "base1", "--url", db.url]);
      assert.is(again.out.split("\n").at(-1), "nothing to do: the database is at base1");
    } finally {
      p.done();
    }
  });
});

test("targets that point the wrong way are refused with the verb to use", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    try {
      writeMigration(p, "r1", undefined, "a");
      writeMigration(p, "r2", "r1", "b");
      await p.ok(["upgrade", "head", "--url", db.url]);
      assert.equal(await p.strata("upgrade", "r1", "--url", db.url), {
        code: 2,
        out: `upgrading ${db.url} to r1`,
        err: "strata upgrade: r1 (r1) is below the current revision (r2); use `strata downgrade r1` to go back",
      });
      await p.ok(["downgrade", "r1", "--url", db.url]);
      assert.equal(await p.strata("downgrade", "r2", "--url", db.url), {
        code: 2,
        out: `downgrading ${db.url} to r2`,
        err: "strata downgrade: r2 (r2) is not applied (the database is at r1); use `strata upgrade r2`",
      });
      assert.equal((await p.ok(["upgrade", "+1", "--url", db.url])).out.split("\n").at(-1), "applied 1 migration");
      assert.equal((await p.ok(["current", "--url", db.url])).out, "r2 (head)");
    } finally {
      p.done();
    }
  });
});

test("stamp records a revision without running anything; stamp base empties the table", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    try {
      writeMigration(p, "r1", undefined, "a");
      writeMigration(p, "r2", "r1", "b");
      assert.equal((await p.ok(["stamp", "head", "--url", db.url])).out, `stamped ${db.url} at r2`);
      assert.equal(await tables(db), ["strata_version"]);
      assert.equal((await p.ok(["current", "--url", db.url])).out, "r2 (head)");
      assert.equal(
        (await p.ok(["upgrade", "head", "--url", db.url])).out.split("\n").at(-1),
        "nothing to do: the database is at r2",
      );
      await p.ok(["stamp", "base", "--url", db.url]);
      assert.equal((await p.ok(["current", "--url", db.url])).out, "base");
    } finally {
      p.done();
    }
  });
});

test("a revision recorded in the database but missing from the folder is an error, not a skip", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    try {
      writeMigration(p, "r1", undefined, "a");
      await p.ok(["upgrade", "head", "--url", db.url]);
      await db.run("INSERT INTO strata_version VALUES ('gone99', 1, 'x', 'then')");
      assert.equal(
        (await p.strata("upgrade", "head", "--url", db.url)).err,
        "strata upgrade: the database records revision gone99 as applied, but no migration file declares it; restore the file, or record where the database really is with `strata stamp`",
      );
      assert.equal((await p.ok(["current", "--url", db.url])).out, "gone99 (no migration file declares it)\nr1 (head)");
    } finally {
      p.done();
    }
  });
});

test("several databases: each runs its own functions and keeps its own version table", async () => {
  await withTestDatabase("sqlite", async (main) => {
    await withTestDatabase("sqlite", async (audit) => {
      const p = project({
        "strata.config.ts": `export default { databases: { main: { url: ${JSON.stringify(main.url)}, schema: "schemas/main.schema" }, audit: { url: ${JSON.stringify(audit.url)}, schema: "schemas/audit.schema" } } };\n`,
        "migrations/two1.ts": [
          'import { type Operations, s } from "strata";',
          'export const revision = "two1";',
          "export const downRevision = null;",
          "export const databases = {",
          `  main: { upgrade: async (op: Operations) => {\n${create("users")}\n  }, downgrade: async (op: Operations) => {\n${drop("users")}\n  } },`,
          `  audit: { upgrade: async (op: Operations) => {\n${create("events")}\n  }, downgrade: async (op: Operations) => {\n${drop("events")}\n  } },`,
          "};",
          "",
        ].join("\n"),
      });
      try {
        const up = await p.ok(["upgrade", "head"]);
        assert.equal(up.out.split("\n"), [
          "database main",
          `upgrading ${main.url} to head`,
          "Running upgrade base -> two1",
          "applied 1 migration",
          "database audit",
          `upgrading ${audit.url} to head`,
          "Running upgrade base -> two1",
          "applied 1 migration",
        ]);
        assert.equal(await tables(main), ["strata_version", "users"]);
        assert.equal(await tables(audit), ["events", "strata_version"]);
        assert.equal((await p.ok(["current"])).out, "main: two1 (head)\naudit: two1 (head)");
        await p.ok(["downgrade", "base"]);
        assert.equal([await tables(main), await tables(audit)], [["strata_version"], ["strata_version"]]);
      } finally {
        p.done();
      }
    });
  });
});

test("--sql on SQLite: the exact script; a table rebuild written from the migrations' own state runs; after raw SQL it needs the database", async () => {
  const p = project();
  try {
    writeMigration(p, "r1", undefined, "a");
    p.write(
      "migrations/r2.ts",
      migrationFile({
        revision: "r2",
        downRevision: "r1",
        upgrade:
          '  await op.alterColumn("a", "id", { type: s.bigint(), existingType: s.integer(), existingNullable: false });',
        downgrade: "",
      }),
    );
    const script = await p.ok(["upgrade", "r1", "--sql", "--url", "file:never-opened.db"]);
    assert.equal(
      script.out.replace(/'[0-9a-f]{64}', '[^']+'/, "'CHECKSUM', 'NOW'"),
      [
        "-- strata upgrade base:r1 on sqlite, written offline by `--sql`",
        'CREATE TABLE IF NOT EXISTS "strata_version" ("version_num" VARCHAR(64) NOT NULL PRIMARY KEY, "is_head" INTEGER NOT NULL, "checksum" VARCHAR(64) NOT NULL, "applied_at" VARCHAR(32) NOT NULL);',
        "",
        "-- Running upgrade base -> r1: migration r1 (migrations/r1.ts)",
        "PRAGMA foreign_keys = OFF;",
        "BEGIN;",
        'CREATE TABLE "a" (\n  "id" INTEGER NOT NULL,\n  PRIMARY KEY ("id")\n);',
        `INSERT INTO "strata_version" ("version_num", "is_head", "checksum", "applied_at") VALUES ('r1', 1, 'CHECKSUM', 'NOW');`,
        "-- must return no rows, else: the migration leaves rows that violate a foreign key (SQLite migrations run with foreign keys off and check them all before COMMIT)",
        "PRAGMA foreign_key_check;",
        "COMMIT;",
        "PRAGMA foreign_keys = ON;",
        "",
      ].join("\n"),
    );
    // The rebuild is written from the migrations' own state (r1 created "a"), and the script runs as written.
    const rebuild = await p.ok(["upgrade", "r1:r2", "--sql", "--url", "file:never-opened.db"]);
    assert.match(rebuild.out, 'CREATE TABLE "a__strata_rebuild" (\n  "id" BIGINT NOT NULL,\n  PRIMARY KEY ("id")\n);');
    assert.match(rebuild.out, 'ALTER TABLE "a__strata_rebuild" RENAME TO "a";');
    await withTestDatabase("sqlite", async (db) => {
      await db.run('CREATE TABLE "a" ("id" INTEGER NOT NULL, PRIMARY KEY ("id")); INSERT INTO a VALUES (7);');
      await db.run(rebuild.out.replace(/^CREATE TABLE IF NOT EXISTS "strata_version".*$/m, "").replace(/^(UPDATE|INSERT INTO|DELETE FROM) "strata_version".*$/gm, ""));
      assert.equal(await db.query("SELECT type FROM pragma_table_info('a')"), [{ type: "BIGINT" }]);
      assert.equal(await db.query("SELECT id FROM a"), [{ id: 7 }]);
    });
    // After raw SQL the model cannot follow the table, so a later rebuild still says it needs the database.
    p.write(
      "migrations/r3.ts",
      migrationFile({
        revision: "r3",
        downRevision: "r2",
        upgrade: '  await op.execute("ALTER TABLE a ADD COLUMN note TEXT");\n  await op.alterColumn("a", "note", { nullable: false, existingType: s.text(), existingNullable: true });',
        downgrade: "",
      }),
    );
    assert.equal(await p.strata("upgrade", "r2:r3", "--sql", "--url", "file:never-opened.db"), {
      code: 2,
      out: "",
      err: 'strata upgrade: migrations/r3.ts cannot be written as SQL without a database: rebuilding SQLite table "a" re-creates it from the live database, which this context cannot read; run it online instead',
    });
    assert.not.ok(existsSync(join(p.cwd, "never-opened.db")));
  } finally {
    p.done();
  }
});

test("SQLite: rebuilding a table that others reference with ON DELETE CASCADE keeps every row of both", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const p = project();
    try {
      await db.run(`
        CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(10) NOT NULL);
        CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);
        INSERT INTO parent VALUES (1, 'one'), (2, 'two');
        INSERT INTO child VALUES (10, 1), (20, 2);
      `);
      p.write(
        "migrations/r1.ts",
        migrationFile({
          revision: "r1",
          upgrade:
            '  await op.alterColumn("parent", "name", { type: s.varchar(50), existingType: s.varchar(10), existingNullable: false });',
          downgrade: "",
        }),
      );
      await p.ok(["upgrade", "head", "--url", db.url]);
      assert.equal(await db.query("SELECT type FROM pragma_table_info('parent') WHERE name = 'name'"), [
        { type: "VARCHAR(50)" },
      ]);
      assert.equal(await db.query("SELECT id, name FROM parent ORDER BY id"), [
        { id: 1, name: "one" },
        { id: 2, name: "two" },
      ]);
      assert.equal(await db.query("SELECT id, parent_id FROM child ORDER BY id"), [
        { id: 10, parent_id: 1 },
        { id: 20, parent_id: 2 },
      ]);
    } finally {
      p.done();
    }
  });
});

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: a failure after an enum value was added says what committed, and the database shows it`, async () => {
    await withTestDatabase(dialect, async (db) => {
      const p = project();
      try {
        await db.run("CREATE TYPE mood AS ENUM ('calm')");
        writeMigration(p, "r1", undefined, "a");
        p.write(
          "migrations/r2.ts",
          migrationFile({
            revision: "r2",
            downRevision: "r1",
            // ALTER TYPE ... ADD VALUE commits what ran before it and itself; the failing statement after it is rolled back alone.
            upgrade: `${create("b")}\n  await op.addEnumValue("mood", "busy");\n${create("c")}\n  await op.execute("SELECT 1 / 0");`,
            downgrade: "",
          }),
        );
        const failed = await p.strata("upgrade", "head", "--url", db.url);
        assert.is(failed.code, 2);
        assert.equal(failed.err.split("\n").slice(0, 2), [
          "strata upgrade: upgrade r2 (migrations/r2.ts) failed after 2 of its statements had committed (a statement that commits on its own commits the ones before it), " +
            "so those 2 statements stay applied; the statements after them were rolled back. The version table still says r1 (the last migration that completed). " +
            "Undo or finish the partial change by hand before running strata again.",
          "division by zero",
        ]);
        assert.equal((await p.ok(["current", "--url", db.url])).out, "r1");
        assert.equal(await db.query("SELECT to_regclass('b')::text AS b, to_regclass('c')::text AS c"), [{ b: "b", c: null }]);
        assert.equal(await db.query("SELECT enum_range(NULL::mood)::text AS mood"), [{ mood: "{calm,busy}" }]);
      } finally {
        p.done();
      }
    });
  });

  test(`${dialect}: CREATE INDEX CONCURRENTLY runs only in a migration marked transactional = false`, async () => {
    await withTestDatabase(dialect, async (db) => {
      const p = project();
      try {
        writeMigration(p, "r1", undefined, "a");
        const concurrent = '  await op.createIndex("ix_a_id", "a", ["id"], { concurrently: true });';
        p.write(
          "migrations/r2.ts",
          migrationFile({
            revision: "r2",
            downRevision: "r1",
            upgrade: `${create("b")}\n${concurrent}`,
            downgrade: "",
          }),
        );
        const refused = await p.strata("upgrade", "head", "--url", db.url);
        assert.is(refused.code, 2);
        assert.equal(refused.err.split("\n"), [
          "strata upgrade: upgrade r2 (migrations/r2.ts) failed and was rolled back; the database and the version table are as they were before it.",
          '`CREATE INDEX CONCURRENTLY "ix_a_id" ON "a" ("id")` cannot run inside a transaction; add `export const transactional = false;` to migrations/r2.ts to run that migration without one',
        ]);
        assert.equal((await p.ok(["current", "--url", db.url])).out, "r1");
        assert.equal(await db.query("SELECT to_regclass('b') AS b"), [{ b: null }]);

        // A new file name: this process has already imported r2.ts, and imports are cached.
        rmSync(join(p.cwd, "migrations/r2.ts"));
        p.write(
          "migrations/r2_marked.ts",
          migrationFile({
            revision: "r2",
            downRevision: "r1",
            upgrade: concurrent,
            downgrade: "",
            extra: "export const transactional = false;",
          }),
        );
        await p.ok(["upgrade", "head", "--url", db.url]);
        assert.equal(await db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'a' ORDER BY 1"), [
          { indexname: "a_pkey" },
          { indexname: "ix_a_id" },
        ]);
        assert.equal((await p.ok(["current", "--url", db.url])).out, "r2 (head)");
      } finally {
        p.done();
      }
    });
  });
}

test.run();
