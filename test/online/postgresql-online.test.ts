import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects } from "../support/databases.js";
import { withScenario } from "./online-scenario.js";

const test = suite("online rewriters on PostgreSQL: the writer keeps writing");

/** The bound a write may wait while the migration runs: the configured timeout of these tests. */
const TIMEOUT_MS = 500;
const ORDERS = "table orders {\n  id integer @id\n  note varchar(20)?\n}";
const ROWS = "INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 20000) g;";
const write = (i: number) => `INSERT INTO orders (id, note) VALUES (${1_000_000 + i}, 'w')`;
/** A transaction that wrote a row and stays open 2.5 s: CREATE INDEX must wait for it, and makes writers queue behind it. */
const LONG_WRITE = { sql: "INSERT INTO orders VALUES (999999, 'held')", ms: 2500 };

if (availableDialects(["postgresql"]).length === 0) {
  console.warn("SKIPPED online rewriters on PostgreSQL: the server is down");
} else {
  const withIndex = ORDERS.replace("\n}", "\n  @@index([note])\n}");

  test("concurrentIndexes, before: CREATE INDEX waits behind the long transaction and the writer queues behind it", () =>
    withScenario({ dialect: "postgresql", v1: ORDERS, v2: withIndex, setup: ROWS, write, hold: LONG_WRITE }, async ({ migrations, longestLockWaitMs }) => {
      assert.is(migrations.length, 1);
      assert.match(migrations[0]!.source, 'await op.createIndex("orders_note_idx", "orders", ["note"]);');
      assert.ok(longestLockWaitMs > 1000, `the writer waited ${longestLockWaitMs} ms for a lock`);
    }),
  );

  test("concurrentIndexes, after: the index is built CONCURRENTLY in a migration of its own, and the writer never waits", () =>
    withScenario(
      { dialect: "postgresql", v1: ORDERS, v2: withIndex, setup: ROWS, write, hold: LONG_WRITE, rewriter: "concurrentIndexes()" },
      async ({ migrations, longestLockWaitMs, db }) => {
        assert.is(migrations.length, 2);
        const step = migrations.find((m) => m.name.includes("indexes_built_concurrently"))!;
        assert.match(step.source, "export const transactional = false;");
        assert.match(step.source, 'await op.createIndex("orders_note_idx", "orders", ["note"], { concurrently: true });');
        assert.not.match(migrations.find((m) => m !== step)!.source, "createIndex");
        assert.ok(longestLockWaitMs < TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
        assert.equal(await db.query("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_note_idx'::regclass"), [{ valid: true }]);
      },
    ),
  );

  // A check that takes a millisecond a row: adding it scans 1,500 rows for 1.5 s.
  const SLOW = `CREATE FUNCTION slow_positive(n integer) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN n > 0; END $$;
    INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 1500) g;`;
  // The function is part of the schema too, or autogenerate would drop it (functions are model objects).
  const SLOW_FUNCTION = `
function slow_positive {
  arguments  = "n integer"
  returns    = "boolean"
  language   = plpgsql
  volatility = immutable
  body       = " BEGIN PERFORM pg_sleep(0.001); RETURN n > 0; END "
}
`;
  const withCheck = ORDERS.replace("\n}", '\n  @@check(sql("slow_positive(id)"), name: "orders_id_slow")\n}') + SLOW_FUNCTION;

  test("notValidConstraints, before: adding the CHECK scans under ACCESS EXCLUSIVE and the writer waits for the scan", () =>
    withScenario({ dialect: "postgresql", v1: ORDERS, v2: withCheck, setup: SLOW, write }, async ({ migrations, longestLockWaitMs }) => {
      assert.is(migrations.length, 1);
      assert.match(migrations[0]!.source, 'await op.createCheckConstraint("orders_id_slow", "orders", "slow_positive(id)");');
      assert.ok(longestLockWaitMs > 1000, `the writer waited ${longestLockWaitMs} ms for a lock`);
    }),
  );

  test("notValidConstraints, after: NOT VALID first, VALIDATE in the next migration, and the writer never waits", () =>
    withScenario(
      { dialect: "postgresql", v1: ORDERS, v2: withCheck, setup: SLOW, write, rewriter: "notValidConstraints()" },
      async ({ migrations, longestLockWaitMs, db }) => {
        assert.is(migrations.length, 2);
        const [first, second] = [migrations.find((m) => !m.name.includes("validated"))!, migrations.find((m) => m.name.includes("constraints_validated"))!];
        assert.match(first.source, 'await op.createCheckConstraint("orders_id_slow", "orders", "slow_positive(id)", {\n    notValid: true,\n  });');
        assert.match(second.source, 'await op.validateConstraint("orders_id_slow", "orders");');
        assert.ok(longestLockWaitMs < TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
        assert.equal(await db.query("SELECT convalidated AS valid FROM pg_constraint WHERE conname = 'orders_id_slow'"), [{ valid: true }]);
      },
    ),
  );

  const notNull = ORDERS.replace("note varchar(20)?", "note varchar(20)");

  test("notNullViaCheck: CHECK NOT VALID, then VALIDATE, SET NOT NULL and DROP CHECK; the writer never waits", () =>
    withScenario(
      { dialect: "postgresql", v1: ORDERS, v2: notNull, setup: ROWS, write, rewriter: "notNullViaCheck()" },
      async ({ migrations, longestLockWaitMs, db, p }) => {
        assert.is(migrations.length, 2);
        const [first, second] = [migrations.find((m) => !m.name.includes("not_null_set"))!, migrations.find((m) => m.name.includes("not_null_set_after_validation"))!];
        assert.match(first.source, `await op.createCheckConstraint("orders_note_not_null", "orders", '"note" IS NOT NULL', {\n    notValid: true,\n  });`);
        assert.not.match(first.source, "nullable: false");
        const order = ["validateConstraint(", "nullable: false", "dropConstraint("].map((text) => second.source.indexOf(text));
        assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), second.source);
        assert.ok(longestLockWaitMs < TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
        assert.equal(await db.query("SELECT attnotnull AS notnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'note'"), [{ notnull: true }]);
        assert.equal(await db.query("SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'c'"), []);
        await p.ok(["check"]);
        // The downgrade of the second step leaves the check NOT VALID and the column nullable, as after the first.
        await p.ok(["downgrade", "-1"]);
        assert.equal(await db.query("SELECT convalidated AS valid FROM pg_constraint WHERE conname = 'orders_note_not_null'"), [{ valid: false }]);
      },
    ),
  );

  const withColumn = ORDERS.replace("\n}", "\n  extra integer?\n}");
  const LONGER_WRITE = { sql: "INSERT INTO orders VALUES (999999, 'held')", ms: 2500 };

  test("lockTimeouts, before: ADD COLUMN waits behind the long transaction and the writer queues behind it", () =>
    withScenario({ dialect: "postgresql", v1: ORDERS, v2: withColumn, setup: ROWS, write, hold: LONGER_WRITE }, async ({ migrations, longestLockWaitMs }) => {
      assert.not.match(migrations[0]!.source, "SET LOCAL lock_timeout");
      assert.ok(longestLockWaitMs > 1000, `the writer waited ${longestLockWaitMs} ms for a lock`);
    }),
  );

  test("lockTimeouts, after: the migration gives up after lock_timeout, the writer waits no longer, and it runs once the way is clear", () =>
    withScenario(
      { dialect: "postgresql", v1: ORDERS, v2: withColumn, setup: ROWS, write, hold: LONGER_WRITE, rewriter: "lockTimeouts({ lockTimeoutMs: 300 })", upgradeExit: 2 },
      async ({ migrations, longestLockWaitMs, upgrade, p, db }) => {
        assert.match(migrations[0]!.source, `await op.execute("SET LOCAL lock_timeout = '300ms'"`);
        assert.match(upgrade.err, "canceling statement due to lock timeout");
        assert.ok(longestLockWaitMs < 300 + TIMEOUT_MS, `the writer waited ${longestLockWaitMs} ms for a lock`);
        assert.equal(await db.query("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'extra'"), [{ n: 0 }]);
        await p.ok(["upgrade", "head"]);
        await p.ok(["check"]);
      },
    ),
  );
}

test.run();
