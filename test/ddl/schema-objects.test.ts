import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, Enum, enumType, MetaData, Sequence, Table, View } from "../../src/model/index.js";
import { AddEnumValueOp, CreateEnumOp, DropEnumOp, DropEnumValueOp } from "../../src/ops/enum-ops.js";
import { MigrateOperation } from "../../src/ops/migrate-operation.js";
import { AlterSequenceOp, CreateSequenceOp, DropSequenceOp } from "../../src/ops/sequence-ops.js";
import { CreateTableOp } from "../../src/ops/table-ops.js";
import { CreateViewOp, DropViewOp, ReplaceViewOp } from "../../src/ops/view-ops.js";
import { availableDialects, type DialectName } from "../support/databases.js";
import { compileOffline, rejects, withHarness } from "./ddl-support.js";
import { int, parentTable } from "./fixtures.js";

const DIALECTS = availableDialects();

const role = new Enum({ name: "Role", values: ["admin", "member", "in progress", "it's"] });
const member = new Table({
  name: "member",
  columns: [int("id"), new Column({ name: "role", type: enumType("Role"), nullable: false, default: defaults.enumValue("member") })],
});
const metadata = new MetaData({ enums: [role], tables: [member] });

async function enumValues(dialect: DialectName, query: (sql: string) => Promise<Array<Record<string, unknown>>>): Promise<string[]> {
  if (dialect === "postgresql") {
    const rows = await query(`SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'Role' ORDER BY e.enumsortorder`);
    return rows.map((r) => String(r.v));
  }
  const [row] = await query("SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'member' AND COLUMN_NAME = 'role'");
  return [String(row.t)];
}

for (const dialect of DIALECTS.filter((d) => d !== "sqlite")) {
  test(`${dialect}: enum create, add a value, drop a value, drop`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      const query = (sql: string) => db.query(sql);
      const created = await apply([new CreateEnumOp(role), new CreateTableOp(member)], { metadata });
      if (dialect === "mysql") assert.not.ok(created.some((s) => /TYPE/.test(s.sql)), "MySQL has no enum objects");
      await db.run("INSERT INTO member (id) VALUES (1)");
      await apply(new AddEnumValueOp("Role", "guest", { after: "member" }), { metadata });
      const added = ["admin", "member", "guest", "in progress", "it's"];
      assert.equal(await enumValues(dialect, query), dialect === "postgresql" ? added : ["enum('admin','member','guest','in progress','it''s')"]);
      await apply(new DropEnumValueOp("Role", "admin"), { metadata });
      const dropped = added.slice(1);
      assert.equal(await enumValues(dialect, query), dialect === "postgresql" ? dropped : ["enum('member','guest','in progress','it''s')"]);
      const [row] = await db.query("SELECT role FROM member");
      assert.is(row.role, "member", "rows and the default survive the value changes");
      await db.run("INSERT INTO member (id) VALUES (2)");
      await db.run("UPDATE member SET role = 'member'");
      // Rows still hold the value: dropping it fails and the rows keep it.
      await rejects(apply(new DropEnumValueOp("Role", "member"), { metadata }));
      assert.equal((await db.query("SELECT role FROM member ORDER BY id")).map((r) => r.role), ["member", "member"]);
      await db.run("DROP TABLE member");
      await apply(new DropEnumOp("Role"), { metadata });
      if (dialect === "postgresql") assert.equal(await db.query("SELECT 1 FROM pg_type WHERE typname = 'Role'"), []);
    });
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: dropping an enum value converts array columns of the enum too", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      const tags = new Table({ name: "tagged", columns: [int("id"), new Column({ name: "roles", type: enumType("Role", undefined, 1), nullable: true })] });
      await apply([new CreateEnumOp(role), new CreateTableOp(tags)]);
      await db.run(`INSERT INTO tagged VALUES (1, '{member,"in progress"}')`);
      await apply(new DropEnumValueOp("Role", "admin"));
      assert.equal(await db.query("SELECT roles::text AS r, format_type(atttypid, NULL) AS t FROM tagged, pg_attribute WHERE attrelid = 'tagged'::regclass AND attname = 'roles'"), [
        { r: '{member,"in progress"}', t: '"Role"[]' },
      ]);
    });
  });

  test("postgresql: sequences are created with their options, altered and dropped", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable("orders")));
      const seq = new Sequence({ name: "order seq", start: 100, increment: 5, minValue: 1, maxValue: 1000, cache: 1, cycle: true, ownedBy: "orders.id" });
      await apply(new CreateSequenceOp(seq));
      const read = async () =>
        (
          await db.query(
            "SELECT start_value::int AS start, increment_by::int AS inc, min_value::int AS min, max_value::text AS max, cycle FROM pg_sequences WHERE sequencename = 'order seq'",
          )
        )[0];
      assert.equal({ ...(await read()) }, { start: 100, inc: 5, min: 1, max: "1000", cycle: true });
      const owner = await db.query("SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid WHERE s.relname = 'order seq' AND d.deptype = 'a'");
      assert.is(owner.length, 1);
      const altered = new Sequence({ name: "order seq", start: 100, increment: 10, minValue: 1, cache: 1, cycle: false });
      await apply(new AlterSequenceOp(seq, altered));
      assert.equal({ ...(await read()) }, { start: 100, inc: 10, min: 1, max: "9223372036854775807", cycle: false });
      await apply(new DropSequenceOp("order seq"));
      assert.equal(await db.query("SELECT 1 FROM pg_sequences"), []);
    });
  });
}

for (const dialect of DIALECTS) {
  test(`${dialect}: views are created, replaced and dropped`, async () => {
    await withHarness(dialect, async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      await db.run("INSERT INTO parent (id, label) VALUES (1, 'a'), (2, 'b')");
      const v1 = new View({ name: "Parent View", definition: "SELECT id FROM parent WHERE id > 1" });
      const v2 = new View({ name: "Parent View", definition: "SELECT id FROM parent WHERE id > 0" });
      const q = dialect === "mysql" ? "`Parent View`" : '"Parent View"';
      await apply(new CreateViewOp(v1));
      assert.is((await db.query(`SELECT * FROM ${q}`)).length, 1);
      await apply(new ReplaceViewOp(v2, v1));
      assert.is((await db.query(`SELECT * FROM ${q}`)).length, 2);
      await apply(new DropViewOp("Parent View", { view: v2 }));
      await rejects(db.query(`SELECT * FROM ${q}`));
    });
  });
}

if (DIALECTS.includes("postgresql")) {
  test("postgresql: a materialized view with a comment", async () => {
    await withHarness("postgresql", async ({ db, apply }) => {
      await apply(new CreateTableOp(parentTable()));
      const mv = new View({ name: "mv", definition: "SELECT id FROM parent", materialized: true, comment: "it's cached" });
      await apply(new CreateViewOp(mv));
      const [row] = await db.query("SELECT obj_description('mv'::regclass, 'pg_class') AS c, relkind AS k FROM pg_class WHERE relname = 'mv'");
      assert.equal({ ...row }, { c: "it's cached", k: "m" });
      await apply(new DropViewOp("mv", { view: mv }));
      assert.equal(await db.query("SELECT 1 FROM pg_class WHERE relname = 'mv'"), []);
    });
  });
}

/** What each dialect cannot do is a typed error with a sentence, never a silent skip. */
const UNSUPPORTED: ReadonlyArray<[DialectName, MigrateOperation, RegExp]> = [
  ["sqlite", new CreateSequenceOp(new Sequence({ name: "s" })), /^sqlite cannot create sequences \(use autoincrement\(\)\)$/],
  ["sqlite", new CreateEnumOp(role), /^sqlite cannot create enum types$/],
  ["sqlite", new CreateViewOp(new View({ name: "m", definition: "SELECT 1", materialized: true })), /^sqlite cannot create the materialized view "m"$/],
  ["mysql", new CreateSequenceOp(new Sequence({ name: "s" })), /^mysql cannot create sequences/],
  ["mysql", new CreateTableOp(new Table({ name: "t", columns: [int("id", false, { identity: "always" })] })), /^mysql cannot declare the identity column "id"/],
  ["postgresql", new CreateTableOp(new Table({ name: "t", columns: [int("id", false, { generated: { expression: "1", stored: false } })] })), /^postgresql cannot make "id" a virtual generated column/],
];

for (const [dialect, op, message] of UNSUPPORTED) {
  test(`${dialect}: ${op.constructor.name} that the dialect cannot do throws UnsupportedDdlError`, async () => {
    try {
      await compileOffline(dialect, op);
    } catch (error) {
      assert.is((error as Error).name, "UnsupportedDdlError");
      assert.match((error as Error).message, message);
      return;
    }
    assert.unreachable("compiled");
  });
}

class PluginOp extends MigrateOperation {
  reverse(): PluginOp {
    return this;
  }
  toDiffTuple() {
    return ["plugin"] as const;
  }
}

test("an op class without a DDL handler is a MissingDdlHandlerError on every dialect", async () => {
  for (const dialect of ["sqlite", "postgresql", "mysql"] as const) {
    await rejects(compileOffline(dialect, new PluginOp()), new RegExp(`^${dialect} has no DDL for PluginOp; a plugin op needs its own implementation`));
  }
});

test.run();
