import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, ForeignKeyConstraint, scalarType, Table, UniqueConstraint } from "../../src/model/index.js";
import { postgresqlStyleConstraintName } from "../../src/dialects/ddl/constraint-names.js";
import { mysqlConstraintName } from "../../src/dialects/mysql/mysql-constraint-names.js";

const table = (name: string, ...columns: string[]) =>
  new Table({ name, columns: columns.map((c) => new Column({ name: c, type: scalarType("integer"), nullable: false })) });
const t = table("orders", "id", "customer_id", "qty", "Price");
const fk = new ForeignKeyConstraint({ columns: ["customer_id"], target: { name: "customer" }, targetColumns: ["id"] });
const none = new Set<string>();

test("PostgreSQL's own names: columns and label, the check's one column, a number on collision", () => {
  assert.is(postgresqlStyleConstraintName(t, fk, none), "orders_customer_id_fkey");
  assert.is(postgresqlStyleConstraintName(t, new UniqueConstraint({ columns: ["qty", "id"] }), none), "orders_qty_id_key");
  assert.is(postgresqlStyleConstraintName(t, new CheckConstraint({ expression: "qty >= 0 AND qty < 'qty id'" }), none), "orders_qty_check");
  assert.is(postgresqlStyleConstraintName(t, new CheckConstraint({ expression: '"Price" > qty' }), none), "orders_check");
  assert.is(postgresqlStyleConstraintName(t, new CheckConstraint({ expression: '"Price" > 0' }), none), "orders_Price_check");
  const taken = new Set(["orders_check", "orders_check1"]);
  assert.is(postgresqlStyleConstraintName(t, new CheckConstraint({ expression: "1 = 1" }), taken), "orders_check2");
});

test("PostgreSQL cuts the longer of table and columns to fit 63 bytes", () => {
  const long = table("a".repeat(60), "b".repeat(40));
  const name = postgresqlStyleConstraintName(long, new UniqueConstraint({ columns: ["b".repeat(40)] }), none);
  assert.is(name, `${"a".repeat(29)}_${"b".repeat(29)}_key`);
  assert.is(Buffer.byteLength(name), 63);
});

test("MySQL's own names: ibfk and chk counted past the highest taken, a unique key after its first column", () => {
  assert.is(mysqlConstraintName(t, fk, new Set(["orders_ibfk_1", "orders_ibfk_7", "other_ibfk_9"])), "orders_ibfk_8");
  assert.is(mysqlConstraintName(t, new CheckConstraint({ expression: "qty > 0" }), none), "orders_chk_1");
  assert.is(mysqlConstraintName(t, new UniqueConstraint({ columns: ["qty", "id"] }), new Set(["qty", "qty_2"])), "qty_3");
});

test.run();
