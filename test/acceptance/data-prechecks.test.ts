import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: changes that existing rows would fail are checked first, naming how many rows and one of them");

const V1 = "table customers {\n  id integer @id\n}\n\ntable orders {\n  id integer @id\n  customer_id integer?\n  note varchar(20)?\n}";
/** Rows that stand in the way: two NULL notes (ids 3 and 4), a note twice (ids 1 and 2), an order of a customer that does not exist (id 4). */
const ROWS = "INSERT INTO customers (id) VALUES (1); INSERT INTO orders (id, customer_id, note) VALUES (1, 1, 'same'), (2, 1, 'same'), (3, 1, NULL), (4, 7, NULL);";

const CASES = [
  {
    name: "NOT NULL over NULLs",
    v2: V1.replace("note varchar(20)?", "note varchar(20)"),
    message: "orders.note is NULL in some rows, so it cannot be made NOT NULL",
    row: /"sample_id":"?3"?,"offending_rows":"?2"?/,
  },
  {
    name: "UNIQUE over duplicates",
    v2: V1.replace("note varchar(20)?", "note varchar(20)? @unique"),
    message: "orders (note) holds duplicates, so",
    row: /"note":"same","copies":"?2"?,"duplicated_values":"?1"?/,
  },
  {
    name: "FOREIGN KEY over orphans",
    v2: V1.replace("customer_id integer?", 'customer_id integer? @references(customers.id, name: "orders_customer_fk")'),
    message: "rows of orders (customer_id) reference customers rows that do not exist",
    row: /"sample_id":"?4"?,"sample_customer_id":"?7"?,"orphan_rows":"?1"?/,
  },
];

for (const dialect of availableDialects()) {
  for (const c of CASES) {
    test(`${dialect}: ${c.name}`, () => precheck(dialect, c));
  }
}

async function precheck(dialect: DialectName, c: (typeof CASES)[number]): Promise<void> {
  await withTestDatabase(dialect, async (db) => {
    const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, V1) });
    try {
      await p.ok(["revision", "--autogenerate", "-m", "tables", "--rev-id", "aaaaaaaaaaaa"]);
      await p.ok(["upgrade", "head"]);
      await db.run(ROWS);
      p.write("schemas/app.schema", schemaFile(dialect, db.url, c.v2));
      await p.ok(["revision", "--autogenerate", "-m", "change"]);
      const failed = await p.ok(["upgrade", "head"], 2);
      assert.match(failed.err, c.message);
      assert.match(failed.err, c.row);
      // Nothing changed: the version table and the rows are as they were.
      assert.match((await p.ok(["current"])).out, "aaaaaaaaaaaa");
      assert.equal((await db.query<{ n: number | string }>("SELECT count(*) AS n FROM orders")).map((r) => Number(r.n)), [4]);
    } finally {
      p.done();
    }
  });
}

test.run();
