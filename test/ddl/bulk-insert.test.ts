import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, scalarType, Table } from "../../src/model/index.js";
import { BulkInsertOp, ExecuteSQLOp } from "../../src/ops/execute-sql-op.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { sqlLiteral, stringLiteral } from "../../src/dialects/ddl/sql-literal.js";
import { availableDialects } from "../support/databases.js";
import { compileOffline, rawRows, rawTables, rejects, withHarness } from "./ddl-support.js";
import { ODD_COLUMN, ODD_TABLE } from "./fixtures.js";

const DIALECTS = availableDialects();

const HOSTILE = [
  "'); drop table x; --",
  "it's",
  "back\\slash\\' and \\\\",
  'double "quotes" and `ticks`',
  "new\nline\ttab\r",
  "ünïcødé ✓ 𝄞",
  "\x1a ctrl-z",
  "",
];

const table = new Table({
  name: ODD_TABLE,
  columns: [
    new Column({ name: "id", type: scalarType("integer"), nullable: false }),
    new Column({ name: ODD_COLUMN, type: scalarType("text"), nullable: true }),
    new Column({ name: "n", type: scalarType("integer"), nullable: true }),
  ],
});

for (const dialect of DIALECTS) {
  for (const inlineValues of [false, true]) {
    test(`${dialect}: BulkInsertOp stores hostile strings exactly (${inlineValues ? "escaped literals" : "parameters"})`, async () => {
      await withHarness(dialect, async ({ db, apply, connection }) => {
        await apply([new CreateTableOp(table), new CreateTableOp(new Table({ name: "x", columns: table.columns.slice(0, 1) }))]);
        const rows = HOSTILE.map((s, i) => ({ id: i, [ODD_COLUMN]: s, n: i % 2 ? null : -i }));
        const op = new BulkInsertOp(ODD_TABLE, [...rows, { id: 100 }]);
        const { DIALECT } = await import("./ddl-support.js");
        const statements = await DIALECT[dialect].ddl.compile(op, { dialect: connection.dialect, inlineValues });
        assert.is(statements.length, 2, "one INSERT per set of keys");
        assert.is(statements.some((s) => s.params !== undefined), !inlineValues);
        for (const s of statements) await connection.execute(s.sql, s.params ?? []);
        const stored = await rawRows(db, ODD_TABLE, "id");
        assert.equal(
          stored.map((r) => [Number(r.id), r[ODD_COLUMN], r.n === null ? null : Number(r.n)]),
          [...rows.map((r) => [r.id, r[ODD_COLUMN], r.n]), [100, null, null]],
        );
        assert.equal(await rawTables(db), [ODD_TABLE, "x"].sort());
      });
    });
  }

  test(`${dialect}: ExecuteSQLOp runs its SQL as written`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new ExecuteSQLOp("CREATE TABLE raw_sql (a INTEGER)"));
      assert.equal(await rawTables(db), ["raw_sql"]);
    });
  });
}

test("large inserts are split below every driver's parameter limit", async () => {
  const rows = Array.from({ length: 25_000 }, (_, i) => ({ a: i, b: "x" }));
  const { DIALECT } = await import("./ddl-support.js");
  const statements = await DIALECT.sqlite.ddl.compile(new BulkInsertOp("t", rows), { dialect: DIALECT.sqlite.dialect });
  assert.equal(statements.map((s) => s.params!.length), [30_000, 20_000]);
});

test("literal escaping, exact text", () => {
  assert.is(stringLiteral("it's \\n", "postgresql"), "E'it''s \\\\n'");
  assert.is(stringLiteral("it's", "postgresql"), "'it''s'");
  assert.is(stringLiteral("it's \\ \0\n", "mysql"), "'it\\'s \\\\ \\0\\n'");
  assert.is(stringLiteral("it's \\", "sqlite"), "'it''s \\'");
  assert.is(sqlLiteral(new Uint8Array([0, 255]), "postgresql"), "decode('00ff', 'hex')");
  assert.is(sqlLiteral(new Uint8Array([0, 255]), "sqlite"), "X'00ff'");
  assert.is(sqlLiteral(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), "mysql"), "'2026-01-02 03:04:05.000'");
  assert.is(sqlLiteral({ a: "b'" }, "sqlite"), `'{"a":"b''"}'`);
  assert.is(sqlLiteral(12345678901234567890n, "postgresql"), "12345678901234567890");
  assert.throws(() => sqlLiteral(Number.NaN, "sqlite"), /sqlite cannot write the number NaN as a literal/);
  assert.throws(() => stringLiteral("a\0b", "postgresql"), /postgresql cannot store a NUL character in a text literal/);
});

test("inline bulk insert text is exact", async () => {
  const op = new BulkInsertOp("t", [{ a: 1, b: "'); drop table x; --" }]);
  assert.equal(await compileOffline("postgresql", op, { inlineValues: true }), [`INSERT INTO "t" ("a", "b") VALUES (1, '''); drop table x; --')`]);
  assert.equal(await compileOffline("mysql", op, { inlineValues: true }), ["INSERT INTO `t` (`a`, `b`) VALUES (1, '\\'); drop table x; --')"]);
  await rejects(compileOffline("postgresql", new BulkInsertOp("t", [{ a: "\0" }]), { inlineValues: true }), /NUL/);
});

test.run();
