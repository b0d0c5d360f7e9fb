import { test } from "uvu";
import * as assert from "uvu/assert";
import type { NameFilterParentNames, NameFilterType } from "../../../src/dialects/reflect-options.js";
import { Enum, ForeignKeyConstraint, Index, UniqueConstraint, View, enumType } from "../../../src/model/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { withTestDatabase } from "../../support/databases.js";
import { MYSQL_DIALECTS, reflectScript } from "./mysql-test-support.js";

const manyTables = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `CREATE TABLE t${i} (id INT PRIMARY KEY, v VARCHAR(5) UNIQUE, p INT REFERENCES t0 (id), CHECK (p > 0), KEY ix (v, p));`,
  ).join("\n");

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: the query count is the same for 1 and 50 tables`, async () => {
    const one = await reflectScript(manyTables(1));
    const fifty = await reflectScript(manyTables(50));
    assert.is(one.metadata.tables.size, 1);
    assert.is(fifty.metadata.tables.size, 50);
    assert.is(fifty.metadata.tables.get("t49")!.foreignKeys.length, 1);
    assert.is(one.queries, 9);
    assert.is(fifty.queries, 9);
  });

  test(`${dialect}: an empty database reflects empty in five queries (server, relations, routines, parameters, triggers)`, async () => {
    const { metadata, queries } = await reflectScript("DO 1");
    assert.equal([metadata.dialect, metadata.tables.size, metadata.views.size, metadata.enums.size], ["mysql", 0, 0, 0]);
    assert.is(queries, 5);
  });

  test(`${dialect}: the version table is never reflected, whatever it is called`, async () => {
    const script = "CREATE TABLE strata_version (v VARCHAR(32)); CREATE TABLE my_versions (v VARCHAR(32)); CREATE TABLE t (a INT);";
    assert.equal([...(await reflectScript(script)).metadata.tables.keys()], ["my_versions", "t"]);
    assert.equal([...(await reflectScript(script, { versionTable: "my_versions" })).metadata.tables.keys()], ["strata_version", "t"]);
  });

  test(`${dialect}: includeName runs on names first; excluded tables are never read`, async () => {
    const calls: Array<[string | undefined, NameFilterType, NameFilterParentNames]> = [];
    const { metadata } = await reflectScript(
      `CREATE TABLE keep (a INT, secret INT, b INT, UNIQUE KEY uq_a (a), UNIQUE KEY uq_secret (secret), KEY ix_b (b), KEY skip_ix (b, a), CHECK (a > 0));
       CREATE TABLE skip (a INT);
       CREATE VIEW v_keep AS SELECT a FROM keep;
       CREATE VIEW v_skip AS SELECT a FROM keep;`,
      {
        includeName: (name, type, parents) => {
          calls.push([name, type, parents]);
          return !(name ?? "").includes("skip") && name !== "secret";
        },
      },
    );
    const keep = metadata.tables.get("keep")!;
    assert.equal([...metadata.tables.keys()], ["keep"]);
    assert.equal([...metadata.views.keys()], ["v_keep"]);
    assert.equal(keep.columns.map((c) => c.name), ["a", "b"]);
    // A key over an excluded column goes with it.
    assert.equal(keep.uniqueConstraints, [new UniqueConstraint({ name: "uq_a", columns: ["a"] })]);
    assert.equal(keep.indexes, [new Index({ name: "ix_b", elements: [{ kind: "column", name: "b" }] })]);
    assert.equal(keep.checkConstraints.map((c) => c.name), ["CONSTRAINT_1"]);
    const parents = { tableName: "keep", schemaQualifiedTableName: "keep" };
    assert.equal(calls, [
      ["keep", "table", {}],
      ["skip", "table", {}],
      ["v_keep", "view", {}],
      ["v_skip", "view", {}],
      ["a", "column", parents],
      ["secret", "column", parents],
      ["b", "column", parents],
      ["ix_b", "index", parents],
      ["skip_ix", "index", parents],
      ["uq_a", "uniqueConstraint", parents],
      ["uq_secret", "uniqueConstraint", parents],
      ["CONSTRAINT_1", "checkConstraint", parents],
    ]);
  });

  test(`${dialect}: names with spaces, mixed case, quotes, backticks and reserved words survive`, async () => {
    const { metadata } = await reflectScript(`
      CREATE TABLE \`Select\` (\`Order\` INT PRIMARY KEY, \`it's "x"\` VARCHAR(5), \`back\`\`tick\` ENUM('a b', 'C'),
        UNIQUE KEY \`uq "q"\` (\`it's "x"\`));
      CREATE TABLE \`my table\` (\`Ref Id\` INT, \`from\` INT,
        CONSTRAINT \`fk my\`\`ref\` FOREIGN KEY (\`Ref Id\`) REFERENCES \`Select\` (\`Order\`),
        KEY \`ix from\` (\`from\` DESC));
      CREATE VIEW \`a view\` AS SELECT \`Order\` FROM \`Select\`;`);
    assert.equal([...metadata.tables.keys()], ["Select", "my table"]);
    const select = metadata.tables.get("Select")!;
    assert.equal(select.columns.map((c) => c.name), ["Order", `it's "x"`, "back`tick"]);
    assert.equal(select.columns[2].type, enumType("Select_back`tick"));
    assert.equal(metadata.enums.get("Select_back`tick"), new Enum({ name: "Select_back`tick", values: ["a b", "C"] }));
    assert.equal(select.uniqueConstraints, [new UniqueConstraint({ name: 'uq "q"', columns: [`it's "x"`] })]);
    const mine = metadata.tables.get("my table")!;
    assert.equal(mine.foreignKeys, [
      new ForeignKeyConstraint({ name: "fk my`ref", columns: ["Ref Id"], target: { name: "Select" }, targetColumns: ["Order"] }),
    ]);
    assert.equal(mine.indexes, [new Index({ name: "ix from", elements: [{ kind: "column", name: "from", order: "desc" }] })]);
    assert.equal(metadata.views.get("a view")!.definition, "select `Select`.`Order` AS `Order` from `Select`");
  });

  test(`${dialect}: table options are what differs from the database's defaults`, async () => {
    const { metadata } = await reflectScript(
      `ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
       CREATE TABLE t (a INT) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_bin;
       CREATE TABLE m (a INT) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
       CREATE TABLE l (a INT) DEFAULT CHARSET=latin1;
       CREATE TABLE r (id INT AUTO_INCREMENT PRIMARY KEY) ROW_FORMAT=COMPACT AUTO_INCREMENT=1000;
       CREATE TABLE d (id INT AUTO_INCREMENT PRIMARY KEY) COLLATE=utf8mb4_general_ci;`,
    );
    const options = (name: string) => metadata.tables.get(name)!.options;
    assert.equal(options("t"), { charset: "latin1", collation: "latin1_bin" });
    assert.equal(options("m"), { engine: "MEMORY", collation: "utf8mb4_unicode_ci" });
    assert.equal(options("l"), { charset: "latin1" });
    assert.equal(options("r"), { rowFormat: "COMPACT", autoIncrement: 1000 });
    assert.equal(options("d"), {});
  });

  test(`${dialect}: a URL without a database is an error that names the URL without its password`, async () => {
    await withTestDatabase("mysql", async (db) => {
      const connection = await mysqlDialect.connect(db.url.replace(/\/[^/]*$/, "/"));
      try {
        await mysqlDialect.reflect(connection);
        assert.unreachable("reflect should have failed");
      } catch (error) {
        assert.is((error as Error).message, `${connection.displayUrl} names no database: add one to the URL (mysql://host/db)`);
      } finally {
        await connection.close();
      }
    });
  });

  test(`${dialect}: what the model cannot hold is named in metadata.info.reflectionWarnings`, async () => {
    const { metadata } = await reflectScript(`
      CREATE TABLE t (
        code VARCHAR(100) NOT NULL,
        n INT(5) ZEROFILL,
        f FLOAT(7,3),
        hidden INT INVISIBLE,
        touched TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
        PRIMARY KEY (code(20)),
        KEY ix_n (n, f) COMMENT 'why'
      );
      CREATE TABLE h (a INT) WITH SYSTEM VERSIONING;
      CREATE TABLE parts (a INT) PARTITION BY HASH (a) PARTITIONS 2;
      CREATE SEQUENCE s;
      CREATE SQL SECURITY INVOKER VIEW v AS SELECT a FROM h WHERE a > 0 WITH CASCADED CHECK OPTION;`);
    assert.equal([...metadata.tables.keys()], ["h", "parts", "t"]);
    assert.is(metadata.tables.get("parts")!.options.partitions, "PARTITION BY HASH (`a`) PARTITIONS 2");
    assert.equal(metadata.info.reflectionWarnings, [
      'sequence "s" is not reflected: the model has no sequences on MySQL',
      'system versioning of table "h" is not in the model',
      'WITH CASCADED CHECK OPTION of view "v" is not in the model',
      'SQL SECURITY INVOKER of view "v" is not in the model',
      'column "f" of table "t" is float(7,3): the deprecated (7,3) is not in the model',
      'the comment of index "ix_n" on table "t" is not in the model',
      'the primary key of table "t" indexes a prefix of column "code", which is not in the model',
    ]);
  });

  test(`${dialect}: views keep their definition without the database name`, async () => {
    const { metadata } = await reflectScript(
      "CREATE TABLE t (id INT, note TEXT); CREATE VIEW v AS SELECT id FROM t WHERE note IS NOT NULL;",
    );
    assert.equal(
      [...metadata.views.values()],
      [new View({ name: "v", definition: "select `t`.`id` AS `id` from `t` where `t`.`note` is not null" })],
    );
    assert.equal([...metadata.tables.keys()], ["t"]);
  });
}

test.run();
