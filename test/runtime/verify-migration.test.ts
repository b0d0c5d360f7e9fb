/**
 * The verification runner as a module, watching locks on PostgreSQL: the
 * verified upgrade's operations (not those of the migrations below it) are
 * observed from a second connection inside the migration's transaction,
 * each with the locks it took and the tables it rewrote on the tables that
 * existed before, and the hazard analysis is held to them.
 */
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { describeOp } from "../../src/lint/lint-report.js";
import { loadRevisionGraph } from "../../src/revisions/index.js";
import type { LockCheck } from "../../src/runtime/lock-predictions.js";
import { openScratchDatabase } from "../../src/runtime/scratch-database.js";
import { verifyMigration } from "../../src/runtime/verify-migration.js";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";

const test = suite("verify watches locks");

const PARENT = migrationFile({
  revision: "h1",
  upgrade: [
    '  await op.execute("CREATE TABLE orders (id integer PRIMARY KEY, note varchar(20))");',
    // Enough rows that a CONCURRENTLY build outlasts several polls of pg_locks, however busy the machine.
    '  await op.execute("INSERT INTO orders SELECT g, \'n\' || g FROM generate_series(1, 200000) g");',
  ].join("\n"),
  downgrade: '  await op.execute("DROP TABLE orders");',
});

/** Verifies `upgrade` (a migration above PARENT) with a lock observer; returns what it saw, one line per operation. */
async function watched(url: string, upgrade: string, downgrade: string, extra?: string): Promise<{ seen: string[]; check: LockCheck }> {
  const p = project();
  const scratch = await openScratchDatabase(postgresqlDialect, url);
  const observer = await postgresqlDialect.connect(scratch.url!);
  try {
    p.write("migrations/h1.ts", PARENT);
    p.write("migrations/h2.ts", migrationFile({ revision: "h2", downRevision: "h1", upgrade, downgrade, extra }));
    const graph = await loadRevisionGraph(join(p.cwd, "migrations"), p.cwd);
    const result = await verifyMigration({ scratch: scratch.connection, observer, graph, revision: "h2", versionTable: "strata_version", database: "default", cwd: p.cwd });
    assert.equal(result.failure, undefined);
    const check = result.locks!;
    const seen = check.observed.map((o) => {
      const locks = [...o.locks].filter(([t]) => check.existing.has(t)).map(([t, mode]) => `${mode} on ${t}${o.heldBefore.has(t) ? ` (held before: ${o.heldBefore.get(t)})` : ""}`);
      return `${describeOp(o.op)}: ${[...locks, ...o.rewritten.map((t) => `rewrote ${t}`)].join(", ") || "nothing"}`;
    });
    return { seen, check };
  } finally {
    await observer.close();
    await scratch.dispose();
    p.done();
  }
}

if (availableDialects(["postgresql"]).length === 0) {
  console.warn("SKIPPED verify watches locks: the PostgreSQL server is down");
} else {
  test("each operation of the upgrade, in its transaction: what it locked and rewrote, and the analysis agrees", () =>
    withTestDatabase("postgresql", async (db) => {
      const { seen, check } = await watched(
        db.url,
        [
          '  await op.createIndex("ix_note", "orders", ["note"]);',
          '  await op.alterColumn("orders", "id", { type: s.bigint(), existingType: s.integer() });',
          // The transaction holds ACCESS EXCLUSIVE on orders already: this index's SHARE lock cannot be seen.
          '  await op.createIndex("ix_note_id", "orders", ["note", "id"]);',
          '  await op.createTable("events", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));',
        ].join("\n"),
        [
          '  await op.dropTable("events");',
          '  await op.dropIndex("ix_note_id", "orders");',
          '  await op.alterColumn("orders", "id", { type: s.integer(), existingType: s.bigint() });',
          '  await op.dropIndex("ix_note", "orders");',
        ].join("\n"),
      );
      assert.equal(seen, [
        "createIndex on orders: ShareLock on orders",
        "alterColumn on orders: AccessExclusiveLock on orders (held before: ShareLock), rewrote orders",
        "createIndex on orders: AccessExclusiveLock on orders (held before: AccessExclusiveLock)",
        "createTable on events: AccessExclusiveLock on orders (held before: AccessExclusiveLock)",
      ]);
      assert.equal(
        check.findings.map((f) => `${describeOp(f.op)}: ${f.hazards.map((h) => h.code).join(", ")}`),
        [
          "createIndex on orders: index-blocks-writes, missing-lock-timeout",
          "alterColumn on orders: type-change-rewrites",
          "createIndex on orders: index-blocks-writes",
        ],
      );
      assert.equal(check.disagreements, []);
    }),
  );

  test("in a migration without a transaction (CONCURRENTLY), each statement is watched while it runs", () =>
    withTestDatabase("postgresql", async (db) => {
      const { seen, check } = await watched(
        db.url,
        '  await op.createIndex("ix_note", "orders", ["note"], { concurrently: true });',
        '  await op.dropIndex("ix_note", "orders", { concurrently: true });',
        "export const transactional = false;",
      );
      assert.equal(seen, ["createIndex on orders: ShareUpdateExclusiveLock on orders"]);
      assert.equal(check.findings.flatMap((f) => f.hazards), []);
      assert.equal(check.disagreements, []);
    }),
  );

  test("a rewrite the analysis cannot see (raw SQL) is reported as a disagreement", () =>
    withTestDatabase("postgresql", async (db) => {
      const { seen, check } = await watched(
        db.url,
        '  await op.execute("ALTER TABLE orders ALTER COLUMN id TYPE bigint");',
        '  await op.execute("ALTER TABLE orders ALTER COLUMN id TYPE integer");',
      );
      assert.equal(seen, ["executeSQL: AccessExclusiveLock on orders, rewrote orders"]);
      assert.equal(check.disagreements, ["executeSQL: rewrote orders, and no hazard says so"]);
    }),
  );
}

test.run();
