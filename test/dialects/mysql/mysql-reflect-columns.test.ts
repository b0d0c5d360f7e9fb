import { test } from "uvu";
import * as assert from "uvu/assert";
import { Column, defaults, Enum, enumType, scalarType } from "../../../src/model/index.js";
import { MYSQL_DIALECTS, reflectScript, reflectTable } from "./mysql-test-support.js";

for (const dialect of MYSQL_DIALECTS) {
  const column = async (definition: string, extra = "") => {
    const table = await reflectTable(`CREATE TABLE t (c ${definition}${extra}) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`);
    return table.columns[0];
  };
  const typeOf = async (definition: string) => (await column(definition)).type;

  test(`${dialect}: integer types drop default display widths, tinyint(1) is boolean, unsigned and zerofill are kept`, async () => {
    assert.equal(await typeOf("INT(11)"), scalarType("integer"));
    assert.equal(await typeOf("INT(10)"), scalarType("integer", [10]));
    assert.equal(await typeOf("INT(5) ZEROFILL"), scalarType("integer", [5], { zerofill: true }));
    assert.equal(await typeOf("INTEGER"), scalarType("integer"));
    assert.equal(await typeOf("BIGINT(20) UNSIGNED"), scalarType("bigint", [], { unsigned: true }));
    assert.equal(await typeOf("SMALLINT"), scalarType("smallint"));
    assert.equal(await typeOf("MEDIUMINT UNSIGNED"), scalarType("mediumint", [], { unsigned: true }));
    assert.equal(await typeOf("TINYINT"), scalarType("tinyint"));
    assert.equal(await typeOf("TINYINT(1)"), scalarType("boolean"));
    assert.equal(await typeOf("BOOLEAN"), scalarType("boolean"));
    assert.equal(await typeOf("BOOL"), scalarType("boolean"));
  });

  test(`${dialect}: numeric, text, binary and temporal types`, async () => {
    assert.equal(await typeOf("DECIMAL(10,2)"), scalarType("decimal", [10, 2]));
    assert.equal(await typeOf("NUMERIC(8,3)"), scalarType("decimal", [8, 3]));
    assert.equal(await typeOf("DECIMAL"), scalarType("decimal", [10, 0]));
    assert.equal(await typeOf("FLOAT"), scalarType("real"));
    assert.equal(await typeOf("DOUBLE"), scalarType("double"));
    assert.equal(await typeOf("DOUBLE PRECISION"), scalarType("double"));
    assert.equal(await typeOf("VARCHAR(40)"), scalarType("varchar", [40]));
    assert.equal(await typeOf("CHAR(4)"), scalarType("char", [4]));
    assert.equal(await typeOf("TEXT"), scalarType("text"));
    assert.equal(await typeOf("TINYTEXT"), scalarType("tinytext"));
    assert.equal(await typeOf("MEDIUMTEXT"), scalarType("mediumtext"));
    assert.equal(await typeOf("LONGTEXT"), scalarType("longtext"));
    assert.equal(await typeOf("BINARY(16)"), scalarType("binary", [16]));
    assert.equal(await typeOf("VARBINARY(255)"), scalarType("varbinary", [255]));
    assert.equal(await typeOf("BLOB"), scalarType("blob"));
    assert.equal(await typeOf("MEDIUMBLOB"), scalarType("mediumblob"));
    assert.equal(await typeOf("LONGBLOB"), scalarType("bytes"));
    assert.equal(await typeOf("DATE"), scalarType("date"));
    assert.equal(await typeOf("TIME(3)"), scalarType("time", [3]));
    assert.equal(await typeOf("DATETIME"), scalarType("timestamp"));
    assert.equal(await typeOf("DATETIME(6)"), scalarType("timestamp", [6]));
    assert.equal(await typeOf("TIMESTAMP NULL"), scalarType("timestamptz"));
    assert.equal(await typeOf("YEAR"), scalarType("year"));
    assert.equal(await typeOf("BIT(5)"), scalarType("bit", [5]));
    assert.equal(await typeOf("BIT"), scalarType("bit", [1]));
    assert.equal(await typeOf("POINT"), scalarType("point"));
    assert.equal(await typeOf("JSON"), scalarType("json"));
    assert.equal(await typeOf("SET('a','b c')"), scalarType("set", ["a", "b c"]));
  });

  test(`${dialect}: MariaDB's UUID type is uuid`, async () => {
    assert.equal(await typeOf("UUID"), scalarType("uuid"));
  });

  test(`${dialect}: an ENUM column refers to an Enum named <table>_<column>`, async () => {
    const { metadata } = await reflectScript("CREATE TABLE t (status ENUM('on','Off','it''s') NOT NULL DEFAULT 'Off')");
    assert.equal([...metadata.enums.values()], [new Enum({ name: "t_status", values: ["on", "Off", "it's"] })]);
    assert.equal(
      metadata.tables.get("t")!.columns[0],
      new Column({ name: "status", type: enumType("t_status"), nullable: false, default: defaults.enumValue("Off") }),
    );
  });

  test(`${dialect}: enum names that collide get a suffix`, async () => {
    const { metadata } = await reflectScript("CREATE TABLE a_b (c ENUM('x')); CREATE TABLE a (b_c ENUM('y'));");
    assert.equal([...metadata.enums.keys()], ["a_b_c", "a_b_c_2"]);
    assert.equal(metadata.tables.get("a")!.columns[0].type, enumType("a_b_c"));
    assert.equal(metadata.tables.get("a_b")!.columns[0].type, enumType("a_b_c_2"));
  });

  test(`${dialect}: literal defaults`, async () => {
    const def = async (definition: string) => (await column(definition)).default;
    assert.equal(await def("VARCHAR(20) DEFAULT 'abc'"), defaults.literal("abc"));
    assert.equal(await def("VARCHAR(20) DEFAULT 'it''s a \\\\ b'"), defaults.literal("it's a \\ b"));
    assert.equal(await def("VARCHAR(20) DEFAULT ''"), defaults.literal(""));
    assert.equal(await def("VARCHAR(20) DEFAULT '0'"), defaults.literal("0"));
    assert.equal(await def("VARCHAR(20) DEFAULT 'NULL'"), defaults.literal("NULL"));
    assert.equal(await def("INT DEFAULT 42"), defaults.literal(42));
    assert.equal(await def("INT DEFAULT '42'"), defaults.literal(42));
    assert.equal(await def("INT DEFAULT -7"), defaults.literal(-7));
    assert.equal(await def("DECIMAL(10,2) DEFAULT 0"), defaults.literal(0));
    assert.equal(await def("DECIMAL(10,2) DEFAULT 1.5"), defaults.literal(1.5));
    assert.equal(await def("DOUBLE DEFAULT 2.5e3"), defaults.literal(2500));
    assert.equal(await def("BIGINT UNSIGNED DEFAULT 18446744073709551615"), defaults.number("18446744073709551615"));
    assert.equal(await def("BOOLEAN DEFAULT TRUE"), defaults.literal(true));
    assert.equal(await def("TINYINT(1) DEFAULT 0"), defaults.literal(false));
    assert.equal(await def("BIT(3) DEFAULT b'101'"), defaults.literal(5));
    assert.equal(await def("DATE DEFAULT '2020-01-31'"), defaults.literal("2020-01-31"));
    assert.equal(await def("SET('a','b') DEFAULT 'a,b'"), defaults.literal("a,b"));
  });

  test(`${dialect}: DEFAULT NULL and no default are both no default`, async () => {
    assert.is((await column("INT DEFAULT NULL")).default, undefined);
    assert.is((await column("INT NULL")).default, undefined);
    assert.is((await column("INT NOT NULL")).default, undefined);
  });

  test(`${dialect}: every spelling of now is now()`, async () => {
    for (const definition of [
      "DATETIME DEFAULT CURRENT_TIMESTAMP",
      "DATETIME DEFAULT current_timestamp()",
      "DATETIME DEFAULT NOW()",
      "DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6)",
      "TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP",
    ]) {
      assert.equal((await column(definition)).default, defaults.now(), definition);
    }
  });

  test(`${dialect}: expression defaults are sql(...) without their parentheses`, async () => {
    assert.equal((await column("VARCHAR(36) DEFAULT (uuid())")).default, defaults.sql("uuid()"));
    assert.equal((await column("INT DEFAULT (1 + 1)")).default, defaults.sql("1 + 1"));
  });

  test(`${dialect}: AUTO_INCREMENT is autoincrement()`, async () => {
    const c = await column("INT NOT NULL AUTO_INCREMENT PRIMARY KEY");
    assert.equal(c, new Column({ name: "c", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }));
  });

  test(`${dialect}: ON UPDATE CURRENT_TIMESTAMP is the column's onUpdate, INVISIBLE its flag`, async () => {
    const c = await column("TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)");
    assert.equal(
      c,
      new Column({
        name: "c",
        type: scalarType("timestamptz", [3]),
        nullable: false,
        default: defaults.now(),
        onUpdate: defaults.now(),
      }),
    );
    assert.equal(await column("INT INVISIBLE", ", d INT"), new Column({ name: "c", type: scalarType("integer"), nullable: true, invisible: true }));
  });

  test(`${dialect}: generated columns, virtual and stored`, async () => {
    const table = await reflectTable(
      "CREATE TABLE t (a INT, v INT AS (a * 2) VIRTUAL, s INT GENERATED ALWAYS AS (a + 1) STORED)",
    );
    assert.equal(table.columns[1], new Column({ name: "v", type: scalarType("integer"), nullable: true, generated: { expression: "`a` * 2", stored: false } }));
    assert.equal(table.columns[2], new Column({ name: "s", type: scalarType("integer"), nullable: true, generated: { expression: "`a` + 1", stored: true } }));
  });

  test(`${dialect}: JSON columns are json, without MariaDB's json_valid check or utf8mb4_bin collation`, async () => {
    const table = await reflectTable("CREATE TABLE t (doc JSON NOT NULL, other LONGTEXT CHECK (length(other) > 1))");
    assert.equal(table.columns[0], new Column({ name: "doc", type: scalarType("json"), nullable: false }));
    assert.equal(table.columns[1].type, scalarType("longtext"));
    assert.equal(
      table.checkConstraints.map((c) => [c.name, c.expression]),
      [["other", "octet_length(`other`) > 1"]],
    );
  });

  test(`${dialect}: comments, and collations only where they differ from the table's`, async () => {
    const table = await reflectTable(
      `CREATE TABLE t (
         a VARCHAR(5) COMMENT 'it''s a',
         b VARCHAR(5) COLLATE utf8mb4_general_ci,
         c CHAR(3) CHARACTER SET latin1,
         d VARCHAR(5) COLLATE utf8mb4_bin
       ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT 'the ''t'' table'`,
    );
    assert.is(table.comment, "the 't' table");
    assert.equal(
      table.columns.map((c) => [c.name, c.comment, c.collation]),
      [
        ["a", "it's a", undefined],
        ["b", undefined, undefined],
        ["c", undefined, "latin1_swedish_ci"],
        ["d", undefined, "utf8mb4_bin"],
      ],
    );
  });

  test(`${dialect}: nullability`, async () => {
    const table = await reflectTable("CREATE TABLE t (a INT NOT NULL, b INT NULL, c INT)");
    assert.equal(table.columns.map((c) => c.nullable), [false, true, true]);
  });
}

test.run();
