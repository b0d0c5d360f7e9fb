/**
 * Exact SQL of function, procedure, aggregate and trigger ops on each
 * dialect, compiled offline.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Routine, Trigger } from "../../src/model/index.js";
import { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp } from "../../src/ops/function-ops.js";
import { CreateTriggerOp, DropTriggerOp, ReplaceTriggerOp } from "../../src/ops/trigger-ops.js";
import { compileOffline, rejects } from "./ddl-support.js";

const touch = new Routine({
  name: "touch",
  schema: "app",
  returns: "trigger",
  language: "plpgsql",
  body: "\nbegin\n  new.at := now();\n  return new; -- $$ inside\nend;\n",
  volatility: "stable",
  security: "definer",
  config: ["search_path=pg_catalog, public", "work_mem=64MB"],
  comment: "sets at",
});

test("PostgreSQL: a function with its settings, dollar-quoted with a tag its body lacks; drop by identity", async () => {
  assert.equal(await compileOffline("postgresql", new CreateFunctionOp(touch)), [
    "SET LOCAL check_function_bodies = off",
    `CREATE FUNCTION "app"."touch"() RETURNS trigger LANGUAGE "plpgsql" STABLE SECURITY DEFINER SET search_path TO pg_catalog, public SET work_mem TO '64MB' AS $strata$${touch.body}$strata$`,
    `COMMENT ON FUNCTION "app"."touch"() IS 'sets at'`,
  ]);
  const add = new Routine({ name: "add", arguments: "a integer, OUT b integer, c text DEFAULT 'x'", language: "sql", body: "select a", strict: true, parallel: "safe", cost: 5 });
  assert.equal(await compileOffline("postgresql", new ReplaceFunctionOp(add.with({ body: "select a + 1" }), add)), [
    "SET LOCAL check_function_bodies = off",
    `CREATE OR REPLACE FUNCTION "add"(a integer, OUT b integer, c text DEFAULT 'x') LANGUAGE "sql" STRICT PARALLEL SAFE COST 5 AS $$select a + 1$$`,
  ]);
  assert.equal(await compileOffline("postgresql", DropFunctionOp.of(add)), [`DROP FUNCTION "add"(a integer, c text)`]);
  const proc = new Routine({ name: "p", kind: "procedure", arguments: "INOUT n integer", language: "plpgsql", body: "begin end;" });
  assert.equal(await compileOffline("postgresql", DropFunctionOp.of(proc)), [`DROP PROCEDURE "p"(INOUT n integer)`]);
  const agg = new Routine({ name: "group_concat", kind: "aggregate", arguments: "text", body: "", stateFunction: "_group_concat", stateType: "text", initialValue: "", parallel: "safe" });
  assert.equal(await compileOffline("postgresql", new CreateFunctionOp(agg)), [
    `CREATE AGGREGATE "group_concat"(text) (SFUNC = _group_concat, STYPE = text, INITCOND = '', PARALLEL = SAFE)`,
  ]);
  assert.equal(await compileOffline("postgresql", DropFunctionOp.of(agg)), [`DROP AGGREGATE "group_concat"(text)`]);
});

test("PostgreSQL: triggers, constraint triggers and their replacement", async () => {
  const trigger = new Trigger({
    name: "t_touch",
    schema: "app",
    table: "account",
    timing: "before",
    events: ["insert", "update"],
    columns: ["balance", "Owner"],
    forEach: "row",
    when: "new.balance > 0",
    execute: "app.touch('a')",
    comment: "touches",
  });
  assert.equal(await compileOffline("postgresql", new CreateTriggerOp(trigger)), [
    `CREATE TRIGGER "t_touch" BEFORE INSERT OR UPDATE OF "balance", "Owner" ON "app"."account" FOR EACH ROW WHEN (new.balance > 0) EXECUTE FUNCTION app.touch('a')`,
    `COMMENT ON TRIGGER "t_touch" ON "app"."account" IS 'touches'`,
  ]);
  const check = new Trigger({ name: "c", table: "orders", timing: "after", events: ["delete"], forEach: "row", constraint: true, deferrable: true, initiallyDeferred: true, from: "customers", execute: "check_it()" });
  assert.equal(await compileOffline("postgresql", new ReplaceTriggerOp(check, check.with({ events: ["insert"] }))), [
    `DROP TRIGGER "c" ON "orders"`,
    `CREATE CONSTRAINT TRIGGER "c" AFTER DELETE ON "orders" FROM customers DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_it()`,
  ]);
  const audit = new Trigger({ name: "audit", table: "orders", timing: "after", events: ["update"], oldTable: "before_rows", newTable: "after_rows", execute: "log_rows()" });
  assert.equal(await compileOffline("postgresql", new CreateTriggerOp(audit)), [
    `CREATE TRIGGER "audit" AFTER UPDATE ON "orders" REFERENCING OLD TABLE AS "before_rows" NEW TABLE AS "after_rows" EXECUTE FUNCTION log_rows()`,
  ]);
});

const body = "BEGIN\n    UPDATE stat SET n = n + 1;\nEND";

test("MySQL: routines with their characteristics (no OR REPLACE), triggers with FOLLOWS, each under its sql_mode", async () => {
  const next = new Routine({ name: "next_state", arguments: "s INT", returns: "INT", body: "RETURN s + 1", deterministic: true, comment: "bump" });
  assert.equal(await compileOffline("mysql", new ReplaceFunctionOp(next.with({ dataAccess: "noSql", security: "invoker" }), next)), [
    "DROP FUNCTION `next_state`",
    "SET @strata_sql_mode = @@SESSION.sql_mode",
    "SET SESSION sql_mode = @@GLOBAL.sql_mode",
    "CREATE FUNCTION `next_state`(s INT) RETURNS INT\nCOMMENT 'bump'\nDETERMINISTIC\nNO SQL\nSQL SECURITY INVOKER\nRETURN s + 1",
    "SET SESSION sql_mode = @strata_sql_mode",
  ]);
  const trigger = new Trigger({ name: "lease_aa", table: "lease", timing: "after", events: ["insert"], forEach: "row", follows: "lease_ai", sqlMode: "ANSI_QUOTES", body });
  assert.equal(await compileOffline("mysql", new CreateTriggerOp(trigger)), [
    "SET @strata_sql_mode = @@SESSION.sql_mode",
    "SET SESSION sql_mode = 'ANSI_QUOTES'",
    `CREATE TRIGGER \`lease_aa\` AFTER INSERT ON \`lease\` FOR EACH ROW FOLLOWS \`lease_ai\`\n${body}`,
    "SET SESSION sql_mode = @strata_sql_mode",
  ]);
  assert.equal(await compileOffline("mysql", new DropTriggerOp("lease_aa", "lease")), ["DROP TRIGGER `lease_aa`"]);
});

test("SQLite: triggers as written, FOR EACH ROW only where stated; no functions", async () => {
  const trigger = new Trigger({ name: "book_ai", table: "book", timing: "insteadOf", events: ["delete"], when: "OLD.id > 0", body });
  assert.equal(await compileOffline("sqlite", new CreateTriggerOp(trigger)), [`CREATE TRIGGER "book_ai" INSTEAD OF DELETE ON "book" WHEN OLD.id > 0\n${body}`]);
  await rejects(compileOffline("sqlite", new CreateFunctionOp(touch)), /sqlite cannot create functions/);
});

test.run();
