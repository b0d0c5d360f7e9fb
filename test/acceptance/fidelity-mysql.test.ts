/**
 * MySQL/MariaDB tables come back with their options (engine, row format,
 * AUTO_INCREMENT start, character set and collation, comment), their
 * columns' ON UPDATE, INVISIBLE, integer display widths and ZEROFILL, and
 * their foreign keys' actions as written (NO ACTION is not RESTRICT). Each database is given the same
 * defaults first, so what `pull` writes (what differs from them) is fixed.
 */
import { suite } from "uvu";
import { isAvailable } from "../support/databases.js";
import { fidelityCase } from "./fidelity.js";
import { testInLanes } from "./lanes.js";

const test = suite("acceptance: MySQL tables round-trip exactly");

const DEFAULTS = "ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;\n";

const PARTITIONED = [
  "CREATE TABLE r (id INT, d DATE) PARTITION BY RANGE (YEAR(d)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE);",
  "CREATE TABLE l (id INT) PARTITION BY LIST (id) (PARTITION a VALUES IN (1,2), PARTITION b VALUES IN (3));",
  "CREATE TABLE rc (a INT, b VARCHAR(5)) PARTITION BY RANGE COLUMNS(a, b) (PARTITION p0 VALUES LESS THAN (5, 'x'), PARTITION p1 VALUES LESS THAN (MAXVALUE, MAXVALUE));",
  "CREATE TABLE h (id INT) PARTITION BY HASH (id) PARTITIONS 3;",
].join("\n");
const RANGE = "PARTITION BY RANGE (year(`d`)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE)";
const RANGE_EDITED = "PARTITION BY RANGE (year(`d`)) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p2 VALUES LESS THAN (2010), PARTITION p1 VALUES LESS THAN MAXVALUE)";

const cases = [
  fidelityCase({
    dialect: "mysql",
    name: "a utf8mb3 table with a latin1 column stays so; its collation changed by an edit",
    sql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), code CHAR(2) COLLATE latin1_bin) DEFAULT CHARSET=utf8mb3;`,
    pulled: ['@@charset("utf8mb3")', 'code char(2)? @collate("latin1_bin")'],
    edit: [['@@charset("utf8mb3")', '@@charset("utf8mb3")\n  @@collate("utf8mb3_bin")']],
    upgrade: ['op.alterTableOptions("t", { charset: "utf8mb3", collation: "utf8mb3_bin" }, { existing: { charset: "utf8mb3", collation: null } })'],
    editedSql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), code CHAR(2) COLLATE latin1_bin) DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_bin;`,
  }),
  fidelityCase({
    dialect: "mysql",
    name: "ENGINE, ROW_FORMAT, AUTO_INCREMENT start and COMMENT; the engine changed by an edit",
    sql: `${DEFAULTS}CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=MyISAM ROW_FORMAT=FIXED AUTO_INCREMENT=1000 COMMENT='counters';`,
    pulled: ['@@engine("MyISAM")', '@@rowFormat("FIXED")', "@@autoIncrement(1000)", '@@comment("counters")'],
    edit: [['@@engine("MyISAM")', '@@engine("InnoDB")'], ['@@rowFormat("FIXED")', '@@rowFormat("DYNAMIC")']],
    upgrade: ['op.alterTableOptions("t", { engine: "InnoDB", rowFormat: "DYNAMIC" }, { existing: { engine: "MyISAM", rowFormat: "FIXED" } })'],
    editedSql: `${DEFAULTS}CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB ROW_FORMAT=DYNAMIC AUTO_INCREMENT=1000 COMMENT='counters';`,
  }),
  fidelityCase({
    dialect: "mysql",
    name: "ON UPDATE CURRENT_TIMESTAMP and INVISIBLE columns; ON UPDATE added by an edit",
    sql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, seen DATETIME NULL, secret INT INVISIBLE);`,
    pulled: ["touched timestamptz @default(now()) @onUpdate(now())", "seen timestamp?", "secret integer? @invisible"],
    edit: [["seen timestamp?", "seen timestamp? @onUpdate(now())"]],
    upgrade: ['new AlterColumnOp("t", "seen", { existingType: s.timestamp(), existingNullable: true, kw: { modify_on_update: { from: undefined, to: { kind: "now" } } } })'],
    editedSql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, seen DATETIME NULL ON UPDATE CURRENT_TIMESTAMP, secret INT INVISIBLE);`,
  }),
  fidelityCase({
    dialect: "mysql",
    name: "integer display widths, tinyint(1) and ZEROFILL; a width and ZEROFILL changed by an edit",
    sql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, n INT(10), z INT(5) UNSIGNED ZEROFILL, flag TINYINT(1), b TINYINT(1) UNSIGNED, w BIGINT(20));`,
    pulled: ["n integer(10)?", "z integer(5) unsigned zerofill?", "flag boolean?", "b tinyint(1) unsigned?", "w bigint?"],
    edit: [["n integer(10)?", "n integer(8) unsigned zerofill?\n  f2 tinyint(1)?"]],
    // tinyint(1) is how MySQL spells boolean: the new column is one.
    upgrade: ['op.addColumn("t", s.column("f2", s.boolean(), { nullable: true }))', 'op.alterColumn("t", "n", { type: s.zerofill(s.type("integer", [8])), existingType: s.type("integer", [10]), existingNullable: true })'],
    editedSql: `${DEFAULTS}CREATE TABLE t (id INT PRIMARY KEY, n INT(8) UNSIGNED ZEROFILL, z INT(5) UNSIGNED ZEROFILL, flag TINYINT(1), b TINYINT(1) UNSIGNED, w BIGINT(20), f2 TINYINT(1));`,
  }),
  fidelityCase({
    dialect: "mysql",
    name: "foreign keys with NO ACTION, RESTRICT and no action written; one changed to NO ACTION by an edit",
    sql: `${DEFAULTS}CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE c (id INT PRIMARY KEY, a INT, b INT, d INT, CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (id) ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (id) ON DELETE RESTRICT, CONSTRAINT fd FOREIGN KEY (d) REFERENCES p (id));`,
    pulled: ['a integer? @references(p.id, onDelete: noAction, onUpdate: noAction, name: "fa")', 'b integer? @references(p.id, name: "fb")', 'd integer? @references(p.id, name: "fd")'],
    edit: [['d integer? @references(p.id, name: "fd")', 'd integer? @references(p.id, onDelete: noAction, name: "fd")']],
    upgrade: ['op.dropConstraint("fd", "c", { type: "foreignkey", constraint: s.foreignKey(["d"], "p", ["id"], { name: "fd" }) })', 'op.createForeignKey("fd", "c", "p", ["d"], ["id"], { onDelete: "noAction" })'],
    editedSql: `${DEFAULTS}CREATE TABLE p (id INT PRIMARY KEY);\nCREATE TABLE c (id INT PRIMARY KEY, a INT, b INT, d INT, CONSTRAINT fa FOREIGN KEY (a) REFERENCES p (id) ON DELETE NO ACTION ON UPDATE NO ACTION, CONSTRAINT fb FOREIGN KEY (b) REFERENCES p (id) ON DELETE RESTRICT, CONSTRAINT fd FOREIGN KEY (d) REFERENCES p (id) ON DELETE NO ACTION);`,
  }),
  fidelityCase({
    dialect: "mysql",
    name: "RANGE, LIST, RANGE COLUMNS and HASH partitioning; a RANGE partition added by an edit, HASH partitioning removed",
    sql: `${DEFAULTS}${PARTITIONED}`,
    pulled: [
      `@@partitions(sql("${RANGE}"))`,
      '@@partitions(sql("PARTITION BY LIST (`id`) (PARTITION a VALUES IN (1,2), PARTITION b VALUES IN (3))"))',
      "@@partitions(sql(\"PARTITION BY RANGE COLUMNS(`a`,`b`) (PARTITION p0 VALUES LESS THAN (5,'x'), PARTITION p1 VALUES LESS THAN (MAXVALUE,MAXVALUE))\"))",
      '@@partitions(sql("PARTITION BY HASH (`id`) PARTITIONS 3"))',
    ],
    edit: [
      [`@@partitions(sql("${RANGE}"))`, `@@partitions(sql("${RANGE_EDITED}"))`],
      ['@@partitions(sql("PARTITION BY HASH (`id`) PARTITIONS 3"))', ""],
    ],
    upgrade: [
      `op.alterTableOptions("h", { partitions: null }, { existing: { partitions: "PARTITION BY HASH (\`id\`) PARTITIONS 3" } })`,
      `op.alterTableOptions("r", { partitions: "${RANGE_EDITED}" }, { existing: { partitions: "${RANGE}" } })`,
    ],
    editedSql: `${DEFAULTS}${PARTITIONED.replace("PARTITION BY HASH (id) PARTITIONS 3", "").replace("VALUES LESS THAN (2000),", "VALUES LESS THAN (2000), PARTITION p2 VALUES LESS THAN (2010),")}`,
  }),
].filter(() => isAvailable("mysql"));

testInLanes(test, cases);
test.run();
