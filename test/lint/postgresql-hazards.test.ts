import { suite } from "uvu";
import * as assert from "uvu/assert";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { checkLockPredictions } from "../../src/runtime/lock-predictions.js";
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

const CASES: readonly HazardCase[] = [
  { name: "index without CONCURRENTLY", migration: (op) => op.createIndex("ix_note", "orders", ["note"]), hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"] },
  { name: "index CONCURRENTLY", migration: (op) => op.createIndex("ix_note", "orders", ["note"], { concurrently: true }), hazards: [] },
  { name: "unique index", migration: (op) => op.createIndex("ux_note", "orders", ["note"], { unique: true }), hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"] },
  { name: "type change that rewrites", migration: (op) => op.alterColumn("orders", "customer_id", { type: s.bigint(), existingType: s.integer() }), hazards: ["type-change-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "varchar widened: no rewrite", migration: (op) => op.alterColumn("orders", "note", { type: s.varchar(40), existingType: s.varchar(20) }), hazards: ["missing-lock-timeout:medium"] },
  { name: "varchar to text: no rewrite", migration: (op) => op.alterColumn("orders", "note", { type: s.text(), existingType: s.varchar(20) }), hazards: ["missing-lock-timeout:medium"] },
  { name: "numeric with more precision: no rewrite", migration: (op) => op.alterColumn("orders", "amount", { type: s.decimal(12, 2), existingType: s.decimal(10, 2) }), hazards: ["missing-lock-timeout:medium"] },
  { name: "numeric with another scale rewrites", migration: (op) => op.alterColumn("orders", "amount", { type: s.decimal(12, 3), existingType: s.decimal(10, 2) }), hazards: ["type-change-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "SET NOT NULL", migration: (op) => op.alterColumn("orders", "customer_id", { nullable: false, existingNullable: true }), hazards: ["set-not-null-scans:high", "missing-lock-timeout:medium"], losesData: true },
  {
    name: "SET NOT NULL over a valid IS NOT NULL check (12+)",
    setup: `ALTER TABLE orders ADD CONSTRAINT customer_present CHECK (customer_id IS NOT NULL)`,
    migration: (op) => op.alterColumn("orders", "customer_id", { nullable: false, existingNullable: true }),
    hazards: ["missing-lock-timeout:medium"],
    losesData: true,
  },
  { name: "CHECK", migration: (op) => op.createCheckConstraint("positive", "orders", "amount > 0"), hazards: ["check-scans:high", "missing-lock-timeout:medium"] },
  { name: "FOREIGN KEY", migration: (op) => op.createForeignKey("orders_customer_fk", "orders", "customers", ["customer_id"], ["id"]), hazards: ["foreign-key-scans:high", "missing-lock-timeout:medium"] },
  { name: "UNIQUE constraint", migration: (op) => op.createUniqueConstraint("orders_note_key", "orders", ["note"]), hazards: ["unique-builds-index:high", "missing-lock-timeout:medium"] },
  { name: "volatile default", migration: (op) => op.addColumn("orders", s.column("token", s.uuid(), { default: s.sql("gen_random_uuid()") })), hazards: ["volatile-default-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "serial column", migration: (op) => op.addColumn("orders", s.column("seq", s.integer(), { nullable: false, default: s.autoincrement() })), hazards: ["volatile-default-rewrites:high", "missing-lock-timeout:medium"] },
  { name: "constant default (11+): no rewrite", migration: (op) => op.addColumn("orders", s.column("flag", s.integer(), { nullable: false, default: 0 })), hazards: ["missing-lock-timeout:medium"] },
  { name: "now() is stable: no rewrite", migration: (op) => op.addColumn("orders", s.column("seen", s.timestamptz(), { default: s.now() })), hazards: ["missing-lock-timeout:medium"] },
  { name: "drop column", migration: (op) => op.dropColumn("orders", "note", { existing: s.column("note", s.varchar(20)) }), hazards: ["missing-lock-timeout:medium", "drop-column-breaks-app:high"], losesData: true },
  { name: "rename column", migration: (op) => op.alterColumn("orders", "note", { newName: "remark" }), hazards: ["missing-lock-timeout:medium", "rename-column-breaks-app:high"] },
  { name: "rename table", migration: (op) => op.renameTable("orders", "purchases"), hazards: ["missing-lock-timeout:medium", "rename-table-breaks-app:high"] },
  { name: "enum value removed", migration: (op) => op.dropEnumValue("mood", "gone"), hazards: ["enum-change-rewrites:high"], losesData: true },
  { name: "enum value added (12+)", migration: (op) => op.addEnumValue("mood", "away"), hazards: [] },
  {
    name: "lock_timeout set first",
    migration: async (op) => {
      await op.execute("SET LOCAL lock_timeout = '2s'");
      await op.createIndex("ix_note", "orders", ["note"]);
    },
    hazards: ["index-blocks-writes:high"],
  },
  {
    name: "missing lock_timeout is said once",
    migration: async (op) => {
      await op.createIndex("ix_note", "orders", ["note"]);
      await op.createIndex("ix_amount", "orders", ["amount"]);
    },
    hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium", "index-blocks-writes:high"],
  },
  {
    name: "a table created in the same migration is free",
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
    setup: "CREATE SCHEMA audit; CREATE TABLE audit.events (id integer PRIMARY KEY, kind text); INSERT INTO audit.events SELECT g, 'k' FROM generate_series(1, 20000) g;",
    migration: (op) => op.createIndex("ix_kind", "events", ["kind"], { schema: "audit" }),
    hazards: ["index-blocks-writes:high", "missing-lock-timeout:medium"],
  },
  {
    name: "an empty table: reported as low",
    setup: `CREATE TABLE empty_one (id integer PRIMARY KEY, note text)`,
    migration: (op) => op.createIndex("ix_empty", "empty_one", ["note"]),
    hazards: ["index-blocks-writes:low", "missing-lock-timeout:medium"],
  },
];

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
          // The proof: run it on the database, watching the locks and the table files; the analysis must agree.
          const checked = await checkLockPredictions(connection, observer, ops);
          assert.equal(codesOf(checked.findings), c.hazards);
          assert.equal(checked.disagreements, []);
          assert.ok(checked.observed.length === ops.length);
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
