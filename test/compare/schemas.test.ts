import { test } from "uvu";
import * as assert from "uvu/assert";
import { MetaData, Table } from "../../src/model/index.js";
import { diffs, schema, summary } from "./support.js";

const auditModel = schema(`
enum audit.level { low high }
table audit.event {
  id    integer     @id
  level audit.level
}
table app_user {
  id integer @id
}
`);
const plainModel = schema(`
table app_user {
  id integer @id
}
`);

test("a schema the target names and the database lacks is created before anything in it", async () => {
  assert.equal((await diffs(plainModel, auditModel)).map(summary), ["add_schema audit", "add_enum audit.level", "add_table audit.event"]);
  assert.equal((await diffs(new MetaData(), auditModel)).slice(0, 1), [["add_schema", "audit"]]);
});

test("a schema that exists, even empty (reflection lists it in info.schemaNames), is not created again", async () => {
  const empty = plainModel.with({ info: { schemaNames: ["audit"] } });
  assert.equal((await diffs(empty, auditModel)).map(summary), ["add_enum audit.level", "add_table audit.event"]);
  assert.equal(await diffs(auditModel, auditModel), []);
});

test("a schema whose every object this migration drops is dropped last, when it is compared", async () => {
  const down = await diffs(auditModel, plainModel, "postgresql", { includeSchemas: ["audit"] });
  assert.equal(down.map(summary), ["remove_table audit.event", "remove_enum audit.level", "remove_schema audit"]);
  // Not compared (the target does not name it and includeSchemas does not either): left alone, contents and all.
  assert.equal(await diffs(auditModel, plainModel), []);
});

test("a schema is kept while something in it stays: an object the comparison skips, or nothing dropped at all", async () => {
  const opts = { includeSchemas: ["audit"], includeObject: (object: unknown) => !(object instanceof Table && object.name === "event") };
  assert.equal((await diffs(auditModel, plainModel, "postgresql", opts)).map(summary), ["remove_enum audit.level"]);
  const empty = plainModel.with({ info: { schemaNames: ["audit"] } });
  assert.equal(await diffs(empty, plainModel, "postgresql", { includeSchemas: ["audit"] }), []);
  assert.equal(await diffs(empty, plainModel, "postgresql", { includeSchemas: true }), []);
});

test("the default schema is never created or dropped; dialects without schemas get no schema ops", async () => {
  const named = plainModel.with({ info: { schemaNames: ["public"] } });
  assert.equal((await diffs(new MetaData(), named)).map(summary), ["add_table app_user"]);
  assert.equal((await diffs(named, new MetaData(), "postgresql", { includeSchemas: true })).map(summary), ["remove_table app_user"]);
  const mysqlTarget = new MetaData({ database: { dialect: "mysql" }, tables: [new Table({ name: "event", schema: "audit", columns: [] })] });
  assert.equal((await diffs(new MetaData(), mysqlTarget, "mysql")).map(summary), ["add_table audit.event"]);
});

test.run();
