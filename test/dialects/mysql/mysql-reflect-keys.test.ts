import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CheckConstraint,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  UniqueConstraint,
} from "../../../src/model/index.js";
import { MYSQL_DIALECTS, reflectScript, reflectTable } from "./mysql-test-support.js";

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: primary keys keep column order and carry no name (MySQL always says PRIMARY)`, async () => {
    const table = await reflectTable("CREATE TABLE t (a INT, b INT, CONSTRAINT pk_t PRIMARY KEY (b, a))");
    assert.equal(table.primaryKey, new PrimaryKeyConstraint({ columns: ["b", "a"] }));
  });

  test(`${dialect}: foreign keys: columns in order, target, actions (the one the server reports for none is none), names`, async () => {
    const { metadata } = await reflectScript(`
      CREATE TABLE p (x INT, y INT, PRIMARY KEY (x, y));
      CREATE TABLE t (
        a INT, b INT, c INT,
        CONSTRAINT fk_ab FOREIGN KEY (b, a) REFERENCES p (x, y) ON DELETE CASCADE ON UPDATE SET NULL,
        FOREIGN KEY (c, a) REFERENCES p (x, y) ON DELETE RESTRICT ON UPDATE NO ACTION
      );`);
    const mariadb = /mariadb/i.test(String(metadata.info.serverVersion));
    assert.equal(metadata.tables.get("t")!.foreignKeys, [
      new ForeignKeyConstraint({
        name: "fk_ab",
        columns: ["b", "a"],
        target: { name: "p" },
        targetColumns: ["x", "y"],
        onDelete: "cascade",
        onUpdate: "setNull",
      }),
      // MariaDB reports an unspecified action as RESTRICT, MySQL 8 as NO ACTION: the other one is kept as written.
      new ForeignKeyConstraint({
        name: "t_ibfk_1",
        columns: ["c", "a"],
        target: { name: "p" },
        targetColumns: ["x", "y"],
        ...(mariadb ? { onUpdate: "noAction" as const } : { onDelete: "restrict" as const }),
      }),
    ]);
  });

  test(`${dialect}: the index InnoDB adds for a foreign key is not an index of the model, unless InnoDB named it after a column`, async () => {
    const table = await reflectTable(`
      CREATE TABLE p (id INT PRIMARY KEY);
      CREATE TABLE t (a INT, b INT, c INT,
        CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES p (id),
        FOREIGN KEY (b) REFERENCES p (id),
        FOREIGN KEY (c) REFERENCES p (id),
        KEY own_c (c)
      );`);
    // The key's own name is what strata's DDL gives it; `b` (InnoDB's name for an unnamed key's index) must be created as such.
    assert.equal(table.indexes, [
      new Index({ name: "b", elements: [{ kind: "column", name: "b" }] }),
      new Index({ name: "own_c", elements: [{ kind: "column", name: "c" }] }),
    ]);
    assert.equal(table.info.implicitForeignKeyIndexes, ["fk_a"]);
  });

  test(`${dialect}: unique keys over plain columns are unique constraints, whatever DDL made them`, async () => {
    const table = await reflectTable(`
      CREATE TABLE t (a INT, b INT, c VARCHAR(50), d INT,
        UNIQUE KEY uq_ab (a, b),
        CONSTRAINT uq_d UNIQUE (d),
        UNIQUE INDEX uq_c_prefix (c(10)),
        UNIQUE KEY (b, d)
      );
      CREATE UNIQUE INDEX uq_ba ON t (b, a);
      CREATE UNIQUE INDEX uq_desc ON t (d DESC, a);`);
    assert.equal(table.uniqueConstraints, [
      new UniqueConstraint({ name: "b", columns: ["b", "d"] }),
      new UniqueConstraint({ name: "uq_ab", columns: ["a", "b"] }),
      new UniqueConstraint({ name: "uq_ba", columns: ["b", "a"] }),
      new UniqueConstraint({ name: "uq_d", columns: ["d"] }),
    ]);
    assert.equal(table.indexes, [
      new Index({ name: "uq_c_prefix", unique: true, elements: [{ kind: "column", name: "c", length: 10 }] }),
      new Index({
        name: "uq_desc",
        unique: true,
        elements: [
          { kind: "column", name: "d", order: "desc" },
          { kind: "column", name: "a" },
        ],
      }),
    ]);
  });

  test(`${dialect}: indexes: multi-column, descending, prefix lengths, FULLTEXT, SPATIAL`, async () => {
    const table = await reflectTable(`
      CREATE TABLE t (a INT, b VARCHAR(100), c TEXT, g POINT NOT NULL,
        KEY ix_ab (a, b DESC),
        KEY ix_prefix (b(8), c(20)),
        FULLTEXT KEY ft_bc (b, c),
        SPATIAL INDEX sp_g (g)
      ) ENGINE=InnoDB`);
    assert.equal(table.indexes, [
      new Index({ name: "ft_bc", using: "fulltext", elements: [{ kind: "column", name: "b" }, { kind: "column", name: "c" }] }),
      new Index({ name: "ix_ab", elements: [{ kind: "column", name: "a" }, { kind: "column", name: "b", order: "desc" }] }),
      new Index({
        name: "ix_prefix",
        elements: [
          { kind: "column", name: "b", length: 8 },
          { kind: "column", name: "c", length: 20 },
        ],
      }),
      new Index({ name: "sp_g", using: "spatial", elements: [{ kind: "column", name: "g" }] }),
    ]);
  });

  test(`${dialect}: HASH indexes of MEMORY tables`, async () => {
    const table = await reflectTable("CREATE TABLE t (a INT, KEY ix_hash (a) USING HASH) ENGINE=MEMORY");
    assert.equal(table.indexes, [new Index({ name: "ix_hash", using: "hash", elements: [{ kind: "column", name: "a" }] })]);
  });

  test(`${dialect}: check constraints, named and unnamed, table and column level, in code-point name order`, async () => {
    const table = await reflectTable(`
      CREATE TABLE t (
        balance DECIMAL(10,2) CHECK (balance >= 0),
        lo INT, hi INT,
        CONSTRAINT ck_range CHECK (lo < hi),
        CHECK (hi < 100)
      );`);
    assert.equal(table.checkConstraints, [
      new CheckConstraint({ name: "CONSTRAINT_1", expression: "`hi` < 100" }),
      new CheckConstraint({ name: "balance", expression: "`balance` >= 0" }),
      new CheckConstraint({ name: "ck_range", expression: "`lo` < `hi`" }),
    ]);
  });
}

test.run();
