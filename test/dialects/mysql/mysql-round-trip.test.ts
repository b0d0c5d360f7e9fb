import { test } from "uvu";
import * as assert from "uvu/assert";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { printSchema } from "../../../src/format/index.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { assertModelsEqual } from "../../support/model-equality.js";
import { spellMysqlDefault } from "../../../src/dialects/mysql/mysql-defaults.js";
import { defaults, Enum, enumType, MetaData, scalarType, type DefaultValue, type SqlType } from "../../../src/model/index.js";
import { MYSQL_DIALECTS, reflectScript } from "./mysql-test-support.js";

const model = new MetaData({ enums: [new Enum({ name: "t_c5", values: ["a", "it's", "B c"] })] });

const TYPES: SqlType[] = [
  scalarType("smallint"),
  scalarType("integer"),
  scalarType("integer", [], { unsigned: true }),
  scalarType("bigint", [], { unsigned: true }),
  scalarType("tinyint"),
  scalarType("mediumint"),
  scalarType("decimal"),
  scalarType("decimal", [12]),
  scalarType("decimal", [10, 2]),
  scalarType("real"),
  scalarType("double"),
  scalarType("boolean"),
  scalarType("text"),
  scalarType("varchar", [50]),
  scalarType("char"),
  scalarType("char", [2]),
  scalarType("bytes"),
  scalarType("date"),
  scalarType("time"),
  scalarType("time", [3]),
  scalarType("timestamp"),
  scalarType("timestamp", [0]),
  scalarType("timestamp", [6]),
  scalarType("timestamptz"),
  scalarType("timestamptz", [3]),
  scalarType("json"),
  scalarType("uuid"),
  scalarType("year"),
  scalarType("bit"),
  scalarType("bit", [8]),
  scalarType("tinytext"),
  scalarType("mediumtext"),
  scalarType("longtext"),
  scalarType("binary", [16]),
  scalarType("varbinary", [200]),
  scalarType("tinyblob"),
  scalarType("blob"),
  scalarType("mediumblob"),
  scalarType("set", ["x", "y z"]),
  scalarType("geometry"),
  scalarType("point"),
  scalarType("inet6"),
];

const DEFAULTS: Array<[SqlType, DefaultValue]> = [
  [scalarType("varchar", [20]), defaults.literal("it's \\ here")],
  [scalarType("text"), defaults.literal("")],
  [scalarType("integer"), defaults.literal(-3)],
  [scalarType("decimal", [6, 2]), defaults.literal(12.5)],
  [scalarType("boolean"), defaults.literal(true)],
  [scalarType("boolean"), defaults.literal(false)],
  [scalarType("bit", [4]), defaults.literal(9)],
  [scalarType("timestamp", [3]), defaults.now()],
  [scalarType("timestamptz"), defaults.now()],
  [scalarType("date"), defaults.literal("2024-02-29")],
  [scalarType("varchar", [36]), defaults.sql("uuid()")],
  [enumType("t_c5"), defaults.enumValue("it's")],
];

/** Every feature reflection reads, with names that need quoting. */
const FIXTURE = `
CREATE TABLE \`Parent Table\` (\`Id\` INT NOT NULL AUTO_INCREMENT, code CHAR(3) NOT NULL, PRIMARY KEY (\`Id\`), UNIQUE KEY uq_code (code))
  COMMENT 'parents';
CREATE TABLE \`order\` (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  parent_id INT NULL,
  parent_code CHAR(3) NULL,
  \`select\` VARCHAR(50) NOT NULL DEFAULT 'it''s',
  status ENUM('new','in progress','done') NOT NULL DEFAULT 'in progress',
  flags SET('a','b') NULL,
  amount DECIMAL(12,3) NOT NULL DEFAULT 0.5,
  ratio DOUBLE NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  bits BIT(4) NOT NULL DEFAULT b'1010',
  doc JSON NULL,
  body MEDIUMTEXT NULL,
  latin CHAR(2) CHARACTER SET latin1 NULL COMMENT 'a "latin" column',
  created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  token VARCHAR(36) NOT NULL DEFAULT (uuid()),
  total DECIMAL(12,3) AS (amount * 2) STORED,
  half DOUBLE AS (ratio / 2) VIRTUAL,
  PRIMARY KEY (id),
  CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES \`Parent Table\` (\`Id\`) ON DELETE SET NULL ON UPDATE CASCADE,
  FOREIGN KEY (parent_code) REFERENCES \`Parent Table\` (code),
  CONSTRAINT ck_amount CHECK (amount >= 0),
  UNIQUE KEY uq_token (token),
  UNIQUE INDEX uq_prefix (\`select\`(10)),
  KEY ix_status_created (status, created DESC),
  FULLTEXT KEY ft_body (body)
) COMMENT 'orders';
CREATE VIEW \`open orders\` AS SELECT id, \`select\` FROM \`order\` WHERE status <> 'done';
`;

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: every reflected feature survives reflect → printSchema → compile`, async () => {
    const { metadata } = await reflectScript(FIXTURE);
    const text = printSchema(metadata);
    const compiled = compileSchema([{ path: "fixture.schema", text }], { env: {} });
    assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
    assertModelsEqual(metadata, compiled.metadata!);
  });

  test(`${dialect}: every type spellType writes reflects back as normalizeType says`, async () => {
    const columns = TYPES.map((type, i) => `c${i} ${mysqlDialect.spellType(type, model)} NULL`);
    const { metadata } = await reflectScript(`CREATE TABLE t (${columns.join(", ")})`);
    const reflected = metadata.tables.get("t")!.columns.map((c) => c.type);
    assert.equal(reflected, TYPES.map(mysqlDialect.normalizeType));
  });

  test(`${dialect}: enum references round-trip through ENUM(...)`, async () => {
    const { metadata } = await reflectScript(`CREATE TABLE t (c5 ${mysqlDialect.spellType(enumType("t_c5"), model)})`);
    assert.equal(metadata.tables.get("t")!.columns[0].type, enumType("t_c5"));
    assert.equal(metadata.enums.get("t_c5"), model.enums.get("t_c5"));
  });

  test(`${dialect}: every default spellMysqlDefault writes reflects back unchanged`, async () => {
    const columns = DEFAULTS.map(([type, value], i) => {
      const name = type.kind === "enum" ? "c5" : `d${i}`;
      const timestamp = type.kind === "scalar" && type.name === "timestamptz" ? " NOT NULL" : "";
      return `${name} ${mysqlDialect.spellType(type, model)}${timestamp} DEFAULT ${spellMysqlDefault(value, type)}`;
    });
    const { metadata } = await reflectScript(`CREATE TABLE t (${columns.join(", ")})`);
    assert.equal(
      metadata.tables.get("t")!.columns.map((c) => c.default),
      DEFAULTS.map(([, value]) => value),
    );
  });
}

test.run();
