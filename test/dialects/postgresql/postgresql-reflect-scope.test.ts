import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { NameFilterParentNames, NameFilterType } from "../../../src/dialects/reflect-options.js";
import { defaults, enumType, ForeignKeyConstraint, Index, PrimaryKeyConstraint, UniqueConstraint } from "../../../src/model/index.js";
import { postgresqlAvailable, reflectDdl, tableOf } from "./reflect-support.js";

const test = suite("postgresql reflection: names, filters, query count");

if (postgresqlAvailable("postgresql reflection: names, filters, query count")) {
  test("names with spaces, mixed case, quotes and reserved words survive", async () => {
    const { metadata } = await reflectDdl(
      `
      create schema "My Schema";
      create type "My Schema"."Odd ""Enum""" as enum ('x y', 'Z');
      create table "select" ("Order" int primary key, "a ""b"" c" text);
      create table "My Schema"."User Table" (
        "from" int constraint "the ""pk""" primary key,
        "Ref" int constraint "FK Name" references "select" ("Order"),
        "kind" "My Schema"."Odd ""Enum""" default 'x y',
        "Serial's Col" serial,
        constraint "UQ Mixed" unique ("Ref", "from")
      );
      create index "Index ""Q""" on "select" ("a ""b"" c" desc);`,
      { includeSchemas: ["My Schema"] },
    );
    const select = tableOf(metadata, "select");
    assert.equal(select.columns.map((c) => c.name), ["Order", 'a "b" c']);
    assert.equal(select.primaryKey, new PrimaryKeyConstraint({ name: "select_pkey", columns: ["Order"] }));
    assert.equal(select.indexes, [new Index({ name: 'Index "Q"', elements: [{ kind: "column", name: 'a "b" c', order: "desc" }] })]);
    const user = tableOf(metadata, "My Schema.User Table");
    assert.equal(user.columns.map((c) => [c.name, c.type.kind === "enum" ? c.type : c.type.name, c.default]), [
      ["from", "integer", undefined],
      ["Ref", "integer", undefined],
      ["kind", enumType('Odd "Enum"', "My Schema"), defaults.enumValue("x y")],
      ["Serial's Col", "integer", defaults.autoincrement()],
    ]);
    assert.equal([...metadata.sequences.keys()], [], "the serial's sequence is folded into its column");
    assert.equal(user.primaryKey, new PrimaryKeyConstraint({ name: 'the "pk"', columns: ["from"] }));
    assert.equal(user.foreignKeys, [
      new ForeignKeyConstraint({ name: "FK Name", columns: ["Ref"], target: { name: "select" }, targetColumns: ["Order"] }),
    ]);
    assert.equal(user.uniqueConstraints, [new UniqueConstraint({ name: "UQ Mixed", columns: ["Ref", "from"] })]);
    assert.equal(metadata.enums.get('My Schema.Odd "Enum"')?.values, ["x y", "Z"]);
  });

  const SCHEMAS = `
    create schema audit; create schema extra;
    create table root (id int); create table audit.event (id int); create table extra.thing (id int);
    create type extra.kind as enum ('a');
    create sequence audit.seq;`;

  test("only the default schema unless includeSchemas says otherwise; public is schema undefined", async () => {
    const keys = (m: Awaited<ReturnType<typeof reflectDdl>>["metadata"]) =>
      [...m.tables.keys(), ...m.enums.keys(), ...m.sequences.keys()];
    assert.equal(keys((await reflectDdl(SCHEMAS)).metadata), ["root"]);
    assert.equal(keys((await reflectDdl(SCHEMAS, { includeSchemas: ["audit"] })).metadata), ["audit.event", "root", "audit.seq"]);
    assert.equal(keys((await reflectDdl(SCHEMAS, { includeSchemas: true })).metadata), [
      "audit.event",
      "extra.thing",
      "root",
      "extra.kind",
      "audit.seq",
    ]);
    const { metadata } = await reflectDdl(SCHEMAS, {
      includeSchemas: true,
      includeName: (name, type) => type !== "schema" || name !== "audit",
    });
    assert.equal(keys(metadata), ["extra.thing", "root", "extra.kind"]);
    assert.equal(metadata.info.skippedSchemas, ['schema "audit" is excluded by includeName: its objects were skipped']);
  });

  test("schemas left out that hold objects are listed in info.skippedSchemas; empty ones are not", async () => {
    const { metadata } = await reflectDdl(`${SCHEMAS} create schema empty; create schema only_fn; create function only_fn.f() returns int language sql as 'select 1';`, {
      includeSchemas: ["audit"],
    });
    assert.equal(metadata.info.skippedSchemas, [
      'schema "extra" is outside includeSchemas: its objects were skipped',
      'schema "only_fn" is outside includeSchemas: its objects were skipped',
    ]);
    assert.equal(metadata.info.schemaNames, ["audit"]);
  });

  test("includeName sees every name with the reference's parent names, and excluded objects are gone", async () => {
    const calls: Array<[string | undefined, NameFilterType, NameFilterParentNames]> = [];
    const { metadata } = await reflectDdl(
      `
      create schema audit;
      create table audit.keep (id int primary key, secret text, other int unique, check (id > 0));
      create index ix_keep on audit.keep (other);
      create table skip_me (id serial primary key, n int);
      create index ix_skip on skip_me (n);`,
      {
        includeSchemas: ["audit"],
        includeName: (name, type, parents) => {
          calls.push([name, type, parents]);
          return name !== "skip_me" && name !== "secret" && name !== "ix_keep";
        },
      },
    );
    assert.equal([...metadata.tables.keys()], ["audit.keep"]);
    assert.equal([...metadata.sequences.keys()], [], "the serial sequence of an excluded table goes with it");
    const keep = tableOf(metadata, "audit.keep");
    assert.equal(keep.columns.map((c) => c.name), ["id", "other"]);
    assert.equal(keep.indexes, []);
    const tableParents = { tableName: "keep", schemaName: "audit", schemaQualifiedTableName: "audit.keep" };
    assert.equal(
      calls.filter(([, type]) => type !== "schema"),
      [
        ["keep", "table", { schemaName: "audit" }],
        ["skip_me", "table", {}],
        ["skip_me_id_seq", "sequence", {}],
        ["id", "column", tableParents],
        ["secret", "column", tableParents],
        ["other", "column", tableParents],
        ["keep_id_check", "checkConstraint", tableParents],
        ["keep_other_key", "uniqueConstraint", tableParents],
        ["ix_keep", "index", tableParents],
      ].filter(([name]) => name !== "skip_me_id_seq"),
    );
    assert.equal(calls.filter(([, type]) => type === "schema"), [
      ["audit", "schema", {}],
      [undefined, "schema", {}],
    ]);
  });

  test("includeName filters views, enums and sequences by their own kind", async () => {
    const ddl = `
      create type keep_enum as enum ('a'); create type drop_enum as enum ('b');
      create sequence keep_seq; create sequence drop_seq;
      create table t (id int);
      create view keep_view as select id from t; create materialized view drop_view as select id from t;`;
    const seen: string[] = [];
    const { metadata } = await reflectDdl(ddl, {
      includeName: (name, type) => {
        if (type !== "schema" && type !== "table" && type !== "column") seen.push(`${type}:${name}`);
        return !name?.startsWith("drop_");
      },
    });
    assert.equal(seen.sort(), [
      "enum:drop_enum",
      "enum:keep_enum",
      "sequence:drop_seq",
      "sequence:keep_seq",
      "view:drop_view",
      "view:keep_view",
    ]);
    assert.equal([...metadata.enums.keys(), ...metadata.sequences.keys(), ...metadata.views.keys()], ["keep_enum", "keep_seq", "keep_view"]);
  });

  test("the version table is never reflected, under its default or a configured name", async () => {
    const ddl = "create table strata_version (version_num text primary key); create table my_versions (v text); create table app (id int);";
    assert.equal([...(await reflectDdl(ddl)).metadata.tables.keys()], ["app", "my_versions"]);
    assert.equal([...(await reflectDdl(ddl, { versionTable: "my_versions" })).metadata.tables.keys()], ["app", "strata_version"]);
  });

  test("the number of catalog queries is the same for 1 table and for 50", async () => {
    const tables = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        i === 0
          ? "create table t0 (id serial primary key, name text unique, check (id > 0));"
          : `create table t${i} (id serial primary key, parent int references t${i - 1}, name text); create index ix_${i} on t${i} (name, parent);`,
      ).join("\n");
    const one = await reflectDdl(tables(1));
    const fifty = await reflectDdl(tables(50));
    assert.is(one.metadata.tables.size, 1);
    assert.is(fifty.metadata.tables.size, 50);
    assert.is(fifty.queries, one.queries);
    assert.is(one.queries, 13);
  });
}

test.run();
