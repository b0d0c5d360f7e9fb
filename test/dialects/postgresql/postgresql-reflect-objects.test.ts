import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, defaults, Domain, Index, scalarType, Sequence, View } from "../../../src/model/index.js";
import { postgresqlAvailable, reflectDdl, tableOf } from "./reflect-support.js";

const test = suite("postgresql reflection: indexes, sequences, views");

if (postgresqlAvailable("postgresql reflection: indexes, sequences, views")) {
  test("indexes: unique, multi-column, sort order and NULLS, partial, expression", async () => {
    const { metadata } = await reflectDdl(`
      create table doc (id int primary key, a int, b int, email text, deleted_at timestamp, title text);
      create unique index ux_ab on doc (a, b);
      create index ix_sorted on doc (a desc, b nulls first, title desc nulls last, email asc nulls last);
      create index ix_live on doc (email) where deleted_at is null;
      create index ix_expr on doc (lower(email), a);`);
    assert.equal(tableOf(metadata, "doc").indexes, [
      new Index({ name: "ix_expr", elements: [{ kind: "expression", sql: "lower(email)" }, { kind: "column", name: "a" }] }),
      new Index({ name: "ix_live", elements: [{ kind: "column", name: "email" }], where: "deleted_at IS NULL" }),
      new Index({
        name: "ix_sorted",
        elements: [
          { kind: "column", name: "a", order: "desc" },
          { kind: "column", name: "b", nulls: "first" },
          { kind: "column", name: "title", order: "desc", nulls: "last" },
          { kind: "column", name: "email" },
        ],
      }),
      new Index({ name: "ux_ab", elements: [{ kind: "column", name: "a" }, { kind: "column", name: "b" }], unique: true }),
    ]);
  });

  test("index methods other than btree, and operator classes that are not the default", async () => {
    const { metadata } = await reflectDdl(`
      create table doc (data jsonb, tags text[], name text, at timestamp);
      create index ix_gin on doc using gin (data jsonb_path_ops);
      create index ix_tags on doc using gin (tags);
      create index ix_hash on doc using hash (name);
      create index ix_brin on doc using brin (at);
      create index ix_pattern on doc (name text_pattern_ops);`);
    assert.equal(tableOf(metadata, "doc").indexes, [
      new Index({ name: "ix_brin", elements: [{ kind: "column", name: "at" }], using: "brin" }),
      new Index({ name: "ix_gin", elements: [{ kind: "column", name: "data", opclass: "jsonb_path_ops" }], using: "gin" }),
      new Index({ name: "ix_hash", elements: [{ kind: "column", name: "name" }], using: "hash" }),
      new Index({ name: "ix_pattern", elements: [{ kind: "column", name: "name", opclass: "text_pattern_ops" }] }),
      new Index({ name: "ix_tags", elements: [{ kind: "column", name: "tags" }], using: "gin" }),
    ]);
  });

  test("INCLUDE columns are in the index; exclusion constraints are reported, not silently dropped", async () => {
    const { metadata } = await reflectDdl(`
      create table booking (room int, during tsrange, note text,
        constraint no_overlap exclude using gist (during with &&));
      create index ix_cover on booking (room) include (note);`);
    assert.equal(tableOf(metadata, "booking").indexes, [
      new Index({ name: "ix_cover", elements: [{ kind: "column", name: "room" }], include: ["note"] }),
    ]);
    assert.equal(metadata.info.reflectionWarnings, ['exclusion constraint "no_overlap" on table "booking" is not in the model']);
  });

  test("domains with their checks, default and NOT NULL; their columns read as the domain; a partitioned table and its partition", async () => {
    const { metadata } = await reflectDdl(`
      create domain short_text as varchar(20) default 'x' not null constraint short_text_check check (value <> '') collate "C";
      create domain posint as integer check (value > 0) check (value < 1000);
      create schema app;
      create domain app.tags as text[];
      create table note (body short_text, n posint default 1, t app.tags);
      create table measurement (at date not null, v int) partition by range (at);
      create table measurement_2026 partition of measurement for values from ('2026-01-01') to ('2027-01-01');`, { includeSchemas: true });
    assert.equal([...metadata.domains.values()], [
      new Domain({ name: "tags", schema: "app", type: scalarType("text", [], { arrayDims: 1 }), nullable: true }),
      new Domain({
        name: "posint",
        type: scalarType("integer"),
        nullable: true,
        checks: [new CheckConstraint({ name: "posint_check", expression: "VALUE > 0" }), new CheckConstraint({ name: "posint_check1", expression: "VALUE < 1000" })],
      }),
      new Domain({
        name: "short_text",
        type: scalarType("varchar", [20]),
        nullable: false,
        default: defaults.literal("x"),
        checks: [new CheckConstraint({ name: "short_text_check", expression: "VALUE::text <> ''" })],
        collation: "C",
      }),
    ]);
    assert.equal(tableOf(metadata, "note").columns, [
      new Column({ name: "body", type: scalarType("short_text"), nullable: true }),
      new Column({ name: "n", type: scalarType("posint"), nullable: true, default: defaults.number("1") }),
      new Column({ name: "t", type: scalarType("app.tags"), nullable: true }),
    ]);
    assert.equal(tableOf(metadata, "measurement").columns.map((c) => c.name), ["at", "v"]);
    assert.equal(tableOf(metadata, "measurement").options, { partitionBy: "RANGE (at)" });
    assert.equal(tableOf(metadata, "measurement_2026").columns, []);
    assert.equal(tableOf(metadata, "measurement_2026").options, {
      partitionOf: "measurement",
      partitionBound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
    });
    assert.is(metadata.info.reflectionWarnings, undefined);
  });

  test("sequences: only options that differ from CREATE SEQUENCE's own", async () => {
    const { metadata } = await reflectDdl(
      `
      create sequence plain;
      create sequence small as smallint;
      create sequence custom start 100 increment 5 minvalue 10 maxvalue 1000 cache 20 cycle;
      create sequence down increment -1;
      create schema audit;
      create sequence audit.order_seq start 7;
      create table audit.orders (id int);
      alter sequence audit.order_seq owned by audit.orders.id;`,
      { includeSchemas: true },
    );
    assert.equal([...metadata.sequences.values()], [
      new Sequence({ name: "order_seq", schema: "audit", start: 7, ownedBy: "audit.orders.id" }),
      new Sequence({ name: "custom", start: 100, increment: 5, minValue: 10, maxValue: 1000, cache: 20, cycle: true }),
      new Sequence({ name: "down", increment: -1 }),
      new Sequence({ name: "plain" }),
      new Sequence({ name: "small" }),
    ]);
  });

  test("views and materialized views, with comments", async () => {
    const { metadata } = await reflectDdl(`
      create table person (id int, name text, active boolean);
      create view active_people as select id, name from person where active;
      create materialized view names as select name from person;
      comment on view active_people is 'who is in';`);
    assert.equal([...metadata.views.values()], [
      new View({
        name: "active_people",
        definition: "SELECT person.id,\n    person.name\n   FROM person\n  WHERE person.active",
        comment: "who is in",
      }),
      new View({ name: "names", definition: "SELECT person.name\n   FROM person", materialized: true }),
    ]);
  });
  test("what the model cannot hold is named: a foreign table, a rule, a user-defined cast, a view that reads itself", async () => {
    const { metadata, queries } = await reflectDdl(`
      create extension file_fdw;
      create server files foreign data wrapper file_fdw;
      create schema ext;
      create foreign table ext.dump (id int) server files options (filename '/tmp/dump.csv', format 'csv');
      create table item (id int primary key, note text);
      create rule item_no_delete as on delete to item do instead nothing;
      create domain money2 as numeric(12, 2);
      create function to_json2(money2) returns json language sql as 'select to_json($1::numeric)';
      create cast (money2 as json) with function to_json2(money2);
      create view loop as select 1 as id;
      create or replace view loop as select id from loop;`, { includeSchemas: true });
    assert.equal(metadata.info.reflectionWarnings, [
      'foreign table "ext.dump" (server files) is not in the model',
      'rule "item_no_delete" on "item" is not in the model',
      "cast (money2 as json) is not in the model",
      'view "loop" reads itself (CREATE OR REPLACE over an older view makes one; no migration can create it) and is not in the model',
    ]);
    assert.equal([...metadata.views.keys()], []);
    assert.equal([...metadata.tables.keys()], ["item"]);
    assert.is(queries, 13);
  });
}

test.run();
