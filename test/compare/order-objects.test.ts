import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, Domain, Extension, MetaData, Policy, Routine, scalarType, Table, Trigger, View } from "../../src/model/index.js";
import {
  CreateDomainOp,
  CreateExtensionOp,
  CreateFunctionOp,
  CreatePolicyOp,
  CreateTableOp,
  CreateTriggerOp,
  CreateViewOp,
  DropDomainOp,
  DropExtensionOp,
  DropFunctionOp,
  DropPolicyOp,
  DropTableOp,
  DropTriggerOp,
  DropViewOp,
  type MigrateOperation,
} from "../../src/ops/index.js";
import { orderOps } from "../../src/compare/order-ops.js";
import { dependencyOrder, Phase } from "../../src/compare/order-objects.js";

const view = (name: string, definition: string) => new View({ name, definition });

test("views are created after the views they read, whatever their names sort as", () => {
  const views = [
    view("a_latest", "select * from b_current join `c base` using (id)"),
    view("b_current", 'select * from "c base"'),
    view("c base", "select id from t"),
  ];
  const ordered = orderOps(views.map((v) => new CreateViewOp(v)), new MetaData(), new MetaData({ views }));
  assert.equal(ordered.map((op) => (op as CreateViewOp).view.name), ["c base", "b_current", "a_latest"]);
});

test("views are dropped readers first", () => {
  const views = [view("base", "select id from t"), view("reader", "select * from base")];
  const database = new MetaData({ views });
  const ordered = orderOps(views.map((v) => new DropViewOp(v.name, { view: v })), database, new MetaData());
  assert.equal(ordered.map((op) => (op as DropViewOp).viewName), ["reader", "base"]);
});

test("a name inside a longer identifier is no dependency", () => {
  const items = [view("users_view", "select * from users"), view("users", "select 1")];
  // users_view mentions `users` as a whole word, so users comes first; users does not mention users_view.
  const describe = (v: View) => ({ key: v.key, name: v.name, text: v.definition, phase: Phase.view });
  assert.equal(dependencyOrder(items, describe).map((v) => v.name), ["users", "users_view"]);
  const unrelated = [view("b", "select * from user_accounts"), view("user", "select 1")];
  assert.equal(dependencyOrder(unrelated, describe).map((v) => v.name), ["b", "user"]);
});


// Functions and triggers, in both directions: created after what they need, dropped before it.
// A function's body does not tie it to tables (it is not checked at creation); its signature does.

const fn = (name: string, body: string, returns = "integer") => new Routine({ name, returns, body, language: "plpgsql" });
const account = new Table({
  name: "account",
  columns: [new Column({ name: "balance", type: scalarType("integer"), nullable: false })],
  checkConstraints: [new CheckConstraint({ name: "ck_balance", expression: "is_valid(balance)" })],
});
const touchTrigger = new Trigger({ name: "account_touch", table: "account", timing: "before", events: ["update"], forEach: "row", execute: "touch()" });
const label = (op: MigrateOperation): string => {
  if (op instanceof CreateFunctionOp) return `create function ${op.routine.name}`;
  if (op instanceof DropFunctionOp) return `drop function ${op.functionName}`;
  if (op instanceof CreateTableOp) return `create table ${op.table.name}`;
  if (op instanceof DropTableOp) return `drop table ${op.tableName}`;
  if (op instanceof CreateTriggerOp) return `create trigger ${op.trigger.name}`;
  if (op instanceof DropTriggerOp) return `drop trigger ${op.triggerName}`;
  if (op instanceof CreateViewOp) return `create view ${op.view.name}`;
  if (op instanceof DropViewOp) return `drop view ${op.viewName}`;
  if (op instanceof CreateDomainOp) return `create domain ${op.domain.key}`;
  if (op instanceof DropDomainOp) return `drop domain ${op.domainName}`;
  if (op instanceof CreateExtensionOp) return `create extension ${op.extension.name}`;
  if (op instanceof DropExtensionOp) return `drop extension ${op.extensionName}`;
  if (op instanceof CreatePolicyOp) return `create policy ${op.policy.name}`;
  if (op instanceof DropPolicyOp) return `drop policy ${op.policyName}`;
  return op.constructor.name;
};

test("functions a check, a trigger or a view needs are created before them; a function returning a new table's rows after it", () => {
  const reads = fn("account_total", "select * from account", "setof account");
  const ops = [
    new CreateViewOp(view("totals", "select account_total() as total")),
    new CreateTriggerOp(touchTrigger),
    new CreateTableOp(account),
    new CreateFunctionOp(reads),
    new CreateFunctionOp(fn("touch", "begin return new; end;", "trigger")),
    new CreateFunctionOp(fn("is_valid", "begin return true; end;", "boolean")),
  ];
  assert.equal(orderOps(ops, new MetaData(), new MetaData({ tables: [account] })).map(label), [
    "create function is_valid",
    "create function touch",
    "create table account",
    "create function account_total",
    "create view totals",
    "create trigger account_touch",
  ]);
});

test("drops mirror creates: a view and a trigger go before the function and the table, so the downgrade re-creates in order", () => {
  const reads = fn("account_total", "select * from account", "setof account");
  const totals = view("totals", "select account_total() as total");
  const creates = [
    new CreateFunctionOp(fn("touch", "begin return new; end;", "trigger")),
    new CreateFunctionOp(fn("is_valid", "begin return true; end;", "boolean")),
    new CreateFunctionOp(reads),
    new CreateTableOp(account),
    new CreateTriggerOp(touchTrigger),
    new CreateViewOp(totals),
  ];
  const drops = creates.map((op) => op.reverse());
  const ordered = orderOps(drops, new MetaData({ tables: [account], views: [totals] }), new MetaData()).map(label);
  assert.equal(ordered, [
    "drop trigger account_touch",
    "drop view totals",
    "drop function account_total",
    "drop table account",
    "drop function touch",
    "drop function is_valid",
  ]);
});

// Domains over other domains and extension types, and policies over tables and functions.

test("a domain over another domain comes after it whatever their names; extensions first; a policy after its table and function; drops the other way", () => {
  const notNull = new Domain({ name: "tsvector_not_null", schema: "test", type: scalarType("tsvector"), nullable: false });
  const notEmpty = new Domain({
    name: "tsvector_not_empty",
    schema: "test",
    type: scalarType("test.tsvector_not_null"),
    nullable: true,
    checks: [new CheckConstraint({ name: "ck", expression: "VALUE <> ''::tsvector AND VALUE::text <> 'account'" })],
  });
  const email = new Domain({ name: "email", type: scalarType("citext"), nullable: true });
  const doc = new Table({ name: "account", columns: [new Column({ name: "search", type: scalarType("test.tsvector_not_empty"), nullable: true })] });
  const policy = new Policy({ name: "visible", table: "account", using: "search @@ to_tsquery(app_query())" });
  const creates = [
    new CreatePolicyOp(policy),
    new CreateTableOp(doc),
    new CreateFunctionOp(fn("app_query", "select 'a'", "text")),
    new CreateDomainOp(notEmpty),
    new CreateDomainOp(email),
    new CreateDomainOp(notNull),
    new CreateExtensionOp(new Extension({ name: "citext" })),
  ];
  const target = new MetaData({ tables: [doc], domains: [notNull, notEmpty, email], policies: [policy] });
  const created = orderOps(creates, new MetaData(), target).map(label);
  assert.equal(created, [
    "create extension citext",
    "create domain email",
    "create domain test.tsvector_not_null",
    "create domain test.tsvector_not_empty",
    "create function app_query",
    "create table account",
    "create policy visible",
  ]);
  const dropped = orderOps(creates.map((op) => op.reverse()), target, new MetaData()).map(label);
  assert.equal(dropped, [
    "drop policy visible",
    "drop table account",
    "drop function app_query",
    "drop domain tsvector_not_empty",
    "drop domain tsvector_not_null",
    "drop domain email",
    "drop extension citext",
  ]);
});

test.run();
