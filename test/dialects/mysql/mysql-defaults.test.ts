import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseMysqlDefault, parseOnUpdate, type MysqlFlavor } from "../../../src/dialects/mysql/mysql-defaults.js";
import { defaults, enumType, scalarType, type SqlType } from "../../../src/model/index.js";

/**
 * The catalog strings of both servers, as information_schema.COLUMNS shows
 * them. MariaDB is also covered end to end on the real server
 * (mysql-reflect-columns); MySQL 8 is not available here, so its spellings
 * are checked on the parser alone.
 */
const varchar = scalarType("varchar", [20]);
const parse = (flavor: MysqlFlavor, raw: string | null, type: SqlType = varchar, extra = "") =>
  parseMysqlDefault(raw, { flavor, type, extra });

test("MariaDB: quoted literals, NULL, numbers, bits, now and expressions", () => {
  assert.equal(parse("mariadb", "'abc'"), defaults.literal("abc"));
  assert.equal(parse("mariadb", "'it''s \\\\ x\\n'"), defaults.literal("it's \\ x\n"));
  assert.equal(parse("mariadb", "'NULL'"), defaults.literal("NULL"));
  assert.is(parse("mariadb", "NULL"), undefined);
  assert.is(parse("mariadb", null), undefined);
  assert.equal(parse("mariadb", "0.00", scalarType("decimal", [10, 2])), defaults.literal(0));
  assert.equal(parse("mariadb", "1", scalarType("boolean")), defaults.literal(true));
  assert.equal(parse("mariadb", "2", scalarType("boolean")), defaults.literal(2));
  assert.equal(parse("mariadb", "b'101'", scalarType("bit", [3])), defaults.literal(5));
  assert.equal(parse("mariadb", "current_timestamp(6)", scalarType("timestamp", [6])), defaults.now());
  assert.equal(parse("mariadb", "uuid()"), defaults.sql("uuid()"));
  assert.equal(parse("mariadb", "(1 + 1)", scalarType("integer")), defaults.sql("1 + 1"));
  assert.equal(parse("mariadb", "'b c'", enumType("t_e")), defaults.enumValue("b c"));
  assert.equal(parse("mariadb", null, scalarType("integer"), "auto_increment"), defaults.autoincrement());
});

test("MySQL 8: bare literals typed by the column, DEFAULT_GENERATED expressions, hex binary defaults", () => {
  assert.equal(parse("mysql", "abc"), defaults.literal("abc"));
  assert.equal(parse("mysql", "it's"), defaults.literal("it's"));
  assert.equal(parse("mysql", "0"), defaults.literal("0"));
  assert.equal(parse("mysql", ""), defaults.literal(""));
  assert.equal(parse("mysql", "0", scalarType("integer")), defaults.literal(0));
  assert.equal(parse("mysql", "0", scalarType("boolean")), defaults.literal(false));
  assert.equal(parse("mysql", "1.50", scalarType("decimal", [5, 2])), defaults.literal(1.5));
  assert.equal(parse("mysql", "b'1'", scalarType("bit", [1])), defaults.literal(1));
  assert.equal(parse("mysql", "2020-01-01 00:00:00", scalarType("timestamp")), defaults.literal("2020-01-01 00:00:00"));
  assert.equal(parse("mysql", "CURRENT_TIMESTAMP", scalarType("timestamptz"), "DEFAULT_GENERATED"), defaults.now());
  assert.equal(
    parse("mysql", "CURRENT_TIMESTAMP(3)", scalarType("timestamp", [3]), "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)"),
    defaults.now(),
  );
  assert.equal(parse("mysql", "uuid()", varchar, "DEFAULT_GENERATED"), defaults.sql("uuid()"));
  assert.equal(parse("mysql", "(`a` + 1)", scalarType("integer"), "DEFAULT_GENERATED"), defaults.sql("`a` + 1"));
  assert.equal(parse("mysql", "0x616263", scalarType("varbinary", [8])), defaults.literal("abc"));
  assert.equal(parse("mysql", "0x", scalarType("varbinary", [8])), defaults.literal(""));
  assert.equal(parse("mysql", "0x616263", varchar), defaults.literal("0x616263"));
  assert.equal(parse("mysql", "on", enumType("t_e")), defaults.enumValue("on"));
  assert.is(parse("mysql", null), undefined);
});

test("ON UPDATE, in both servers' spellings", () => {
  assert.equal(parseOnUpdate("on update current_timestamp(6)"), defaults.now());
  assert.equal(parseOnUpdate("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"), defaults.now());
  assert.is(parseOnUpdate("auto_increment"), undefined);
  assert.is(parseOnUpdate(""), undefined);
});

test.run();
