import { test } from "uvu";
import * as assert from "uvu/assert";
import { MysqlSyntaxError, parseQuotedList, quoteString, stripOuterParens, unquoteString } from "../../../src/dialects/mysql/mysql-sql-text.js";

test("unquoteString reads one literal with doubled quotes and backslash escapes", () => {
  assert.is(unquoteString("'it''s'"), "it's");
  assert.is(unquoteString("'a\\\\b\\tc\\'d'"), "a\\b\tc'd");
  assert.is(unquoteString("''"), "");
  assert.is(unquoteString("abc"), undefined);
  assert.is(unquoteString("'a' + 'b'"), undefined);
  assert.throws(() => unquoteString("'open"), (e: Error) => e instanceof MysqlSyntaxError);
});

test("quoteString is the inverse of unquoteString", () => {
  for (const value of ["", "it's", "a\\b", "''", "\\'"]) assert.is(unquoteString(quoteString(value)), value);
});

test("parseQuotedList splits enum/set values, not on commas inside them", () => {
  assert.equal(parseQuotedList("'a','b,c','it''s'"), ["a", "b,c", "it's"]);
  assert.equal(parseQuotedList(""), []);
});

test("stripOuterParens removes only parentheses around the whole expression", () => {
  assert.is(stripOuterParens("((a + 1))"), "a + 1");
  assert.is(stripOuterParens("(a) + (b)"), "(a) + (b)");
  assert.is(stripOuterParens("(`a)` + ')')"), "`a)` + ')'");
  assert.is(stripOuterParens("f(x)"), "f(x)");
});

test.run();
