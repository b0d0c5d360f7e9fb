import { test } from "uvu";
import * as assert from "uvu/assert";
import { enumType, scalarType, type SqlType } from "../../../src/model/index.js";
import { spellSqliteType, typeFromDeclared } from "../../../src/dialects/sqlite/sqlite-types.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/sqlite-dialect.js";
import { withTestDatabase } from "../../support/databases.js";

/** The meaning of a declared type, and the text itself where strata would spell that meaning otherwise. */
const cases: Array<[string, SqlType]> = [
  ["INTEGER", scalarType("integer")],
  ["int", scalarType("integer", [], { declared: "int" })],
  ["INT", scalarType("integer", [], { declared: "INT" })],
  ["INTEGER(11)", scalarType("integer", [], { declared: "INTEGER(11)" })],
  ["VARCHAR(255)", scalarType("varchar", [255])],
  ["varchar(10)", scalarType("varchar", [10], { declared: "varchar(10)" })],
  ["varchar ( 20 )", scalarType("varchar", [20], { declared: "varchar ( 20 )" })],
  ["NVARCHAR(40)", scalarType("nvarchar", [40])],
  ["NUMERIC(10,2)", scalarType("decimal", [10, 2], { declared: "NUMERIC(10,2)" })],
  ["DECIMAL(4,2)", scalarType("decimal", [4, 2], { declared: "DECIMAL(4,2)" })],
  ["DECIMAL(4, 2)", scalarType("decimal", [4, 2])],
  ["NUMERIC", scalarType("decimal", [], { declared: "NUMERIC" })],
  ["DATETIME", scalarType("datetime")],
  ["datetime(6)", scalarType("datetime", [6], { declared: "datetime(6)" })],
  ["NVARCHAR", scalarType("nvarchar")],
  ["BLOB", scalarType("bytes")],
  ["REAL", scalarType("real")],
  ["DOUBLE", scalarType("double")],
  ["DOUBLE PRECISION", scalarType("double", [], { declared: "DOUBLE PRECISION" })],
  ["BOOLEAN", scalarType("boolean")],
  ["CHARACTER VARYING(30)", scalarType("varchar", [30], { declared: "CHARACTER VARYING(30)" })],
  ["INTEGER UNSIGNED", scalarType("integer", [], { unsigned: true })],
  ["BIGINT  unsigned", scalarType("bigint", [], { unsigned: true, declared: "BIGINT  unsigned" })],
  ["INT(10) UNSIGNED", scalarType("integer", [], { unsigned: true, declared: "INT(10) UNSIGNED" })],
  ["UNSIGNED BIG INT", scalarType("unsigned big int")],
  ["", scalarType("any")],
  ["FLOAT", scalarType("float")],
  ["DECIMAL(-1)", scalarType("decimal", [-1])],
  ['"weird type"', scalarType('"weird type"', [], { declared: '"weird type"' })],
];

for (const [declared, expected] of cases) {
  test(`declared type ${JSON.stringify(declared)} reflects as ${JSON.stringify(expected)}`, () => {
    assert.equal(typeFromDeclared(declared), expected);
  });
}

test("spellType writes declared types that reflect back to the same model type", () => {
  const types = [
    scalarType("integer"), scalarType("bigint"), scalarType("smallint"), scalarType("varchar", [255]),
    scalarType("char", [2]), scalarType("text"), scalarType("boolean"), scalarType("decimal", [10, 2]),
    scalarType("real"), scalarType("double"), scalarType("bytes"), scalarType("date"), scalarType("time"),
    scalarType("timestamp"), scalarType("timestamptz"), scalarType("timestamp", [3]), scalarType("json"),
    scalarType("uuid"), scalarType("nvarchar", [40]), scalarType("datetime"), scalarType("any"),
    scalarType("integer", [], { unsigned: true }), scalarType("clob"),
  ];
  assert.equal(types.map(spellSqliteType), [
    "INTEGER", "BIGINT", "SMALLINT", "VARCHAR(255)", "CHAR(2)", "TEXT", "BOOLEAN", "DECIMAL(10, 2)", "REAL",
    "DOUBLE", "BLOB", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP(3)", "JSON", "UUID", "NVARCHAR(40)",
    "DATETIME", "", "INTEGER UNSIGNED", "CLOB",
  ]);
  for (const type of types) assert.equal(typeFromDeclared(spellSqliteType(type)), type, spellSqliteType(type));
});

test("spellType refuses enums and arrays, which SQLite cannot declare", () => {
  assert.throws(() => spellSqliteType(enumType("role")), /SQLite cannot declare the enum type "role"/);
  assert.throws(() => spellSqliteType(scalarType("text", [], { arrayDims: 1 })), /SQLite cannot declare array types \(text\[\]\)/);
});

test("every spelled type is what the database reports back through pragma_table_xinfo", async () => {
  await withTestDatabase("sqlite", async (db) => {
    const types = [scalarType("varchar", [255]), scalarType("bytes"), scalarType("timestamptz"), scalarType("any")];
    const columns = types.map((t, i) => `c${i} ${sqliteDialect.spellType(t)}`).join(", ");
    await db.run(`CREATE TABLE t (${columns})`);
    const rows = await db.query<{ type: string }>("SELECT type FROM pragma_table_xinfo('t') ORDER BY cid");
    assert.equal(rows.map((r) => typeFromDeclared(r.type)), types);
  });
});

test("native types are declared for the parser, aliases pointing at portable types", () => {
  const blob = sqliteDialect.nativeTypes.find((t) => t.name === "blob");
  assert.is(blob?.aliasOf, "bytes");
  assert.ok(sqliteDialect.nativeTypes.some((t) => t.name === "nvarchar" && t.params?.min === 0 && t.params.max === 1));
});

test.run();
