/**
 * Verification on a scratch database, through the CLI on each dialect:
 * `revision --autogenerate` proves what it wrote and says so in the file;
 * `strata verify` reports the first step that fails (a statement the
 * database refuses, a difference left against the schema, a downgrade that
 * does not restore the catalog); the real database is never touched; a
 * `devUrl` database is used when given, and emptied again.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName, type TestDatabase } from "../support/databases.js";
import { migrationFile } from "./migration.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: verify migrations on a scratch database");

const SCHEMA = `table t {
  id   integer @id
  name varchar(20)?
}`;

const CREATE = `  await op.createTable(
    "t",
    s.column("id", s.integer(), { nullable: false }),
    s.column("name", s.varchar(20), { nullable: true }),
    s.primaryKey("id"),
  );`;

const ALL_STEPS = "parent, upgrade, diff, downgrade, catalog, upgrade again";

/** The tables a database holds, by its own catalog (the version table included). */
async function tableNames(db: TestDatabase): Promise<string[]> {
  const sql: Record<DialectName, string> = {
    sqlite: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    postgresql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    mysql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1",
  };
  return (await db.query<{ name: string }>(sql[db.dialect])).map((r) => r.name);
}

const cases: Array<LaneCase & { name: string }> = [];

for (const dialect of availableDialects()) {
  cases.push({
    lane: dialect,
    name: `${dialect}: revision --autogenerate verifies the file it wrote and says so; --no-verify says it did not`,
    run: () =>
      withTestDatabase(dialect, async (db) => {
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, SCHEMA) });
        try {
          const first = await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "v1"]);
          assert.equal(first.out, [
            "wrote migrations/v1_first.ts",
            `verified v1 (migrations/v1_first.ts) on a scratch ${dialect} database: ${ALL_STEPS}`,
          ].join("\n"));
          assert.match(p.read("migrations/v1_first.ts"), ` * Verified: on a scratch ${dialect} database (upgrade, diff, downgrade, catalog, upgrade again)\n */`);
          assert.equal(await tableNames(db), [], "the real database is untouched");

          await p.ok(["upgrade", "head"]);
          p.write("schemas/app.schema", schemaFile(dialect, db.url, `${SCHEMA}\n\ntable u {\n  id integer @id\n}`));
          const second = await p.ok(["revision", "--autogenerate", "-m", "second", "--rev-id", "v2", "--no-verify"]);
          assert.equal(second.out, "wrote migrations/v2_second.ts");
          assert.match(p.read("migrations/v2_second.ts"), " * Verified: no (written with --no-verify)\n */");
          // verify with no revision verifies the head; the real database runs it next, so it starts from a copy of it.
          const verified = await p.ok(["verify"]);
          assert.equal(verified.out, `verified v2 (migrations/v2_second.ts) on a scratch ${dialect} database, from a copy of the database (at v1): ${ALL_STEPS}`);
          assert.equal(await tableNames(db), ["strata_version", "t"], "the real database is untouched");
        } finally {
          p.done();
        }
      }),
  });

  cases.push({
    lane: dialect,
    name: `${dialect}: verify reports the first failing step, with the statement and the database's error`,
    run: () =>
      withTestDatabase(dialect, async (db) => {
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, SCHEMA) });
        // One revision per case: a module is imported once per process, so an edited file would not be read again.
        let revision = "";
        const write = (id: string, upgrade: string, downgrade: string) => {
          for (const file of p.migrations()) rmSync(join(p.cwd, "migrations", file));
          revision = id;
          p.write(`migrations/${id}_t.ts`, migrationFile({ revision: id, upgrade, downgrade }));
        };
        const failure = (step: string, what: string) =>
          `${revision} (migrations/${revision}_t.ts): verification on a scratch ${dialect} database, from a copy of the database (at base) (the real one was not touched) ` +
          `failed at the ${step} step, which is to ${what}:\n`;
        try {
          write("a1", CREATE, '  await op.execute("DROP TABLE nope");');
          const refused = await p.ok(["verify", "a1"], 1);
          assert.equal(refused.out, "");
          assert.ok(refused.err.startsWith(`${failure("downgrade", "run the downgrade")}downgrade a1 (migrations/a1_t.ts) failed`), refused.err);
          assert.ok(refused.err.endsWith("\n  while running: DROP TABLE nope"), refused.err);

          write("b1", CREATE, '  await op.execute("ALTER TABLE t DROP COLUMN name");');
          const leftover = await p.ok(["verify", "b1"], 1);
          const lines = leftover.err.split("\n");
          assert.equal(lines.slice(0, 2), [
            failure("catalog", "compare the catalog after the downgrade with the parent state (it must be the same)").trimEnd(),
            "the downgrade did not restore the parent state (- what the parent state had, + what is there instead):",
          ]);
          assert.ok(lines.slice(2).length > 0 && lines.slice(2).every((l) => l.startsWith("  + table t")), leftover.err);

          write("c1", CREATE.replace('    s.column("name", s.varchar(20), { nullable: true }),\n', ""), '  await op.dropTable("t");');
          const differs = await p.ok(["verify"], 1);
          assert.equal(differs.err, [
            failure("diff", "compare the upgraded database with the schema (no difference may be left)") +
              "after the upgrade the database still differs from the schema",
            "  + column t.name varchar(20)?",
          ].join("\n"));

          assert.equal(await tableNames(db), [], "the real database is untouched");
        } finally {
          p.done();
        }
      }),
  });

  cases.push({
    lane: dialect,
    name: `${dialect}: a database adopted without a baseline: verify starts from a copy of it, and says why replaying from base cannot work`,
    run: () =>
      withTestDatabase(dialect, async (db) => {
        // The table predates strata: no migration creates it, and the first migration changes it.
        await db.run("CREATE TABLE t (id integer PRIMARY KEY)");
        const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, SCHEMA) });
        try {
          p.write(
            "migrations/r1_adopted.ts",
            migrationFile({ revision: "r1", upgrade: '  await op.addColumn("t", s.column("name", s.varchar(20), { nullable: true }));', downgrade: '  await op.dropColumn("t", "name");' }),
          );
          const next = await p.ok(["verify"]);
          assert.equal(next.out, [
            `verified r1 (migrations/r1_adopted.ts) on a scratch ${dialect} database, from a copy of the database (at base): ${ALL_STEPS}`,
            // The copy holds t, so on PostgreSQL the lock the new column takes on it shows.
            ...(dialect === "postgresql" ? ["  the upgrade's operations took, on the tables that existed before it:", "    addColumn on t: AccessExclusiveLock on t"] : []),
          ].join("\n"));
          await p.ok(["upgrade", "head"]);
          // Applied now: its parent state is built from an empty database, which has no table t.
          const applied = await p.ok(["verify", "r1"], 1);
          assert.ok(
            applied.err.startsWith(`r1 (migrations/r1_adopted.ts): verification on a scratch ${dialect} database (the real one was not touched) failed at the upgrade step`),
            applied.err,
          );
          assert.ok(
            applied.err.endsWith(
              "\n  The scratch database was built from an empty one by the migrations up to this revision. If the real database was adopted " +
                "without a baseline migration (it has tables that no migration creates), they cannot build it: verify a migration before it is " +
                "applied (`strata verify` then starts from a copy of the database it will run on), or add a first migration that creates what " +
                "the database held when strata took it over.",
            ),
            applied.err,
          );
        } finally {
          p.done();
        }
      }),
  });

  if (dialect === "sqlite") continue;
  if (dialect === "postgresql") {
    cases.push({
      lane: dialect,
      name: "postgresql: verify says what the upgrade locked and rewrote on the tables that were there before it, and warns where the analysis disagrees",
      run: () =>
        withTestDatabase(dialect, async (db) => {
          const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, SCHEMA) });
          try {
            await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "v1", "--no-verify"]);
            await p.ok(["upgrade", "head"]);
            const indexed = SCHEMA.replace("\n}", '\n\n  @@index([name], name: "ix_t_name")\n}').replace("varchar(20)?", "text?");
            p.write("schemas/app.schema", schemaFile(dialect, db.url, indexed));
            await p.ok(["revision", "--autogenerate", "-m", "second", "--rev-id", "v2", "--no-verify"]);
            const verified = await p.ok(["verify"]);
            assert.equal(verified.out, [
              `verified v2 (migrations/v2_second.ts) on a scratch postgresql database, from a copy of the database (at v1): ${ALL_STEPS}`,
              "  the upgrade's operations took, on the tables that existed before it:",
              "    alterColumn on t: AccessExclusiveLock on t",
              // Its SHARE lock is hidden: the transaction holds ACCESS EXCLUSIVE on t since the column change.
              "    createIndex on t: t was under AccessExclusiveLock already",
            ].join("\n"));
            assert.equal(verified.err, "");

            // Raw SQL is not analysed: a rewrite it makes is where the analysis and the database disagree, said as a warning.
            p.write(
              "migrations/v3_rewrite.ts",
              migrationFile({
                revision: "v3",
                downRevision: "v2",
                upgrade: '  await op.execute("ALTER TABLE t ALTER COLUMN name TYPE text USING name || \'\'");',
                downgrade: '  await op.execute("SELECT 1");',
              }),
            );
            const rewritten = await p.ok(["verify", "v3"]);
            assert.equal(rewritten.out, [
              `verified v3 (migrations/v3_rewrite.ts) on a scratch postgresql database: ${ALL_STEPS}`,
              "  the upgrade's operations took, on the tables that existed before it:",
              "    executeSQL: AccessExclusiveLock on t, rewrote t",
            ].join("\n"));
            assert.equal(rewritten.err, "  warning: the lock analysis (strata lint) disagrees with the database: executeSQL: rewrote t, and no hazard says so");
          } finally {
            p.done();
          }
        }),
    });
  }
  cases.push({
    lane: dialect,
    name: `${dialect}: a devUrl database is used when given, must be empty, and is emptied again`,
    run: () =>
      withTestDatabase(dialect, async (db) =>
        withTestDatabase(dialect, async (dev) => {
          const p = project({
            "schemas/app.schema": schemaFile(dialect, db.url, SCHEMA),
            "strata.config.ts": `export default { devUrl: ${JSON.stringify(dev.url)} };\n`,
          });
          try {
            await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "v1"]);
            assert.equal(await tableNames(dev), [], "the devUrl database is emptied after use");
            await dev.run("CREATE TABLE stray (id integer)");
            const busy = await p.ok(["verify"], 2);
            assert.match(busy.err, /^strata verify: the devUrl database .* is not empty \((public\.)?stray\); strata fills it and empties it again/, busy.err);
            assert.equal(await tableNames(db), [], "the real database is untouched");
          } finally {
            p.done();
          }
        }),
      ),
  });
}

testInLanes(test, cases);

test.run();
