/**
 * Exact SQL of row-level security and policy ops on PostgreSQL, compiled
 * offline; the other dialects refuse them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, Policy, scalarType, Table } from "../../src/model/index.js";
import { AlterPolicyOp, CreatePolicyOp, DropPolicyOp } from "../../src/ops/policy-ops.js";
import { AlterTableOptionsOp } from "../../src/ops/table-options-ops.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { compileOffline, rejects } from "./ddl-support.js";

const own = new Policy({
  name: "own rows",
  schema: "app",
  table: "doc",
  command: "update",
  roles: ["app_user", "public", "Admin"],
  restrictive: true,
  using: "owner = current_user",
  check: "owner = current_user",
  comment: "owners only",
});

test("CREATE POLICY says every clause; PUBLIC is the keyword, other roles are quoted; the comment follows", async () => {
  assert.equal(await compileOffline("postgresql", new CreatePolicyOp(own)), [
    `CREATE POLICY "own rows" ON "app"."doc" AS RESTRICTIVE FOR UPDATE TO "app_user", PUBLIC, "Admin" USING (owner = current_user) WITH CHECK (owner = current_user)`,
    `COMMENT ON POLICY "own rows" ON "app"."doc" IS 'owners only'`,
  ]);
  assert.equal(await compileOffline("postgresql", new CreatePolicyOp(new Policy({ name: "all", table: "doc" }))), [
    `CREATE POLICY "all" ON "doc" AS PERMISSIVE FOR ALL TO PUBLIC`,
  ]);
  assert.equal(await compileOffline("postgresql", new DropPolicyOp("own rows", "doc", { schema: "app", policy: own })), [`DROP POLICY "own rows" ON "app"."doc"`]);
  await rejects(compileOffline("sqlite", new CreatePolicyOp(own)), /row-level security policies/);
  await rejects(compileOffline("mysql", new DropPolicyOp("own rows", "doc")), /policies/);
});

test("a new definition is ALTER POLICY where it can be; a new command, kind or a clause taken away re-creates the policy", async () => {
  const altered = own.with({ roles: ["app_user"], using: "true", comment: undefined });
  assert.equal(await compileOffline("postgresql", new AlterPolicyOp(altered, own)), [
    `ALTER POLICY "own rows" ON "app"."doc" TO "app_user" USING (true) WITH CHECK (owner = current_user)`,
    `COMMENT ON POLICY "own rows" ON "app"."doc" IS NULL`,
  ]);
  for (const changed of [own.with({ command: "all" }), own.with({ restrictive: false }), own.with({ check: undefined })]) {
    const sql = await compileOffline("postgresql", new AlterPolicyOp(changed, own));
    assert.equal(sql.slice(0, 1), [`DROP POLICY "own rows" ON "app"."doc"`]);
    assert.ok(sql[1].startsWith(`CREATE POLICY "own rows" ON "app"."doc" AS ${changed.restrictive ? "RESTRICTIVE" : "PERMISSIVE"} FOR ${changed.command.toUpperCase()}`), sql[1]);
  }
});

test("row-level security: enabled and forced after CREATE TABLE, switched by ALTER TABLE", async () => {
  const doc = new Table({
    name: "doc",
    columns: [new Column({ name: "id", type: scalarType("integer"), nullable: false })],
    options: { rowLevelSecurity: true, forceRowLevelSecurity: true },
  });
  assert.equal(await compileOffline("postgresql", new CreateTableOp(doc)), [
    `CREATE TABLE "doc" (\n  "id" integer NOT NULL\n)`,
    `ALTER TABLE "doc" ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE "doc" FORCE ROW LEVEL SECURITY`,
  ]);
  const off = new AlterTableOptionsOp("doc", { rowLevelSecurity: null, forceRowLevelSecurity: null }, { existing: { rowLevelSecurity: true, forceRowLevelSecurity: true } });
  assert.equal(await compileOffline("postgresql", off), [`ALTER TABLE "doc" DISABLE ROW LEVEL SECURITY`, `ALTER TABLE "doc" NO FORCE ROW LEVEL SECURITY`]);
  assert.equal(await compileOffline("postgresql", off.reverse()), [`ALTER TABLE "doc" ENABLE ROW LEVEL SECURITY`, `ALTER TABLE "doc" FORCE ROW LEVEL SECURITY`]);
});

test.run();
