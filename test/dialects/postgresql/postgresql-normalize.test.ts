import { suite } from "uvu";
import * as assert from "uvu/assert";
import { defaultFromCatalog } from "../../../src/dialects/postgresql/postgresql-defaults.js";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { defaults, enumType, scalarType, type DefaultValue, type SqlType } from "../../../src/model/index.js";
import { postgresqlAvailable, reflectDdl, tableOf } from "./reflect-support.js";

const test = suite("postgresql normalization: one spelling for one thing");

const text = { typeSpellings: ["text"], category: "S" };
const int = { typeSpellings: ["integer"], category: "N" };

test("defaults as pg_get_expr prints them become the parser's values", () => {
  const cases: Array<[string, Parameters<typeof defaultFromCatalog>[1], DefaultValue]> = [
    ["'a'::text", text, defaults.literal("a")],
    ["'it''s'::character varying", { typeSpellings: ["character varying(5)", "character varying"], category: "S" }, defaults.literal("it's")],
    ["42", int, defaults.literal(42)],
    ["'42'::integer", int, defaults.literal(42)],
    ["'-1'::integer", int, defaults.literal(-1)],
    ["(-1)", int, defaults.literal(-1)],
    ["'-1.5'::numeric", { typeSpellings: ["numeric(10,2)", "numeric"], category: "N" }, defaults.literal(-1.5)],
    ["'10000000000'::numeric", { typeSpellings: ["double precision"], category: "N" }, defaults.literal(10_000_000_000)],
    ["'9223372036854775807'::bigint", { typeSpellings: ["bigint"], category: "N" }, defaults.number("9223372036854775807")],
    ["true", { typeSpellings: ["boolean"], category: "B" }, defaults.literal(true)],
    ["false", { typeSpellings: ["boolean"], category: "B" }, defaults.literal(false)],
    ["NULL::character varying", text, defaults.literal(null)],
    ["now()", text, defaults.now()],
    ["CURRENT_TIMESTAMP", text, defaults.now()],
    ["transaction_timestamp()", text, defaults.now()],
    ["'member'::role", { typeSpellings: ["role"], category: "E" }, defaults.enumValue("member")],
    ["'low'::audit.level", { typeSpellings: ["audit.level"], category: "E" }, defaults.enumValue("low")],
    ["nextval('t_id_seq'::regclass)", { ...int, ownedSequence: "t_id_seq" }, defaults.autoincrement()],
    ["nextval('\"T\"\"x_seq\"'::regclass)", { ...int, ownedSequence: '"T"x_seq"' }, defaults.sql("nextval('\"T\"\"x_seq\"'::regclass)")],
    ["nextval('other_seq'::regclass)", { ...int, ownedSequence: "t_id_seq" }, defaults.sql("nextval('other_seq'::regclass)")],
    ["'{}'::jsonb", { typeSpellings: ["jsonb"], category: "U" }, defaults.literal("{}")],
    ["'2020-01-01'::date", { typeSpellings: ["date"], category: "D" }, defaults.literal("2020-01-01")],
    ["'1 day'::interval", { typeSpellings: ["timestamp with time zone"], category: "D" }, defaults.sql("'1 day'::interval")],
    ["now() + '1 day'::interval", { typeSpellings: ["timestamp with time zone"], category: "D" }, defaults.sql("now() + '1 day'::interval")],
    ["lower('X'::text)", text, defaults.sql("lower('X')")],
    ["('a'::text || 'b'::text)", text, defaults.sql("'a' || 'b'")],
    ["'{a}'::text[]", { typeSpellings: ["character varying[]"], category: "A" }, defaults.sql("'{a}'::text[]")],
    ["CURRENT_DATE", { typeSpellings: ["date"], category: "D" }, defaults.sql("CURRENT_DATE")],
  ];
  for (const [expression, column, expected] of cases) assert.equal(defaultFromCatalog(expression, column), expected, expression);
});

if (postgresqlAvailable("postgresql normalization")) {
  test("alternative spellings of a type reflect as one model type", async () => {
    const groups: Array<[string[], SqlType]> = [
      [["int", "integer", "int4"], scalarType("integer")],
      [["int8", "bigint"], scalarType("bigint")],
      [["int2", "smallint"], scalarType("smallint")],
      [["varchar(20)", "character varying(20)"], scalarType("varchar", [20])],
      [["char(3)", "character(3)", "bpchar(3)"], scalarType("char", [3])],
      [["numeric(8,3)", "decimal(8,3)"], scalarType("decimal", [8, 3])],
      [["float8", "double precision", "float"], scalarType("double")],
      [["float4", "real"], scalarType("real")],
      [["bool", "boolean"], scalarType("boolean")],
      [["timestamp", "timestamp without time zone"], scalarType("timestamp")],
      [["timestamptz", "timestamp with time zone"], scalarType("timestamptz")],
      [["timestamptz(3)", "timestamp(3) with time zone"], scalarType("timestamptz", [3])],
      [["time", "time without time zone"], scalarType("time")],
      [["timetz", "time with time zone"], scalarType("timetz")],
      [["bytea"], scalarType("bytes")],
      [["json"], scalarType("json")],
      [["jsonb"], scalarType("jsonb")],
      [["varbit(5)", "bit varying(5)"], scalarType("varbit", [5])],
      [["int[]", "integer array", "int4[]"], scalarType("integer", [], { arrayDims: 1 })],
    ];
    const columns = groups.flatMap(([spellings], g) => spellings.map((s, i) => `c${g}_${i} ${s}`));
    const { metadata } = await reflectDdl(`create table t (${columns.join(", ")});`);
    const reflected = tableOf(metadata, "t");
    for (const [g, [spellings, expected]] of groups.entries()) {
      spellings.forEach((s, i) => assert.equal(reflected.column(`c${g}_${i}`)?.type, expected, s));
    }
  });

  test("alternative spellings of a default compare as one model value", async () => {
    const groups: Array<[string, string[], DefaultValue]> = [
      ["text", ["'a'", "'a'::text", "'a'::varchar", "E'a'"], defaults.literal("a")],
      ["varchar(9)", ["'a'", "'a'::text", "'a'::character varying"], defaults.literal("a")],
      ["integer", ["-1", "'-1'", "(-1)", "-1::int", "'-1'::integer"], defaults.literal(-1)],
      ["numeric(6,2)", ["1.5", "'1.5'", "1.50", "1.5::numeric"], defaults.literal(1.5)],
      ["timestamptz", ["now()", "current_timestamp", "CURRENT_TIMESTAMP", "transaction_timestamp()"], defaults.now()],
      ["boolean", ["true", "'t'", "'true'::boolean", "TRUE"], defaults.literal(true)],
      ["mood", ["'ok'", "'ok'::mood"], defaults.enumValue("ok")],
      ["jsonb", ["'{}'", "'{}'::jsonb"], defaults.literal("{}")],
    ];
    const columns = groups.flatMap(([type, spellings], g) => spellings.map((s, i) => `c${g}_${i} ${type} default ${s}`));
    const { metadata } = await reflectDdl(`create type mood as enum ('ok', 'sad'); create table t (${columns.join(", ")});`);
    // Compared as normalizeModel has both sides; reflection itself keeps CURRENT_TIMESTAMP as written, for pull.
    const reflected = tableOf(postgresqlDialect.normalizeModel(metadata), "t");
    for (const [g, [type, spellings, expected]] of groups.entries()) {
      spellings.forEach((s, i) => assert.equal(reflected.column(`c${g}_${i}`)?.default, expected, `${type} default ${s}`));
    }
    const asWritten = tableOf(metadata, "t");
    assert.equal(asWritten.column("c4_0")?.default, defaults.now());
    assert.equal(asWritten.column("c4_2")?.default, defaults.sql("CURRENT_TIMESTAMP"));
  });

  test("spellType's DDL reflects back to the same model type", async () => {
    const types: SqlType[] = [
      scalarType("smallint"), scalarType("integer"), scalarType("bigint"), scalarType("decimal", [10, 2]),
      scalarType("real"), scalarType("double"), scalarType("boolean"), scalarType("text"), scalarType("varchar", [50]),
      scalarType("varchar"), scalarType("char", [2]), scalarType("bytes"), scalarType("date"), scalarType("time", [3]),
      scalarType("timestamp"), scalarType("timestamp", [0]), scalarType("timestamptz"), scalarType("timestamptz", [6]),
      scalarType("json"), scalarType("uuid"), scalarType("jsonb"), scalarType("inet"), scalarType("cidr"),
      scalarType("tsvector"), scalarType("interval"), scalarType("money"), scalarType("xml"), scalarType("timetz"),
      scalarType("bit", [3]), scalarType("varbit", [8]), scalarType("macaddr"), scalarType("int4range"),
      scalarType("text", [], { arrayDims: 1 }), scalarType("decimal", [5, 1], { arrayDims: 2 }),
      enumType("Mood \"x\""), enumType("level", "audit Schema", 1),
    ];
    const columns = types.map((t, i) => `c${i} ${postgresqlDialect.spellType(t)}`);
    const { metadata } = await reflectDdl(
      `create type "Mood ""x""" as enum ('a'); create schema "audit Schema"; create type "audit Schema".level as enum ('b');
       create table t (${columns.join(", ")});`,
    );
    assert.equal(tableOf(metadata, "t").columns.map((c) => c.type), types);
  });
}

test.run();
