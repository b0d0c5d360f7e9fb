import { test } from "uvu";
import * as assert from "uvu/assert";
import { typeFromCatalog, spellPostgresqlType } from "../../../src/dialects/postgresql/postgresql-types.js";
import { enumType, scalarType } from "../../../src/model/index.js";

const fromFormatted = (formatted: string, arrayDims = 0) =>
  typeFromCatalog({ formatted, typtype: "b", typname: "", schema: undefined, arrayDims });

test("format_type spellings map to one canonical model type", () => {
  const cases: Array<[string, ReturnType<typeof scalarType>]> = [
    ["integer", scalarType("integer")],
    ["int4", scalarType("integer")],
    ["bigint", scalarType("bigint")],
    ["int8", scalarType("bigint")],
    ["smallint", scalarType("smallint")],
    ["character varying(50)", scalarType("varchar", [50])],
    ["character varying", scalarType("varchar")],
    ["character(2)", scalarType("char", [2])],
    ["bpchar", scalarType("char")],
    ["numeric(10,2)", scalarType("decimal", [10, 2])],
    ["numeric", scalarType("decimal")],
    ["double precision", scalarType("double")],
    ["float8", scalarType("double")],
    ["real", scalarType("real")],
    ["float4", scalarType("real")],
    ["boolean", scalarType("boolean")],
    ["bool", scalarType("boolean")],
    ["timestamp without time zone", scalarType("timestamp")],
    ["timestamp(3) without time zone", scalarType("timestamp", [3])],
    ["timestamp with time zone", scalarType("timestamptz")],
    ["timestamp(6) with time zone", scalarType("timestamptz", [6])],
    ["time without time zone", scalarType("time")],
    ["time(2) with time zone", scalarType("timetz", [2])],
    ["bytea", scalarType("bytes")],
    ["json", scalarType("json")],
    ["jsonb", scalarType("jsonb")],
    ["bit varying(8)", scalarType("varbit", [8])],
    ["geometry(Point,4326)", scalarType("geometry", ["Point", 4326])],
  ];
  for (const [formatted, expected] of cases) assert.equal(fromFormatted(formatted), expected, formatted);
});

test("arrays and enums", () => {
  assert.equal(fromFormatted("text", 2), scalarType("text", [], { arrayDims: 2 }));
  assert.equal(
    typeFromCatalog({ formatted: "audit.level", typtype: "e", typname: "level", schema: "audit", arrayDims: 1 }),
    enumType("level", "audit", 1),
  );
});

test("spellType writes PostgreSQL DDL", () => {
  const cases: Array<[ReturnType<typeof scalarType> | ReturnType<typeof enumType>, string]> = [
    [scalarType("integer"), "integer"],
    [scalarType("varchar", [50]), "varchar(50)"],
    [scalarType("char", [2]), "char(2)"],
    [scalarType("decimal", [10, 2]), "numeric(10,2)"],
    [scalarType("double"), "double precision"],
    [scalarType("boolean"), "boolean"],
    [scalarType("bytes"), "bytea"],
    [scalarType("json"), "json"],
    [scalarType("timestamp", [3]), "timestamp(3)"],
    [scalarType("timestamptz"), "timestamp with time zone"],
    [scalarType("timestamptz", [3]), "timestamp(3) with time zone"],
    [scalarType("timetz"), "time with time zone"],
    [scalarType("varbit", [4]), "bit varying(4)"],
    [scalarType("text", [], { arrayDims: 2 }), "text[][]"],
    [enumType("role"), '"role"'],
    [enumType("Level \"x\"", "audit", 1), '"audit"."Level ""x"""[]'],
  ];
  for (const [type, expected] of cases) assert.is(spellPostgresqlType(type), expected);
});

test("spellType refuses unsigned integers", () => {
  assert.throws(() => spellPostgresqlType(scalarType("integer", [], { unsigned: true })), /PostgreSQL has no unsigned integers/);
});

test.run();
