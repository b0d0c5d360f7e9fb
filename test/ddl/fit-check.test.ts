import { test } from "uvu";
import * as assert from "uvu/assert";
import { misfitCondition, type FitSql } from "../../src/dialects/ddl/fit-check.js";
import { formatType, scalarType } from "../../src/model/index.js";

const sql: FitSql = { length: (v) => `len(${v})`, cast: (v, t) => `CAST(${v} AS ${formatType(t)})`, integerWidths: true, timePrecision: 6 };
const t = (name: string, ...args: number[]) => scalarType(name, args);

test("the condition a value that does not fit meets, by target type family", () => {
  assert.is(misfitCondition("c", t("varchar", 255), t("varchar", 5), sql), "len(c) > 5");
  assert.is(misfitCondition("c", t("integer"), t("varchar", 3), sql), "len(c) > 3");
  assert.is(misfitCondition("c", t("bigint"), t("integer"), sql), "c < -2147483648 OR c > 2147483647");
  assert.is(misfitCondition("c", t("double"), t("smallint"), sql), "c <> FLOOR(c) OR c < -32768 OR c > 32767");
  assert.is(misfitCondition("c", t("integer"), scalarType("integer", [], { unsigned: true }), sql), "c < 0 OR c > 4294967295");
  assert.is(misfitCondition("c", t("decimal", 10, 2), t("decimal", 5, 1), sql), "c <> ROUND(c, 1) OR ABS(c) >= 10000");
  assert.is(misfitCondition("c", t("timestamp", 3), t("timestamp", 0), sql), "CAST(c AS timestamp(0)) <> c");
  assert.is(misfitCondition("c", t("timestamp", 3), t("timestamp"), { ...sql, timePrecision: 0 }), "CAST(c AS timestamp) <> c");
  assert.is(misfitCondition("c", t("varchar", 5), t("varchar", 50), sql), undefined);
  assert.is(misfitCondition("c", t("text"), t("integer"), sql), undefined);
  assert.is(misfitCondition("c", t("bigint"), t("integer"), { ...sql, integerWidths: false }), undefined);
  assert.is(misfitCondition("c", t("timestamp", 3), t("timestamp", 0), { ...sql, timePrecision: undefined }), undefined);
  // A hand-written op that does not say what the column was: only the length, which holds for any source.
  assert.is(misfitCondition("c", undefined, t("char", 2), sql), "len(c) > 2");
  assert.is(misfitCondition("c", undefined, t("integer"), sql), undefined);
});

test.run();
