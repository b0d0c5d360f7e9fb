import { suite } from "uvu";
import * as assert from "uvu/assert";
import { mysqlDialect } from "../../src/dialects/mysql/mysql-dialect.js";
import { mysqlAlgorithm, type MysqlAlgorithm } from "../../src/dialects/mysql/mysql-hazards.js";
import { s } from "../../src/migration-api/index.js";
import { CreateTableOp } from "../../src/ops/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { codesOf, findingsOf, opsOf, type HazardCase } from "./lint-cases.js";
import { probeAlgorithms, type ObservedAlgorithm } from "./mysql-algorithm-probe.js";

const test = suite("mysql hazards");

const SETUP = `
  SET SESSION max_recursive_iterations = 100000;
  CREATE TABLE customers (id int PRIMARY KEY);
  CREATE TABLE orders (id int PRIMARY KEY, customer_id int NULL, note varchar(20) NULL, amount decimal(10, 2) NULL, mood enum('calm', 'busy', 'gone') NULL);
  INSERT INTO customers WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000) SELECT n FROM seq;
  INSERT INTO orders SELECT id, id, concat('n', id), id, 'calm' FROM customers;
`;

const CASES: readonly HazardCase[] = [
  { name: "index: in place, writes go on", migration: (op) => op.createIndex("ix_note", "orders", ["note"]), hazards: ["missing-lock-timeout:low"] },
  { name: "unique constraint: in place", migration: (op) => op.createUniqueConstraint("orders_note_key", "orders", ["note"]), hazards: ["missing-lock-timeout:low"] },
  { name: "nullable column: instant", migration: (op) => op.addColumn("orders", s.column("extra", s.integer())), hazards: ["missing-lock-timeout:low"] },
  { name: "column with a default: instant", migration: (op) => op.addColumn("orders", s.column("flag", s.integer(), { nullable: false, default: 0 })), hazards: ["missing-lock-timeout:low"] },
  { name: "drop column: instant, breaks the app", migration: (op) => op.dropColumn("orders", "note", { existing: s.column("note", s.varchar(20)) }), hazards: ["missing-lock-timeout:low", "drop-column-breaks-app:high"], losesData: true },
  { name: "type change: copy", migration: (op) => op.alterColumn("orders", "customer_id", { type: s.bigint(), existingType: s.integer(), existingNullable: true }), hazards: ["copy-algorithm:high", "missing-lock-timeout:medium"] },
  { name: "varchar widened within its length byte: instant", migration: (op) => op.alterColumn("orders", "note", { type: s.varchar(40), existingType: s.varchar(20), existingNullable: true }), hazards: ["missing-lock-timeout:low"] },
  { name: "varchar of up to 127 bytes widened past 255: instant (MariaDB)", migration: (op) => op.alterColumn("orders", "note", { type: s.varchar(100), existingType: s.varchar(20), existingNullable: true }), hazards: ["missing-lock-timeout:low"] },
  {
    name: "varchar of 128 to 255 bytes widened past 255: copy",
    setup: "ALTER TABLE orders ADD COLUMN label varchar(40) NULL",
    migration: (op) => op.alterColumn("orders", "label", { type: s.varchar(100), existingType: s.varchar(40), existingNullable: true }),
    hazards: ["copy-algorithm:high", "missing-lock-timeout:medium"],
  },
  { name: "NOT NULL: rebuilt in place", migration: (op) => op.alterColumn("orders", "customer_id", { nullable: false, existingNullable: true, existingType: s.integer() }), hazards: ["table-rebuild:medium", "missing-lock-timeout:medium"], losesData: true },
  { name: "default changed: instant", migration: (op) => op.alterColumn("orders", "amount", { serverDefault: 0, existingType: s.decimal(10, 2), existingNullable: true }), hazards: ["missing-lock-timeout:low"] },
  { name: "rename column: instant, breaks the app", migration: (op) => op.alterColumn("orders", "note", { newName: "remark", existingType: s.varchar(20), existingNullable: true }), hazards: ["missing-lock-timeout:low", "rename-column-breaks-app:high"] },
  { name: "foreign key: copy", migration: (op) => op.createForeignKey("orders_customer_fk", "orders", "customers", ["customer_id"], ["id"]), hazards: ["copy-algorithm:high", "missing-lock-timeout:medium"] },
  { name: "check: copy", migration: (op) => op.createCheckConstraint("positive", "orders", "amount > 0"), hazards: ["copy-algorithm:high", "missing-lock-timeout:medium"] },
  {
    name: "drops: an index and a unique key in place, a check instantly",
    setup: "CREATE INDEX ix_amount ON orders (amount); ALTER TABLE orders ADD CONSTRAINT uq_note UNIQUE (note), ADD CONSTRAINT ck_amount CHECK (amount > 0);",
    migration: async (op) => {
      await op.dropIndex("ix_amount", { table: "orders" });
      await op.dropConstraint("uq_note", "orders", { type: "unique" });
      await op.dropConstraint("ck_amount", "orders", { type: "check" });
    },
    hazards: ["missing-lock-timeout:low"],
  },
  { name: "enum value at the end: instant", migration: (op) => op.addEnumValue("orders_mood", "away"), hazards: [] },
  { name: "enum value in the middle: copy", migration: (op) => op.addEnumValue("orders_mood", "away", { before: "busy" }), hazards: ["copy-algorithm:high"] },
  {
    name: "lock_wait_timeout set first",
    migration: async (op) => {
      await op.execute("SET SESSION lock_wait_timeout = 5");
      await op.alterColumn("orders", "customer_id", { type: s.bigint(), existingType: s.integer(), existingNullable: true });
    },
    hazards: ["copy-algorithm:high"],
  },
  {
    name: "a table created in the same migration is free",
    migration: async (op) => {
      await op.createTable("events", s.column("id", s.integer(), { nullable: false }), s.column("kind", s.varchar(20)), s.primaryKey("id"));
      await op.alterColumn("events", "kind", { type: s.text(), existingType: s.varchar(20), existingNullable: true });
      await op.createCheckConstraint("kind_set", "events", "kind <> ''");
    },
    hazards: [],
  },
  {
    name: "an empty table: reported as low",
    setup: `CREATE TABLE empty_one (id int PRIMARY KEY, n int NULL)`,
    migration: (op) => op.alterColumn("empty_one", "n", { type: s.bigint(), existingType: s.integer(), existingNullable: true }),
    hazards: ["copy-algorithm:low", "missing-lock-timeout:medium"],
  },
];

/** The predicted algorithm in the probe's words. */
function predicted(algorithm: MysqlAlgorithm): ObservedAlgorithm {
  if (algorithm.algorithm !== "INPLACE") return algorithm.algorithm;
  if (!algorithm.concurrentWrites) return "INPLACE+blocking";
  return algorithm.rebuild ? "INPLACE+rebuild" : "INPLACE";
}

if (availableDialects(["mysql"]).length === 0) {
  console.warn("SKIPPED mysql hazards: the MariaDB/MySQL server is down");
} else {
  for (const c of CASES) {
    test(c.name, () =>
      withTestDatabase("mysql", async (db) => {
        await db.run(SETUP + (c.setup ?? ""));
        const connection = await mysqlDialect.connect(db.url);
        try {
          const ops = await opsOf(c.migration, mysqlDialect);
          const facts = { ...(await mysqlDialect.hazards.readFacts(connection)), metadata: await mysqlDialect.reflect(connection) };
          const findings = await findingsOf(connection, ops);
          assert.equal(codesOf(findings), c.hazards);
          assert.is(findings.some((f) => f.dataLoss !== undefined), c.losesData ?? false, "data loss");
          // The proof: the server takes the predicted algorithm and refuses every cheaper one.
          const observed = await probeAlgorithms(connection, ops);
          const created = new Set(ops.filter((op) => op instanceof CreateTableOp).map((op) => (op as CreateTableOp).tableName));
          ops.forEach((op, i) => {
            const algorithm = mysqlAlgorithm(op, facts);
            const table = (op as { tableName?: string }).tableName;
            if (algorithm && !(table && created.has(table))) assert.is(observed[i], predicted(algorithm), `${op.constructor.name}: algorithm`);
          });
        } finally {
          await connection.close();
        }
      }),
    );
  }
}

test.run();
