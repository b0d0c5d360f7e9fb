import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatSchema, printSchema } from "../../src/format/index.js";
import {
  CheckConstraint,
  Column,
  defaults,
  Enum,
  enumType,
  ForeignKeyConstraint,
  Index,
  MetaData,
  PrimaryKeyConstraint,
  scalarType,
  Sequence,
  Table,
  UniqueConstraint,
  View,
  type SqlType,
} from "../../src/model/index.js";
import { compileSchema, formatDiagnostics } from "../../src/parse/index.js";
import { assertModelsEqual, modelDifferences } from "../support/model-equality.js";

function compile(text: string, path = "printed.schema"): MetaData {
  const result = compileSchema([{ path, text }], { env: {} });
  assert.ok(result.metadata, `does not compile:\n${formatDiagnostics(result.diagnostics)}\n--- text ---\n${text}`);
  return result.metadata!;
}

function assertRoundTrip(model: MetaData): string {
  const printed = printSchema(model);
  assertModelsEqual(model, compile(printed));
  assert.is(formatSchema(printed, "printed.schema").text, printed, "printSchema output is already in fmt's form");
  return printed;
}

for (const fixture of ["schemas/app.schema", "test/fixtures/schemas/design.schema", "test/fixtures/schemas/postgresql.schema"]) {
  test(`printSchema round-trips ${fixture}`, () => {
    assertRoundTrip(compile(readFileSync(fixture, "utf8"), fixture));
  });
}

const col = (name: string, type: SqlType = scalarType("integer"), extra: Partial<ConstructorParameters<typeof Column>[0]> = {}) =>
  new Column({ name, type, nullable: false, ...extra });

test("printSchema round-trips a PostgreSQL model with every field, quoted names and reserved words", () => {
  const model = new MetaData({
    database: { dialect: "postgresql", urlEnv: "APP_DB" },
    enums: [
      new Enum({ name: "Mixed Case", schema: "my schema", values: ["a b", "true", "null", "x\"y"] }),
      new Enum({ name: "mood", values: ["happy", "sad"] }),
      new Enum({ name: "empty", values: [] }),
    ],
    sequences: [new Sequence({ name: "table", schema: "audit", start: -5, increment: 2, cycle: false, ownedBy: "t.id" })],
    tables: [
      new Table({
        name: "table",
        columns: [
          col("id", scalarType("bigint"), { identity: "byDefault" }),
          col("select", scalarType("text"), { nullable: true, default: defaults.literal("it's \"quoted\"\n") }),
          col("Col Name", enumType("Mixed Case", "my schema"), { default: defaults.enumValue("true") }),
          col("mood", enumType("mood", undefined, 1), { nullable: true, default: defaults.sql("'{happy}'") }),
          col("n", scalarType("decimal", [12, 3])),
          col("domain", scalarType("my_domain", ["x"]), { nullable: true }),
        ],
        primaryKey: new PrimaryKeyConstraint({ name: "table_pkey", columns: ["id"] }),
        uniqueConstraints: [
          new UniqueConstraint({ columns: ["select"] }),
          new UniqueConstraint({ name: "uq_select_again", columns: ["select"] }),
          new UniqueConstraint({ name: "uq_two", columns: ["select", "Col Name"] }),
        ],
        checkConstraints: [new CheckConstraint({ expression: "n > 0" })],
        indexes: [new Index({ name: "ix \"odd\"", elements: [{ kind: "column", name: "Col Name", order: "asc" }, { kind: "expression", sql: "lower(\"select\")" }] })],
        comment: "the \\ table",
      }),
      new Table({
        name: "child",
        schema: "my schema",
        columns: [col("parent_id", scalarType("bigint")), col("other_id", scalarType("bigint"), { nullable: true, generated: { expression: "parent_id + 1", stored: true } })],
        foreignKeys: [
          new ForeignKeyConstraint({ columns: ["parent_id"], target: { name: "table" }, targetColumns: ["id"], onDelete: "setDefault" }),
          new ForeignKeyConstraint({ name: "fk_again", columns: ["parent_id"], target: { name: "table" }, targetColumns: ["id"], deferrable: true }),
          new ForeignKeyConstraint({ name: "fk_self", columns: ["other_id", "parent_id"], target: { name: "child", schema: "my schema" }, targetColumns: ["parent_id", "other_id"] }),
        ],
        uniqueConstraints: [new UniqueConstraint({ columns: ["parent_id", "other_id"] })],
        indexes: [new Index({ name: "ix_gin", elements: [{ kind: "column", name: "parent_id", opclass: "int8_ops", nulls: "first" }], using: "btree", where: "other_id is not null", unique: true })],
      }),
    ],
    views: [
      new View({ name: "v", definition: "select 1", comment: "one" }),
      new View({ name: "materialized", schema: "my schema", definition: "select 2", materialized: true }),
    ],
  });
  const printed = assertRoundTrip(model);
  assert.match(printed, 'table "my schema".child {');
  assert.match(printed, '@references(table.id, onDelete: setDefault)');
  assert.match(printed, '@@id([id], name: "table_pkey")');
  assert.match(printed, `"my_domain"('x')?`, "a type without a spec is quoted, so it passes through");
});

test("printSchema round-trips MySQL types: unsigned, set(...) and prefix lengths", () => {
  const model = new MetaData({
    database: { dialect: "mysql", url: "mysql://root@127.0.0.1/app" },
    enums: [new Enum({ name: "post_state", values: ["draft", "live"] })],
    tables: [
      new Table({
        name: "post",
        columns: [
          col("id", scalarType("bigint", [], { unsigned: true }), { default: defaults.autoincrement() }),
          col("flags", scalarType("set", ["a", "b'c"])),
          col("state", enumType("post_state"), { default: defaults.enumValue("draft") }),
          col("title", scalarType("varchar", [200]), { comment: "headline", collation: "utf8mb4_bin" }),
        ],
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
        foreignKeys: [new ForeignKeyConstraint({ name: "fk_self", columns: ["id"], target: { name: "post" }, targetColumns: ["id"] })],
        // MySQL names the index of a foreign key after the key: the names may coincide.
        indexes: [
          new Index({ name: "ix_title", elements: [{ kind: "column", name: "title", length: 10 }], using: "btree" }),
          new Index({ name: "fk_self", elements: [{ kind: "column", name: "id" }] }),
        ],
      }),
    ],
  });
  const printed = assertRoundTrip(model);
  assert.match(printed, "flags set('a', 'b''c')");
});

test("modelDifferences names each difference and ignores info, renamedFrom and constraint order", () => {
  const base = compile('table t {\n  a integer @unique\n  b text?\n  @@unique([a, b])\n}');
  const reordered = compile('table t {\n  a integer @renamedFrom("x")\n  b text?\n  @@unique([a, b])\n  @@unique([a])\n}');
  assert.equal(modelDifferences(base, reordered), []);
  const changed = compile('table t {\n  a bigint @unique\n  b text\n  @@unique([a, b])\n}\ntable u { x integer }');
  assert.equal(modelDifferences(base, changed), [
    "tables unexpected: u",
    'table "t" column "a": expected {"name":"a","nullable":false,"type":{"args":[],"kind":"scalar","name":"integer"}} but got {"name":"a","nullable":false,"type":{"args":[],"kind":"scalar","name":"bigint"}}',
    'table "t" column "b": expected {"name":"b","nullable":true,"type":{"args":[],"kind":"scalar","name":"text"}} but got {"name":"b","nullable":false,"type":{"args":[],"kind":"scalar","name":"text"}}',
  ]);
});

test.run();
