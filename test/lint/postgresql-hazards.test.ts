import { suite } from "uvu";
import * as assert from "uvu/assert";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { describeOp } from "../../src/lint/lint-report.js";
import { checkLockPredictions, type LockCheck } from "../../src/runtime/lock-predictions.js";
import { s } from "../../src/migration-api/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { codesOf, findingsOf, opsOf, type HazardCase } from "./lint-cases.js";

const test = suite("postgresql hazards");

/** 20,000 rows, never analysed: the catalog cannot call the tables small, so every hazard is reported at its full severity. */
const SETUP = `
  CREATE TYPE mood AS ENUM ('calm', 'busy', 'gone');
  CREATE TABLE customers (id integer PRIMARY KEY);
  CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer, note varchar(20), amount numeric(10, 2), mood mood);
  INSERT INTO customers SELECT g FROM generate_series(1, 20000) g;
  INSERT INTO orders SELECT g, g, 'n' || g, g, 'calm' FROM generate_series(1, 20000) g;
`;

/** A row of the table, with the locks and rewrites PostgreSQL was seen to take (see observedLocks). */
interface PgHazardCase extends HazardCase {
  readonly locks: readonly string[];
}

const CASES: readonly PgHazardCase[] = [
  { name: "index without CONCURRENTLY", locks: ["createIndex on orders: ShareLock on orders"], migration: (op) => op.createIndex("ix_note", "orders", ["note"]), hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"] },
  { name: "index CONCURRENTLY", locks: ["createIndex on orders: ShareUpdateExclusiveLock on orders"], migration: (op) => op.createIndex("ix_note", "orders", ["note"], { concurrently: true }), hazards: [] },
  { name: "unique index", locks: ["createIndex on orders: ShareLock on orders"], migration: (op) => op.createIndex("ux_note", "orders", ["note"], { unique: true }), hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"] },
  { name: "type change that rewrites", locks: ["alterColumn on orders: AccessExclusiveLock on orders, rewrote orders"], migration: (op) => op.alterColumn("orders", "customer_id", { type: s.bigint(), existingType: s.integer() }), hazards: ["type-change-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "varchar widened: no rewrite", locks: ["alterColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.alterColumn("orders", "note", { type: s.varchar(40), existingType: s.varchar(20) }), hazards: ["missing-lock-timeout:low"] },
  { name: "varchar to text: no rewrite", locks: ["alterColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.alterColumn("orders", "note", { type: s.text(), existingType: s.varchar(20) }), hazards: ["missing-lock-timeout:low"] },
  { name: "numeric with more precision: no rewrite", locks: ["alterColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.alterColumn("orders", "amount", { type: s.decimal(12, 2), existingType: s.decimal(10, 2) }), hazards: ["missing-lock-timeout:low"] },
  { name: "numeric with another scale rewrites", locks: ["alterColumn on orders: AccessExclusiveLock on orders, rewrote orders"], migration: (op) => op.alterColumn("orders", "amount", { type: s.decimal(12, 3), existingType: s.decimal(10, 2) }), hazards: ["type-change-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "SET NOT NULL", locks: ["alterColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.alterColumn("orders", "customer_id", { nullable: false, existingNullable: true }), hazards: ["set-not-null-scans:high", "missing-lock-timeout:medium"], losesData: true },
  {
    name: "SET NOT NULL over a valid IS NOT NULL check (12+)",
    locks: ["alterColumn on orders: AccessExclusiveLock on orders"],
    setup: `ALTER TABLE orders ADD CONSTRAINT customer_present CHECK (customer_id IS NOT NULL)`,
    migration: (op) => op.alterColumn("orders", "customer_id", { nullable: false, existingNullable: true }),
    hazards: ["missing-lock-timeout:low"],
    losesData: true,
  },
  { name: "CHECK", locks: ["createCheckConstraint on orders: AccessExclusiveLock on orders"], migration: (op) => op.createCheckConstraint("positive", "orders", "amount > 0"), hazards: ["check-scans:high", "missing-lock-timeout:medium"] },
  { name: "FOREIGN KEY", locks: ["createForeignKey on orders: ShareRowExclusiveLock on customers, ShareRowExclusiveLock on orders"], migration: (op) => op.createForeignKey("orders_customer_fk", "orders", "customers", ["customer_id"], ["id"]), hazards: ["foreign-key-scans:high", "missing-lock-timeout:medium"] },
  { name: "UNIQUE constraint", locks: ["createUniqueConstraint on orders: AccessExclusiveLock on orders"], migration: (op) => op.createUniqueConstraint("orders_note_key", "orders", ["note"]), hazards: ["unique-builds-index:high", "missing-lock-timeout:medium"] },
  { name: "volatile default", locks: ["addColumn on orders: AccessExclusiveLock on orders, rewrote orders"], migration: (op) => op.addColumn("orders", s.column("token", s.uuid(), { default: s.sql("gen_random_uuid()") })), hazards: ["volatile-default-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "serial column", locks: ["addColumn on orders: AccessExclusiveLock on orders, rewrote orders"], migration: (op) => op.addColumn("orders", s.column("seq", s.integer(), { nullable: false, default: s.autoincrement() })), hazards: ["volatile-default-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "constant default (11+): no rewrite", locks: ["addColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.addColumn("orders", s.column("flag", s.integer(), { nullable: false, default: 0 })), hazards: ["missing-lock-timeout:low"] },
  { name: "now() is stable: no rewrite", locks: ["addColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.addColumn("orders", s.column("seen", s.timestamptz(), { default: s.now() })), hazards: ["missing-lock-timeout:low"] },
  { name: "drop column", locks: ["dropColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.dropColumn("orders", "note", { existing: s.column("note", s.varchar(20)) }), hazards: ["missing-lock-timeout:low", "drop-column-breaks-app:high"], losesData: true },
  { name: "rename column", locks: ["alterColumn on orders: AccessExclusiveLock on orders"], migration: (op) => op.alterColumn("orders", "note", { newName: "remark" }), hazards: ["missing-lock-timeout:low", "rename-column-breaks-app:high"] },
  { name: "rename table", locks: ["renameTable on orders: AccessExclusiveLock on orders"], migration: (op) => op.renameTable("orders", "purchases"), hazards: ["missing-lock-timeout:low", "rename-table-breaks-app:high"] },
  { name: "enum value removed", locks: ["dropEnumValue: AccessExclusiveLock on orders, rewrote orders"], migration: (op) => op.dropEnumValue("mood", "gone"), hazards: ["enum-change-rewrites:high"], losesData: true },
  { name: "enum value added (12+)", locks: [], migration: (op) => op.addEnumValue("mood", "away"), hazards: [] },
  {
    name: "lock_timeout set first",
    locks: ["createIndex on orders: ShareLock on orders"],
    migration: async (op) => {
      await op.execute("SET LOCAL lock_timeout = '2s'");
      await op.createIndex("ix_note", "orders", ["note"]);
    },
    hazards: ["index-blocks-writes:high"],
  },
  {
    name: "missing lock_timeout is said once",
    locks: ["createIndex on orders: ShareLock on orders", "createIndex on orders: ShareLock on orders"],
    migration: async (op) => {
      await op.createIndex("ix_note", "orders", ["note"]);
      await op.createIndex("ix_amount", "orders", ["amount"]);
    },
    hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium", "index-blocks-writes:high"],
  },
  {
    name: "a table created in the same migration is free",
    locks: [],
    migration: async (op) => {
      await op.createTable("events", s.column("id", s.integer(), { nullable: false }), s.column("kind", s.text()), s.primaryKey("id"));
      await op.createIndex("ix_kind", "events", ["kind"]);
      await op.createCheckConstraint("kind_set", "events", "kind <> ''");
      await op.addColumn("events", s.column("token", s.uuid(), { default: s.sql("gen_random_uuid()") }));
    },
    hazards: [],
  },
  {
    name: "a table in another schema",
    locks: ["createIndex on audit.events: ShareLock on audit.events"],
    setup: "CREATE SCHEMA audit; CREATE TABLE audit.events (id integer PRIMARY KEY, kind text); INSERT INTO audit.events SELECT g, 'k' FROM generate_series(1, 20000) g;",
    migration: (op) => op.createIndex("ix_kind", "events", ["kind"], { schema: "audit" }),
    hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"],
  },
  {
    name: "an empty table: reported as low",
    locks: ["createIndex on empty_one: ShareLock on empty_one"],
    setup: `CREATE TABLE empty_one (id integer PRIMARY KEY, note text)`,
    migration: (op) => op.createIndex("ix_empty", "empty_one", ["note"]),
    hazards: ["index-blocks-writes:low", "missing-lock-timeout:medium"],
  },
];

/**
 * What each op took on the tables that held rows before it, one entry per
 * op that took anything: `createIndex on orders: ShareLock on orders`,
 * and `rewrote orders` when the table's storage was replaced.
 */
function observedLocks(checked: LockCheck): string[] {
  return checked.observed.flatMap((seen) => {
    const locks = [...seen.locks].filter(([table]) => checked.existing.has(table)).sort(([a], [b]) => a.localeCompare(b));
    const rewritten = seen.rewritten.filter((table) => checked.existing.has(table));
    const parts = [...locks.map(([table, mode]) => `${mode} on ${table}`), ...rewritten.map((table) => `rewrote ${table}`)];
    return parts.length ? [`${describeOp(seen.op)}: ${parts.join(", ")}`] : [];
  });
}

if (availableDialects(["postgresql"]).length === 0) {
  console.warn("SKIPPED postgresql hazards: the PostgreSQL server is down");
} else {
  for (const c of CASES) {
    test(c.name, () =>
      withTestDatabase("postgresql", async (db) => {
        await db.run(SETUP + (c.setup ?? ""));
        const connection = await postgresqlDialect.connect(db.url);
        const observer = await postgresqlDialect.connect(db.url);
        try {
          const ops = await opsOf(c.migration, postgresqlDialect);
          const findings = await findingsOf(connection, ops);
          assert.equal(codesOf(findings), c.hazards);
          assert.is(findings.some((f) => f.dataLoss !== undefined), c.losesData ?? false, "data loss");
          // The proof: run it on the database, watching the locks and the table files; the analysis must agree, and the row says what was seen.
          const checked = await checkLockPredictions(connection, observer, ops);
          assert.equal(codesOf(checked.findings), c.hazards);
          assert.equal(checked.disagreements, []);
          assert.ok(checked.observed.length === ops.length);
          assert.equal(observedLocks(checked), c.locks);
        } finally {
          await observer.close();
          await connection.close();
        }
      }),
    );
  }

  test("the observer catches what the analysis cannot see: raw SQL that rewrites a table", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run(SETUP);
      const connection = await postgresqlDialect.connect(db.url);
      const observer = await postgresqlDialect.connect(db.url);
      try {
        const ops = await opsOf((op) => op.execute("ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint"), postgresqlDialect);
        const checked = await checkLockPredictions(connection, observer, ops);
        assert.equal(checked.disagreements, ["executeSQL: rewrote orders, and no hazard says so"]);
        assert.is(checked.observed[0]!.locks.get("orders"), "AccessExclusiveLock");
      } finally {
        await observer.close();
        await connection.close();
      }
    }),
  );
}

test.run();
