import { test } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";
import { isAvailable, withTestDatabase, type TestDatabase } from "../support/databases.js";
import { startStrata } from "../support/strata-process.js";

/** Polls `probe` until it is true, for at most `seconds`. */
async function until(probe: () => Promise<boolean>, seconds: number, what: string): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Case {
  readonly sleep: string;
  /** Rows while the sleep runs on the server. */
  running(db: TestDatabase): Promise<number>;
  /** Rows while strata's migration lock is held by anyone. */
  locks(db: TestDatabase): Promise<number>;
  /** How the runner reports the state the database was left in. */
  readonly state: string;
}

const CASES: Record<"postgresql" | "mysql", Case> = {
  postgresql: {
    sleep: "SELECT pg_sleep(60)",
    running: async (db) =>
      (await db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'")).length,
    locks: async (db) =>
      (await db.query("SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()")).length,
    state: "failed and was rolled back; the database and the version table are as they were before it.",
  },
  mysql: {
    sleep: "SELECT SLEEP(60)",
    running: async (db) =>
      (await db.query("SELECT 1 FROM information_schema.processlist WHERE db = DATABASE() AND info LIKE 'SELECT SLEEP%'")).length,
    locks: async (db) =>
      (await db.query("SELECT 1 FROM information_schema.processlist WHERE 0 = IS_FREE_LOCK(CONCAT('strata:', SHA1(CONCAT(DATABASE(), '.strata_version')))) LIMIT 1")).length,
    state: "The version table still says aaaa00000001 (the last migration that completed).",
  },
};

for (const dialect of ["postgresql", "mysql"] as const) {
  if (!isAvailable(dialect)) continue;
  const c = CASES[dialect];
  test(`${dialect}: Ctrl-C during upgrade cancels the statement on the server, frees the lock, says where the database is, exits 130`, () =>
    withTestDatabase(dialect, async (db) => {
      const p = project({
        "migrations/aaaa00000001_first.ts": migrationFile({
          revision: "aaaa00000001",
          upgrade: '  await op.createTable("kept", s.column("id", s.integer(), { nullable: false }));',
          downgrade: '  await op.dropTable("kept");',
        }),
        "migrations/bbbb00000002_slow.ts": migrationFile({
          revision: "bbbb00000002",
          downRevision: "aaaa00000001",
          upgrade: `  await op.execute(${JSON.stringify(c.sleep)});\n  await op.createTable("never", s.column("id", s.integer(), { nullable: false }));`,
          downgrade: '  await op.dropTable("never");',
        }),
      });
      try {
        const { child, result } = startStrata(["upgrade", "head", "--url", db.url], { cwd: p.cwd });
        await until(async () => (await c.running(db)) > 0, 30, "the sleep to start");
        const started = Date.now();
        child.kill("SIGINT");
        const { code, out, err } = await result;
        assert.ok(Date.now() - started < 20_000, "the 60 s statement was cut short");
        assert.is(code, 130, err);
        assert.match(out, "upgrade aaaa00000001");
        assert.match(err, "interrupted: cancelling the running statement on the server (Ctrl-C again to quit at once)\n");
        assert.match(err, `strata upgrade: interrupted: upgrade bbbb00000002 (migrations/bbbb00000002_slow.ts) `);
        assert.match(err, c.state);
        assert.is(await c.running(db), 0, "the statement no longer runs on the server");
        assert.is(await c.locks(db), 0, "the migration lock is free");
        assert.equal(await db.query("SELECT version_num FROM strata_version"), [{ version_num: "aaaa00000001" }]);
        const never = await db.query("SELECT table_name FROM information_schema.tables WHERE table_name = 'never'");
        assert.equal(never, []);
      } finally {
        p.done();
      }
    }),
  );
}

test.run();
