import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects } from "../support/databases.js";
import { withScenario } from "./online-scenario.js";

const test = suite("online rewriters on MariaDB: the writer keeps writing");

const TIMEOUT_MS = 500;
const ORDERS = "table orders {\n  id integer @id\n  note varchar(20)?\n}";
const ROWS = "SET SESSION max_recursive_iterations = 100000; INSERT INTO orders WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000) SELECT n, concat('n', n) FROM seq;";
const write = (i: number) => `INSERT INTO orders (id, note) VALUES (${1_000_000 + i}, 'w')`;
/** A transaction that read the table and stays open 4 s: it holds a metadata lock every ALTER TABLE must wait for. */
const LONG_READ = { sql: "SELECT * FROM orders LIMIT 1", ms: 4000 };
const v2 = ORDERS.replace("\n}", "\n  extra integer?\n  @@index([note])\n}");

if (availableDialects(["mysql"]).length === 0) {
  console.warn("SKIPPED online rewriters on MariaDB: the server is down");
} else {
  test("mysqlOnlineDdl: INSTANT and INPLACE, LOCK=NONE said out loud, and the server runs them while the writer writes", () =>
    withScenario({ dialect: "mysql", v1: ORDERS, v2, setup: ROWS, write, rewriter: "mysqlOnlineDdl()" }, async ({ migrations, longestLockWaitMs, db, p }) => {
      const source = migrations[0]!.source;
      assert.match(source, 'await op.withAlgorithm({ algorithm: "INSTANT" }, async (op) => {\n    await op.addColumn("orders", s.column("extra", s.integer(), { nullable: true }));\n  });');
      assert.match(source, 'await op.withAlgorithm({ algorithm: "INPLACE", lock: "NONE" }, async (op) => {\n    await op.createIndex("orders_note_idx", "orders", ["note"]);\n  });');
      assert.ok(longestLockWaitMs < TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
      assert.equal(await db.query("SELECT COUNT(*) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'orders_note_idx'"), [{ n: 1 }]);
      // The downgrade runs under the same clauses (DROP INDEX is written as ALTER TABLE ... DROP INDEX to take them).
      await p.ok(["downgrade", "-1"]);
      assert.equal(await db.query("SELECT COUNT(*) AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'orders_note_idx'"), [{ n: 0 }]);
    }),
  );

  test("lockTimeouts, before: the ALTER waits for the long transaction's metadata lock and the writer queues behind it", () =>
    withScenario({ dialect: "mysql", v1: ORDERS, v2, setup: ROWS, write, hold: LONG_READ }, async ({ longestLockWaitMs }) => {
      // The upgrade starts up to a second or two after the transaction (config, catalog, hazards): the wait is the rest.
      assert.ok(longestLockWaitMs > 2000, `the writer waited ${longestLockWaitMs} ms for a lock`);
    }),
  );

  test("lockTimeouts with mysqlOnlineDdl, after: the ALTER gives up after lock_wait_timeout, the writer waits no longer, and it runs once the way is clear", () =>
    withScenario(
      { dialect: "mysql", v1: ORDERS, v2, setup: ROWS, write, hold: LONG_READ, rewriter: "mysqlOnlineDdl().chain(lockTimeouts({ lockTimeoutMs: 1000 }))", upgradeExit: 2 },
      async ({ migrations, longestLockWaitMs, upgrade, p }) => {
        assert.match(migrations[0]!.source, 'await op.execute("SET SESSION lock_wait_timeout = 1"');
        assert.match(upgrade.err, "Lock wait timeout exceeded");
        assert.ok(longestLockWaitMs < 1000 + TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
        await p.ok(["upgrade", "head"]);
        await p.ok(["check"]);
      },
    ),
  );
}

test.run();
