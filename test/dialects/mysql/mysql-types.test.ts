import { test } from "uvu";
import * as assert from "uvu/assert";
import { Enum, enumType, MetaData, scalarType } from "../../../src/model/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { MysqlTypeError, parseColumnType } from "../../../src/dialects/mysql/mysql-types.js";

const type = (columnType: string) => {
  const parsed = parseColumnType(columnType);
  return parsed.kind === "type" ? parsed.type : parsed;
};

test("default display widths are dropped, others kept; tinyint(1) is boolean; zerofill is kept", () => {
  assert.equal(type("int(11)"), scalarType("integer"));
  assert.equal(type("int(10)"), scalarType("integer", [10]));
  assert.equal(type("int(10) unsigned"), scalarType("integer", [], { unsigned: true }));
  assert.equal(type("int(11) unsigned"), scalarType("integer", [11], { unsigned: true }));
  assert.equal(type("int"), scalarType("integer"));
  assert.equal(type("bigint(20) unsigned"), scalarType("bigint", [], { unsigned: true }));
  assert.equal(type("bigint unsigned zerofill"), scalarType("bigint", [], { zerofill: true }));
  assert.equal(type("int(5) unsigned zerofill"), scalarType("integer", [5], { zerofill: true }));
  assert.equal(type("tinyint(1)"), scalarType("boolean"));
  assert.equal(type("tinyint(1) unsigned"), scalarType("tinyint", [1], { unsigned: true }));
  assert.equal(type("tinyint(3) unsigned"), scalarType("tinyint", [], { unsigned: true }));
  assert.equal(type("tinyint(4)"), scalarType("tinyint"));
  assert.equal(type("smallint(6)"), scalarType("smallint"));
  assert.equal(type("mediumint(8) unsigned"), scalarType("mediumint", [], { unsigned: true }));
  assert.equal(type("year(4)"), scalarType("year"));
});

test("parameterized and renamed types", () => {
  assert.equal(type("varchar(255)"), scalarType("varchar", [255]));
  assert.equal(type("decimal(10,2)"), scalarType("decimal", [10, 2]));
  assert.equal(type("float"), scalarType("real"));
  assert.equal(type("float(7,3)"), scalarType("real"));
  assert.equal(type("double(10,2) unsigned"), scalarType("double", [], { unsigned: true }));
  assert.equal(type("double"), scalarType("double"));
  assert.equal(type("datetime(6)"), scalarType("timestamp", [6]));
  assert.equal(type("timestamp"), scalarType("timestamptz"));
  assert.equal(type("longblob"), scalarType("bytes"));
  assert.equal(type("mediumtext"), scalarType("mediumtext"));
  assert.equal(type("bit(3)"), scalarType("bit", [3]));
  assert.equal(type("geomcollection"), scalarType("geometrycollection"));
});

test("enum and set value lists keep order, case, quotes and commas", () => {
  assert.equal(type("enum('a','B c','it''s','x,y')"), { kind: "enum", values: ["a", "B c", "it's", "x,y"] });
  assert.equal(type("set('x','y')"), scalarType("set", ["x", "y"]));
});

test("spellType writes MySQL DDL", () => {
  const spell = (t: Parameters<typeof mysqlDialect.spellType>[0]) => mysqlDialect.spellType(t);
  assert.is(spell(scalarType("integer", [], { unsigned: true })), "INT UNSIGNED");
  assert.is(spell(scalarType("boolean")), "TINYINT(1)");
  assert.is(spell(scalarType("varchar", [20])), "VARCHAR(20)");
  assert.is(spell(scalarType("decimal", [10, 2])), "DECIMAL(10,2)");
  assert.is(spell(scalarType("timestamptz", [3])), "TIMESTAMP(3)");
  assert.is(spell(scalarType("timestamp")), "DATETIME");
  assert.is(spell(scalarType("uuid")), "CHAR(36)");
  assert.is(spell(scalarType("bytes")), "LONGBLOB");
  assert.is(spell(scalarType("set", ["a", "it's"])), "SET('a','it''s')");
  assert.is(spell(scalarType("mediumtext")), "MEDIUMTEXT");
});

test("enum references are spelled from the model's Enum", () => {
  const md = new MetaData({ enums: [new Enum({ name: "t_status", values: ["on", "it's"] })] });
  assert.is(mysqlDialect.spellType(enumType("t_status"), md), "ENUM('on','it''s')");
  assert.throws(() => mysqlDialect.spellType(enumType("t_status")), (e: Error) => e instanceof MysqlTypeError && e.message === "enum t_status is not declared in the model, so its values are unknown");
});

test("types MySQL cannot spell are errors", () => {
  assert.throws(() => mysqlDialect.spellType(scalarType("inet")), /type inet has no MySQL spelling/);
  assert.throws(() => mysqlDialect.spellType(scalarType("text", [], { arrayDims: 1 })), /MySQL has no array types: text\[\]/);
});

test("normalizeType gives what the server reads back", () => {
  const n = mysqlDialect.normalizeType;
  assert.equal(n(scalarType("decimal")), scalarType("decimal", [10, 0]));
  assert.equal(n(scalarType("decimal", [8])), scalarType("decimal", [8, 0]));
  assert.equal(n(scalarType("char")), scalarType("char", [1]));
  assert.equal(n(scalarType("uuid")), scalarType("char", [36]));
  assert.equal(n(scalarType("timestamp", [0])), scalarType("timestamp"));
  assert.equal(n(scalarType("varchar", [5])), scalarType("varchar", [5]));
});

test("quoteIdentifier uses backticks and doubles embedded ones", () => {
  assert.is(mysqlDialect.quoteIdentifier("a`b c"), "`a``b c`");
  assert.is(mysqlDialect.quoteIdentifier('say "hi"'), '`say "hi"`');
});

test.run();
