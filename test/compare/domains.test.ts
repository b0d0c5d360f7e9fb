import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Domain, MetaData, scalarType } from "../../src/model/index.js";
import { diffs, schema, summary } from "./support.js";

const reflectedPosint = new Domain({
  name: "posint",
  type: scalarType("integer"),
  nullable: true,
  checks: [new CheckConstraint({ name: "posint_check", expression: "(VALUE > 0)" })],
});
const database = new MetaData({ database: { dialect: "postgresql" }, domains: [reflectedPosint] });

test("a domain is created after the enums it may use and before the tables using it, and dropped the other way", async () => {
  const target = schema('enum mood { ok }\ndomain happy mood?\ntable t {\n  id integer @id\n  m  happy\n}');
  assert.equal((await diffs(new MetaData(), target)).map(summary), ["add_enum mood", "add_domain happy", "add_table t"]);
  assert.equal((await diffs(target, new MetaData())).map(summary), ["remove_table t", "remove_domain happy", "remove_enum mood"]);
});

test("a domain over another domain compiles whichever comes first in the file, and is created after it and dropped before it", async () => {
  const target = schema("domain tsvector_not_empty tsvector_not_null? @check(sql(\"VALUE <> ''::tsvector\"))\ndomain tsvector_not_null tsvector\ntable t {\n  id integer @id\n  s  tsvector_not_empty\n}");
  assert.equal(target.domains.get("tsvector_not_empty")?.type, scalarType("tsvector_not_null"));
  assert.equal((await diffs(new MetaData(), target)).map(summary), ["add_domain tsvector_not_null", "add_domain tsvector_not_empty", "add_table t"]);
  assert.equal((await diffs(target, new MetaData())).map(summary), ["remove_table t", "remove_domain tsvector_not_empty", "remove_domain tsvector_not_null"]);
});

test("checks compare by normalized expression; an unnamed one takes the database's name", async () => {
  assert.equal(await diffs(database, schema('domain posint integer? @check(sql("value > 0"), name: "posint_check")')), []);
  assert.equal(await diffs(database, schema('domain posint integer? @check(sql("VALUE > 0"))')), []);
  const [change] = await diffs(database, schema('domain posint integer? @check(sql("VALUE >= 1"))'));
  assert.equal(change, [
    "modify_domain",
    undefined,
    "posint",
    reflectedPosint,
    new Domain({ name: "posint", type: scalarType("integer"), nullable: true, checks: [new CheckConstraint({ expression: "VALUE >= 1" })] }),
  ]);
});

test("NOT NULL, the default and the base type are compared", async () => {
  assert.equal((await diffs(database, schema('domain posint integer @check(sql("VALUE > 0"))'))).map((d) => d[0]), ["modify_domain"]);
  assert.equal((await diffs(database, schema('domain posint integer? @default(1) @check(sql("VALUE > 0"))'))).map((d) => d[0]), ["modify_domain"]);
  assert.equal((await diffs(database, schema('domain posint bigint? @check(sql("VALUE > 0"))'))).map((d) => d[0]), ["modify_domain"]);
});

test.run();
