import { suite } from "uvu";
import * as assert from "uvu/assert";
import { sqliteDialect } from "../../src/dialects/sqlite/sqlite-dialect.js";
import { s } from "../../src/migration-api/index.js";
import { executeStatement } from "../../src/runtime/execute-statement.js";
import { liveDdlContext } from "../../src/runtime/live-ddl-context.js";
import { executingOperations } from "../../src/runtime/op-executor.js";
import { withTestDatabase } from "../support/databases.js";
import { codesOf, findingsOf, opsOf, type HazardCase } from "./lint-cases.js";

const test = suite("sqlite hazards");

const SETUP = `
  CREATE TABLE customers (id integer PRIMARY KEY);
  CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers (id), note varchar(20), amount decimal(10, 2));
  CREATE INDEX ix_amount ON orders (amount);
  WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000) INSERT INTO customers SELECT n FROM seq;
  INSERT INTO orders SELECT id, id, 'n' || id, id FROM customers;
`;

const CASES: ReadonlyArray<HazardCase & { rebuilt?: string }> = [
  { name: "index: every other writer waits", migration: (op) => op.createIndex("ix_note", "orders", ["note"]), hazards: ["index-blocks-writes:high"] },
  { name: "nullable column: ALTER TABLE ADD COLUMN", migration: (op) => op.addColumn("orders", s.column("extra", s.integer())), hazards: [] },
  { name: "column with an expression default: rebuild", migration: (op) => op.addColumn("orders", s.column("seen", s.timestamp(), { default: s.now() })), hazards: ["table-rebuild:high"], rebuilt: "orders" },
  { name: "type change: rebuild", migration: (op) => op.alterColumn("orders", "amount", { type: s.bigint(), existingType: s.decimal(10, 2), existingNullable: true }), hazards: ["table-rebuild:high"], rebuilt: "orders", losesData: true },
  { name: "NOT NULL: rebuild", migration: (op) => op.alterColumn("orders", "note", { nullable: false, existingNullable: true, existingType: s.varchar(20) }), hazards: ["table-rebuild:high"], rebuilt: "orders", losesData: true },
  { name: "check: rebuild", migration: (op) => op.createCheckConstraint("positive", "orders", "amount > 0"), hazards: ["table-rebuild:high"], rebuilt: "orders" },
  { name: "drop an unindexed column: ALTER TABLE DROP COLUMN", migration: (op) => op.dropColumn("orders", "note", { existing: s.column("note", s.varchar(20)) }), hazards: ["drop-column-breaks-app:high"], losesData: true },
  { name: "drop an indexed column: rebuild", migration: (op) => op.dropColumn("orders", "amount", { existing: s.column("amount", s.decimal(10, 2)) }), hazards: ["table-rebuild:high", "drop-column-breaks-app:high"], rebuilt: "orders", losesData: true },
  { name: "rename column: ALTER TABLE RENAME COLUMN", migration: (op) => op.alterColumn("orders", "note", { newName: "remark" }), hazards: ["rename-column-breaks-app:high"] },
  { name: "a parent table rebuilt: its children are checked again", migration: (op) => op.createUniqueConstraint("customers_id_key", "customers", ["id"]), hazards: ["table-rebuild:high"], rebuilt: "customers" },
  {
    name: "a batch rebuilds once",
    migration: (op) =>
      op.batchAlterTable("orders", async (batch) => {
        await batch.alterColumn("amount", { type: s.bigint(), existingType: s.decimal(10, 2), existingNullable: true });
        await batch.createCheckConstraint("positive", "amount > 0");
      }),
    hazards: ["table-rebuild:high"],
    rebuilt: "orders",
    losesData: true,
  },
  {
    name: "a table created in the same migration is free",
    migration: async (op) => {
      await op.createTable("events", s.column("id", s.integer(), { nullable: false }), s.column("kind", s.text()), s.primaryKey("id"));
      await op.createIndex("ix_kind", "events", ["kind"]);
      await op.createCheckConstraint("kind_set", "events", "kind <> ''");
    },
    hazards: [],
  },
  {
    name: "an empty table: reported as low",
    setup: "CREATE TABLE empty_one (id integer PRIMARY KEY, n integer)",
    migration: (op) => op.alterColumn("empty_one", "n", { type: s.bigint(), existingType: s.integer(), existingNullable: true }),
    hazards: ["table-rebuild:low"],
    rebuilt: "empty_one",
  },
];

for (const c of CASES) {
  test(c.name, () =>
    withTestDatabase("sqlite", async (db) => {
      await db.run(SETUP + (c.setup ?? ""));
      const connection = await sqliteDialect.connect(db.url);
      try {
        const ops = await opsOf(c.migration, sqliteDialect);
        const findings = await findingsOf(connection, ops);
        assert.equal(codesOf(findings), c.hazards);
        assert.is(findings.some((f) => f.dataLoss !== undefined), c.losesData ?? false, "data loss");
        if (c.rebuilt === "customers") assert.match(findings[0]!.hazards[0]!.message, "orders references it, so their foreign keys are checked again");
        // The proof: a rebuilt table lives in new pages (a new root page in sqlite_schema).
        const roots = async () => new Map((await db.query<{ name: string; rootpage: number }>("SELECT name, rootpage FROM sqlite_schema WHERE type = 'table'")).map((r) => [r.name, Number(r.rootpage)]));
        const before = await roots();
        await connection.execute("PRAGMA foreign_keys = OFF");
        const operations = executingOperations(sqliteDialect, liveDdlContext(connection), (statement) => executeStatement(connection, statement));
        for (const op of ops) await operations.invoke(op);
        const after = await roots();
        const rebuilt = [...before].filter(([name, root]) => after.has(name) && after.get(name) !== root).map(([name]) => name);
        assert.equal(rebuilt, c.rebuilt ? [c.rebuilt] : []);
      } finally {
        await connection.close();
      }
    }),
  );
}

test.run();
