/**
 * Narrowing a column never truncates or rounds: with a row that does not fit
 * the new type, the migration fails loudly and leaves the database, its rows
 * and the version table as they were; once the rows fit, it runs and keeps
 * them. Through the CLI, on every dialect.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { readCatalog } from "./catalog.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project, schemaFile } from "./project.js";

const test = suite("acceptance: narrowing fails on data that does not fit");

interface Narrowing {
  readonly from: string;
  readonly to: string;
  /** SQL literals: one that does not fit `to`, one that does. */
  readonly misfit: string;
  readonly fit: string;
  /** The row as read back after the migration ran on the fitting value. */
  readonly kept: string;
  readonly dialects?: readonly DialectName[];
}

const NARROWINGS: readonly Narrowing[] = [
  { from: "varchar(255)", to: "varchar(5)", misfit: "'alice@example.com'", fit: "'alice'", kept: "alice" },
  { from: "text", to: "varchar(5)", misfit: "'abcdef'", fit: "'abc'", kept: "abc" },
  { from: "decimal(10, 2)", to: "decimal(10, 1)", misfit: "12.34", fit: "12.3", kept: "12.3" },
  { from: "decimal(10, 2)", to: "decimal(4, 2)", misfit: "123.45", fit: "12.34", kept: "12.34" },
  { from: "bigint", to: "integer", misfit: "3000000000", fit: "5", kept: "5", dialects: ["postgresql", "mysql"] },
  { from: "integer", to: "smallint", misfit: "40000", fit: "-7", kept: "-7", dialects: ["postgresql", "mysql"] },
  { from: "double", to: "integer", misfit: "1.5", fit: "2", kept: "2" },
  { from: "text", to: "integer", misfit: "'abc'", fit: "'12'", kept: "12", dialects: ["sqlite"] },
  { from: "timestamp(3)", to: "timestamp(0)", misfit: "'2024-01-02 03:04:05.678'", fit: "'2024-01-02 03:04:05'", kept: "2024-01-02 03:04:05", dialects: ["postgresql", "mysql"] },
];

/** The kept value as text, read with the database's own cast. */
const AS_TEXT: Record<DialectName, string> = { postgresql: "TEXT", mysql: "CHAR", sqlite: "TEXT" };

const cases: Array<LaneCase & { name: string }> = [];
for (const dialect of availableDialects()) {
  for (const n of NARROWINGS.filter((n) => !n.dialects || n.dialects.includes(dialect))) {
    cases.push({ lane: dialect, name: `${dialect}: ${n.from} → ${n.to}`, run: () => narrowingCase(dialect, n) });
  }
  if (dialect === "sqlite") {
    cases.push({
      lane: dialect,
      name: "sqlite: bigint → integer keeps 3000000000 (every SQLite integer is 64-bit)",
      run: () => narrowingCase(dialect, { from: "bigint", to: "integer", misfit: "", fit: "3000000000", kept: "3000000000" }),
    });
  }
}

async function narrowingCase(dialect: DialectName, n: Narrowing): Promise<void> {
  await withTestDatabase(dialect, async (db) => {
    const body = (type: string) => `table t {\n  id integer @id\n  v  ${type}\n}`;
    const p = project({ "schemas/app.schema": schemaFile(dialect, db.url, body(n.from)) });
    try {
      await p.ok(["revision", "--autogenerate", "-m", "wide", "--rev-id", "w1"]);
      await p.ok(["upgrade", "head"]);
      p.write("schemas/app.schema", schemaFile(dialect, db.url, body(n.to)));
      await p.ok(["revision", "--autogenerate", "-m", "narrow", "--rev-id", "n2"]);

      if (n.misfit !== "") {
        await db.run(`INSERT INTO t (id, v) VALUES (1, ${n.misfit})`);
        const before = await readCatalog(db);
        const rows = await db.query("SELECT * FROM t");
        const failed = await p.strata("upgrade", "head");
        assert.is(failed.code, 2, failed.out);
        // MySQL's model has no precision for a DATETIME of precision 0.
        const shown = dialect === "mysql" ? n.to.replace("(0)", "") : n.to;
        assert.match(failed.err, `values of t.v do not fit ${shown} (they would be truncated or rounded)`);
        assert.match(failed.err, dialect === "mysql" ? "failed before anything ran" : "failed and was rolled back");
        assert.equal(await readCatalog(db), before);
        assert.equal(await db.query("SELECT * FROM t"), rows);
        assert.equal((await p.ok(["current"])).out, "w1");
        await db.run(`UPDATE t SET v = ${n.fit} WHERE id = 1`);
      } else {
        await db.run(`INSERT INTO t (id, v) VALUES (1, ${n.fit})`);
      }

      await p.ok(["upgrade", "head"]);
      assert.equal((await p.ok(["current"])).out, "n2 (head)");
      assert.equal((await p.ok(["check"])).out, `${db.url}: matches the schema`);
      assert.equal(await db.query(`SELECT CAST(v AS ${AS_TEXT[dialect]}) AS v FROM t`), [{ v: n.kept }]);
    } finally {
      p.done();
    }
  });
}

testInLanes(test, cases);
test.run();
