import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  AutogenContext,
  compareModels,
  createComparators,
  DuplicateComparatorError,
  DuplicateTableKeyError,
  Priority,
  STOP,
} from "../../src/compare/index.js";
import { Column, MetaData, scalarType, Table } from "../../src/model/index.js";
import { diffs, offlineContext, summary } from "./support.js";

const col = (name: string, nullable = false, type = scalarType("integer")) => new Column({ name, type, nullable });
const md = (...tables: Table[]) => new MetaData({ database: { dialect: "postgresql" }, tables });
const t = (name: string, ...columns: Column[]) => new Table({ name, columns });

test("built-ins register through the registry, in a documented order", () => {
  const registry = createComparators();
  assert.equal(registry.names("schema"), ["extensions", "enums", "domains", "compositeTypes", "sequences", "functions", "views", "tables", "triggers", "policies", "schemas"]);
  assert.equal(registry.names("table"), ["columns", "primaryKey", "indexes", "foreignKeys", "checks", "tableComment", "tableOptions"]);
  assert.equal(registry.names("column"), ["type", "nullable", "serverDefault", "comment", "identity", "generated", "collation", "onUpdate", "invisible", "storage"]);
  assert.equal(createComparators({ builtins: false }).names("table"), []);
});

test("a user comparator runs in priority order and may stop the rest of its group", async () => {
  const comparators = createComparators();
  const calls: string[] = [];
  comparators.dispatchFor("table", { priority: Priority.FIRST })(function skipFrozen(_ctx, _ops, _schema, tableName) {
    calls.push(tableName);
    return tableName === "frozen" ? STOP : undefined;
  });
  const database = md(t("frozen", col("a")), t("live", col("a")));
  const target = md(t("frozen", col("a", true)), t("live", col("a", true)));
  const result = await diffs(database, target, "postgresql", { comparators });
  assert.equal(result.map(summary), ["modify_nullable live.a false -> true"]);
  assert.equal(calls, ["frozen", "live"]);
});

test("a built-in can be replaced or removed by name; registering a name twice is an error", async () => {
  const database = md(t("x", col("a")));
  const target = md(t("x", col("a", true, scalarType("bigint"))));
  const replaced = createComparators();
  replaced.dispatchFor("column", { name: "nullable", replace: true })(() => undefined);
  assert.equal((await diffs(database, target, "postgresql", { comparators: replaced })).map(summary), [
    `modify_type x.a ${JSON.stringify(scalarType("integer"))} -> ${JSON.stringify(scalarType("bigint"))}`,
  ]);
  const removed = createComparators();
  assert.ok(removed.remove("column", "type"));
  assert.equal((await diffs(database, target, "postgresql", { comparators: removed })).map(summary), ["modify_nullable x.a false -> true"]);
  assert.throws(() => removed.dispatchFor("column", { name: "nullable" })(() => undefined), (e: unknown) => e instanceof DuplicateComparatorError);
});

test("a dialect-qualified comparator runs only on that dialect; a column hook's modify_ kw makes a change", async () => {
  const comparators = createComparators();
  comparators.dispatchFor("column", { qualifier: "mysql", name: "charset" })((_ctx, op, _s, _t, _c, conn, meta) => {
    if (conn.info.charset !== meta.info.charset) op.kw.modify_charset = { from: conn.info.charset, to: meta.info.charset };
  });
  const database = md(t("x", new Column({ name: "a", type: scalarType("text"), nullable: false, info: { charset: "latin1" } })));
  const target = md(t("x", new Column({ name: "a", type: scalarType("text"), nullable: false, info: { charset: "utf8mb4" } })));
  assert.equal((await diffs(database, target, "mysql", { comparators })).map(summary), ["modify_charset x.a latin1 -> utf8mb4"]);
  assert.equal(await diffs(database, target, "postgresql", { comparators }), []);
});

test("a dialect's comparator of the same name stands in for the default one on that dialect only", async () => {
  const comparators = createComparators();
  comparators.dispatchFor("column", { name: "nullable", qualifier: "mysql" })(() => undefined);
  assert.equal(comparators.names("column", "mysql"), ["type", "nullable", "serverDefault", "comment", "identity", "generated", "collation", "onUpdate", "invisible", "storage"]);
  const database = md(t("x", col("a")));
  const target = md(t("x", col("a", true)));
  assert.equal(await diffs(database, target, "mysql", { comparators }), []);
  assert.equal((await diffs(database, target, "postgresql", { comparators })).map(summary), ["modify_nullable x.a false -> true"]);
});

test("includeObject gets the reference's arguments; includeName filters the database side", async () => {
  const database = md(t("keep", col("a"), col("secret")), t("ignored", col("a")));
  const target = md(t("keep", col("a")));
  const seen: string[] = [];
  const result = await diffs(database, target, "postgresql", {
    includeObject: (object, name, type, reflected, compareTo) => {
      seen.push(`${type} ${name} ${reflected ? "reflected" : "model"} ${compareTo ? "paired" : "alone"}`);
      return !(type === "column" && name === "secret");
    },
    includeName: (name, type, parents) => !(type === "table" && name === "ignored" && parents.schemaName === undefined),
  });
  assert.equal(result, []);
  assert.equal(seen.sort(), [
    "column a model paired",
    "column a reflected paired",
    "column secret reflected alone",
    "table keep model paired",
    "table keep reflected paired",
  ]);
});

test("the version table is never compared", async () => {
  const database = md(t("strata_version", col("version_num")), t("my_versions", col("v")));
  assert.equal(await diffs(database, md()), [["remove_table", database.tables.get("my_versions")]]);
  assert.equal(await diffs(database, md(), "postgresql", { versionTable: "my_versions" }), [["remove_table", database.tables.get("strata_version")]]);
});

test("AutogenContext: sortedTables and tableKeyToTable aggregate a list of MetaData; a duplicate key is an error", async () => {
  const first = md(t("b", col("a")), t("a", col("a")));
  const second = md(t("c", col("a")));
  const ctx = new AutogenContext(offlineContext(), [first, second]);
  assert.equal(ctx.sortedTables.map((x) => x.name), ["a", "b", "c"]);
  assert.equal([...ctx.tableKeyToTable.keys()], ["b", "a", "c"]);
  assert.equal((await compareModels(ctx, md(t("a", col("a"))))).asDiffs().map(summary), ["add_table b", "add_table c"]);
  const clash = new AutogenContext(offlineContext(), [first, md(t("a", col("z")))]);
  assert.throws(() => clash.tableKeyToTable, (e: unknown) => e instanceof DuplicateTableKeyError && e.message === 'table "a" is in more than one MetaData');
});

test.run();
