/**
 * Numbers never pass through a JavaScript float: a bigint past 2^53 and a
 * decimal with more digits than a double holds stay exact in the diff, the
 * migration file, the DDL, the rows that take the default, and `pull`.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: numeric literals stay exact");

const BODY = "table t {\n  id integer @id\n  big bigint @default(9007199254740993)\n  amount decimal(30, 10) @default(12345678901234567890.123)\n}";

/** Each dialect's own spelling of the stored defaults, and of the row that took them (SQLite's NUMERIC affinity keeps the decimal's text). */
const STORED: Record<DialectName, { defaults: string; row: Record<string, string> }> = {
  postgresql: {
    defaults: "SELECT string_agg(pg_get_expr(adbin, adrelid), ' | ' ORDER BY adnum) AS d FROM pg_attrdef",
    row: { big: "9007199254740993", amount: "12345678901234567890.1230000000" },
  },
  mysql: {
    defaults: "SELECT GROUP_CONCAT(COLUMN_DEFAULT ORDER BY ORDINAL_POSITION SEPARATOR ' | ') AS d FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_DEFAULT IS NOT NULL",
    row: { big: "9007199254740993", amount: "12345678901234567890.1230000000" },
  },
  sqlite: {
    defaults: "SELECT group_concat(dflt_value, ' | ') AS d FROM pragma_table_info('t') WHERE dflt_value IS NOT NULL",
    row: { big: "9007199254740993" },
  },
};

const EXPECTED_DEFAULTS: Record<DialectName, string> = {
  postgresql: "'9007199254740993'::bigint | 12345678901234567890.123",
  mysql: "9007199254740993 | 12345678901234567890.1230000000",
  sqlite: "9007199254740993 | 12345678901234567890.123",
};

const cases: Array<LaneCase & { name: string }> = availableDialects().map((dialect) => ({
  lane: dialect,
  name: `${dialect}: 9007199254740993 and 12345678901234567890.123 through diff, migration, DDL, rows and pull`,
  run: () =>
    withTestDatabase(dialect, async (db) => {
      const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, BODY) });
      try {
        const [[kind, table]] = JSON.parse((await p.ok(["diff", "--json"], 1)).out);
        assert.is(kind, "add_table");
        assert.equal(
          table.columns.map((c: { name: string; default?: unknown }) => [c.name, c.default]),
          [["id", undefined], ["big", { kind: "number", value: "9007199254740993" }], ["amount", { kind: "number", value: "12345678901234567890.123" }]],
        );

        await p.ok(["revision", "--autogenerate", "-m", "numbers", "--rev-id", "n1"]);
        const file = p.read("migrations/n1_numbers.ts");
        assert.match(file, 's.column("big", s.bigint(), { nullable: false, default: s.number("9007199254740993") })');
        assert.match(file, 'default: s.number("12345678901234567890.123")');

        await p.ok(["upgrade", "head"]);
        assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
        assert.equal((await db.query<{ d: string }>(STORED[dialect].defaults))[0].d, EXPECTED_DEFAULTS[dialect]);

        await db.run("INSERT INTO t (id) VALUES (1)");
        const columns = Object.keys(STORED[dialect].row);
        const select = columns.map((c) => `CAST(${c} AS ${dialect === "mysql" ? "CHAR" : "TEXT"}) AS ${c}`).join(", ");
        assert.equal(await db.query(`SELECT ${select} FROM t`), [STORED[dialect].row]);

        const pulled = await p.ok(["pull", "--url", db.url]);
        assert.match(pulled.out, /big +bigint +@default\(9007199254740993\)/);
        assert.match(pulled.out, /amount +decimal\(30, 10\) +@default\(12345678901234567890\.123\)/);
      } finally {
        p.done();
      }
    }),
}));

testInLanes(test, cases);
test.run();
