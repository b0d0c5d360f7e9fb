import { test } from "uvu";
import * as assert from "uvu/assert";
import { MetaData, View } from "../../src/model/index.js";
import { CreateViewOp, DropViewOp } from "../../src/ops/index.js";
import { orderOps } from "../../src/compare/order-ops.js";
import { viewsInDependencyOrder } from "../../src/compare/order-views.js";

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
  assert.equal(viewsInDependencyOrder(items, (v) => v).map((v) => v.name), ["users", "users_view"]);
  const unrelated = [view("b", "select * from user_accounts"), view("user", "select 1")];
  assert.equal(viewsInDependencyOrder(unrelated, (v) => v).map((v) => v.name), ["b", "user"]);
});

test.run();
