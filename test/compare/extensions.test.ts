import { test } from "uvu";
import * as assert from "uvu/assert";
import { Extension, MetaData } from "../../src/model/index.js";
import { diffs, schema, summary } from "./support.js";

const reflected = (...extensions: Extension[]) => new MetaData({ database: { dialect: "postgresql" }, extensions });

test("an extension the model adds is created first; one it leaves out is dropped last", async () => {
  const target = schema('extension citext\ntable t {\n  id integer @id\n}');
  assert.equal((await diffs(new MetaData(), target)).map(summary), ["add_extension citext", "add_table t"]);
  assert.equal((await diffs(reflected(new Extension({ name: "pg_trgm", version: "1.6" })), new MetaData())).map(summary), ["remove_extension pg_trgm"]);
});

test("a version the model leaves out is whatever the database has; a pinned one is compared", async () => {
  const installed = reflected(new Extension({ name: "citext", version: "1.6" }));
  assert.equal(await diffs(installed, schema("extension citext")), []);
  assert.equal(await diffs(installed, schema('extension citext { version = "1.6" }')), []);
  const [change] = await diffs(installed, schema('extension citext { version = "1.5" }'));
  assert.equal(change, ["modify_extension", "citext", new Extension({ name: "citext", version: "1.6" }), new Extension({ name: "citext", version: "1.5" })]);
});

test("the schema is compared as both sides state it, public being none", async () => {
  const installed = reflected(new Extension({ name: "citext", schema: "ext", version: "1.6" }));
  assert.equal(await diffs(installed, schema('extension citext { schema = "ext" }')), []);
  const [change] = await diffs(installed, schema('extension citext { schema = "public" }'));
  assert.equal(change, ["modify_extension", "citext", installed.extensions.get("citext"), new Extension({ name: "citext", version: "1.6" })]);
});

test("a new schema for an extension is created before it", async () => {
  assert.equal((await diffs(new MetaData(), schema('extension citext { schema = "ext" }'))).map(summary), ["add_schema ext", "add_extension citext"]);
});

test.run();
