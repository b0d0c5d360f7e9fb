import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../src/compare/index.js";
import { sqliteDialect } from "../../src/dialects/sqlite/sqlite-dialect.js";
import { Column, MetaData, PrimaryKeyConstraint, scalarType, Table } from "../../src/model/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { diffs, schema } from "./support.js";

// The reference's compare_metadata example: the database has foo(id, old_data, x) and bar(data);
// the model wants foo(id, data, x not null) and bat(info).
const integer = scalarType("integer");
const varchar = scalarType("text");
const col = (name: string, type = integer, nullable = true) => new Column({ name, type, nullable });
const database = new MetaData({
  tables: [
    new Table({ name: "foo", columns: [col("id", integer, false), col("old_data", varchar), col("x")], primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }) }),
    new Table({ name: "bar", columns: [col("data", varchar)] }),
  ],
});
const target = new MetaData({
  tables: [
    new Table({ name: "foo", columns: [col("id", integer, false), col("data"), col("x", integer, false)], primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }) }),
    new Table({ name: "bat", columns: [col("info", varchar)] }),
  ],
});

test("model → model: exactly the reference's five diffs, in its order", async () => {
  assert.equal(await diffs(database, target, "sqlite"), [
    ["add_table", target.tables.get("bat")],
    ["remove_table", database.tables.get("bar")],
    ["add_column", undefined, "foo", col("data")],
    [
      [
        "modify_nullable",
        undefined,
        "foo",
        "x",
        { existingType: integer, existingServerDefault: undefined, existingComment: undefined },
        true,
        false,
      ],
    ],
    ["remove_column", undefined, "foo", col("old_data", varchar)],
  ]);
});

for (const dialect of availableDialects(["sqlite"])) {
  test(`${dialect}: compareMetadata on the reference's database gives its five diffs`, async () => {
    await withTestDatabase(dialect, async (db) => {
      await db.run(`
        create table foo (id integer not null primary key, old_data varchar, x integer);
        create table bar (data varchar);
      `);
      const metadata = schema(`
        table foo {
          id   integer @id
          data integer?
          x    integer
        }
        table bat {
          info text?
        }`, "sqlite");
      const connection = await sqliteDialect.connect(db.url);
      try {
        const result = await compareMetadata(MigrationContext.configure({ connection }), metadata);
        const reflected = await sqliteDialect.reflect(connection);
        assert.equal(result, [
          ["add_table", metadata.tables.get("bat")],
          ["remove_table", reflected.tables.get("bar")],
          ["add_column", undefined, "foo", metadata.tables.get("foo")!.column("data")],
          [
            [
              "modify_nullable",
              undefined,
              "foo",
              "x",
              { existingType: integer, existingServerDefault: undefined, existingComment: undefined },
              true,
              false,
            ],
          ],
          ["remove_column", undefined, "foo", reflected.tables.get("foo")!.column("old_data")],
        ]);
      } finally {
        await connection.close();
      }
    });
  });
}

test.run();
