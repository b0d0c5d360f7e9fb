import { test } from "uvu";
import * as assert from "uvu/assert";
import { defaults, type DefaultValue } from "../../../src/model/index.js";
import { defaultFromSqlite } from "../../../src/dialects/sqlite/sqlite-defaults.js";

const cases: Array<[string, DefaultValue]> = [
  ["0", defaults.literal(0)],
  ["-1", defaults.literal(-1)],
  ["1.5", defaults.literal(1.5)],
  ["0x1F", defaults.literal(31)],
  ["'abc'", defaults.literal("abc")],
  ["'it''s'", defaults.literal("it's")],
  ["''", defaults.literal("")],
  ["NULL", defaults.literal(null)],
  ["TRUE", defaults.literal(true)],
  ["false", defaults.literal(false)],
  ["CURRENT_TIMESTAMP", defaults.now()],
  ["(datetime('now'))", defaults.now()],
  ["(DATETIME( 'now' ))", defaults.now()],
  ["(datetime('now', 'localtime'))", defaults.sql("datetime('now', 'localtime')")],
  ["CURRENT_DATE", defaults.sql("CURRENT_DATE")],
  ["(1)", defaults.literal(1)],
  ["((-2.5))", defaults.literal(-2.5)],
  ["('x')", defaults.literal("x")],
  ["(lower('X'))", defaults.sql("lower('X')")],
  ["(1) + (2)", defaults.sql("(1) + (2)")],
  ["X'00FF'", defaults.sql("X'00FF'")],
  ["9007199254740993", defaults.number("9007199254740993")],
  ["(strftime('%s', 'now'))", defaults.sql("strftime('%s', 'now')")],
];

for (const [text, expected] of cases) {
  test(`DEFAULT ${text}`, () => {
    assert.equal(defaultFromSqlite(text), expected);
  });
}

test("a boolean column's 1 stays the number 1 and TRUE the literal: SQLite keeps the text as written", () => {
  assert.equal(defaultFromSqlite("1"), defaults.number("1"));
  assert.equal(defaultFromSqlite("(0)"), defaults.number("0"));
  assert.equal(defaultFromSqlite("TRUE"), defaults.literal(true));
});

test.run();
