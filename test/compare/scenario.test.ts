import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../src/compare/index.js";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { MetaData, scalarType } from "../../src/model/index.js";
import { AlterColumnOp, ModifyTableOps } from "../../src/ops/index.js";
import { availableDialects, withTestDatabase } from "../support/databases.js";
import { compare, diffs, schema, summary } from "./support.js";

// A dozen and more changes at once, on PostgreSQL (enums, comments, views).
const database = schema(`
enum role { admin member }
table author {
  id   integer @id
  name text
}
table post {
  id        integer @id
  title     varchar(100)
  body      varchar(30)
  summary   text?
  status    varchar(10) @default("draft")
  obsolete  text?
  author_id integer @references(author.id, name: "post_author_fk")
  rating    integer @check(sql("rating >= 0"), name: "ck_rating")
  @@index([status], name: "ix_post_status")
}
table legacy {
  id integer @id
}
`);

const target = schema(`
enum role { admin member guest }
enum mood { happy sad }
table writer {
  id   integer @id
  name text
  @@renamedFrom("author")
}
table tag {
  id   integer @id
  name text @unique
}
table post_tag {
  post_id integer @references(post.id)
  tag_id  integer @references(tag.id)
  @@id([post_id, tag_id])
}
table post {
  id        integer @id
  headline  varchar(100) @renamedFrom("title")
  body      varchar(40)
  summary   text
  status    varchar(10) @default("published")
  author_id integer @references(writer.id, name: "post_author_fk", onDelete: cascade)
  rating    integer @check(sql("rating between 0 and 5"), name: "ck_rating")
  mood      mood?
  @@index([author_id], name: "ix_post_author")
  @@comment("blog posts")
}
view published = sql("select id, headline from post where status = 'published'")
`);

const varchar = (n: number) => JSON.stringify(scalarType("varchar", [n]));

test("every change, exactly once, in dependency order", async () => {
  assert.equal((await diffs(database, target)).map(summary), [
    "add_enum mood",
    "add_enum_value role guest",
    // The FK to the renamed table goes before the rename, so the downgrade re-creates it after renaming back.
    "remove_fk post.post_author_fk",
    "rename_table author writer",
    "add_table tag",
    "add_table post_tag",
    "remove_table legacy",
    "remove_index post.ix_post_status",
    "remove_constraint post.ck_rating",
    "modify_name post.title title -> headline",
    "add_column post.mood",
    `modify_type post.body ${varchar(30)} -> ${varchar(40)}`,
    "modify_nullable post.summary true -> false",
    'modify_default post.status {"kind":"literal","value":"draft"} -> {"kind":"literal","value":"published"}',
    "remove_column post.obsolete",
    "add_index post.ix_post_author",
    "add_constraint post.ck_rating",
    "add_fk post.post_author_fk",
    "add_table_comment post",
    "add_view published",
  ]);
});

test("the downgrade is the upgrade reversed, and runs in an order the database accepts", async () => {
  const up = await compare(database, target);
  assert.equal(up.reverse().asDiffs().map(summary), [
    "remove_view published",
    "remove_table_comment post",
    "remove_fk post.post_author_fk",
    "remove_constraint post.ck_rating",
    "remove_index post.ix_post_author",
    "add_column post.obsolete",
    'modify_default post.status {"kind":"literal","value":"published"} -> {"kind":"literal","value":"draft"}',
    "modify_nullable post.summary false -> true",
    `modify_type post.body ${varchar(40)} -> ${varchar(30)}`,
    "remove_column post.mood",
    "modify_name post.headline headline -> title",
    "add_constraint post.ck_rating",
    "add_index post.ix_post_status",
    "add_table legacy",
    "remove_table post_tag",
    "remove_table tag",
    "rename_table writer author",
    "add_fk post.post_author_fk",
    "remove_enum_value role guest",
    "remove_enum mood",
  ]);
});

test("a rename is one AlterColumnOp that also carries the column's other changes, never a drop and an add", async () => {
  const up = await compare(database, target);
  const post = up.ops.find((op): op is ModifyTableOps => op instanceof ModifyTableOps && op.tableName === "post" && op.ops.length > 1)!;
  const rename = post.ops.find((op): op is AlterColumnOp => op instanceof AlterColumnOp && op.modifyName !== undefined)!;
  assert.equal(rename.modifyName, { from: "title", to: "headline" });
  assert.is(rename.columnName, "title");
  assert.equal(rename.existingType, scalarType("varchar", [100]));
});

test("byte-identical output whatever order the database listed its objects in", async () => {
  const shuffled = new MetaData({
    database: database.database,
    tables: [...database.tables.values()].reverse(),
    enums: [...database.enums.values()].reverse(),
  });
  const first = JSON.stringify(await diffs(database, target));
  assert.is(JSON.stringify(await diffs(shuffled, target)), first);
  assert.is(JSON.stringify(await diffs(database, target)), first);
});

test("data-losing ops of the scenario say so", async () => {
  const up = await compare(database, target);
  const all = up.ops.flatMap((op) => (op instanceof ModifyTableOps ? op.ops : [op]));
  assert.equal(
    all.map((op) => op.dataLoss()).filter((l) => l !== undefined),
    [
      "drops table legacy and all its rows",
      "alters column post.summary: makes it NOT NULL without a default: existing NULLs make the change fail",
      "drops column post.obsolete and its data",
    ],
  );
});

// The database side of the scenario as DDL: the same diffs must come out of the real database.
const DATABASE_DDL = `
  CREATE TYPE role AS ENUM ('admin', 'member');
  CREATE TABLE author (id integer PRIMARY KEY, name text NOT NULL);
  CREATE TABLE post (
    id integer PRIMARY KEY,
    title varchar(100) NOT NULL,
    body varchar(30) NOT NULL,
    summary text,
    status varchar(10) NOT NULL DEFAULT 'draft',
    obsolete text,
    author_id integer NOT NULL CONSTRAINT post_author_fk REFERENCES author (id),
    rating integer NOT NULL CONSTRAINT ck_rating CHECK (rating >= 0)
  );
  CREATE INDEX ix_post_status ON post (status);
  CREATE TABLE legacy (id integer PRIMARY KEY);
`;

for (const dialect of availableDialects(["postgresql"])) {
  test(`${dialect}: the scenario against the real database gives the same diffs as model to model`, async () => {
    await withTestDatabase(dialect, async (db) => {
      await db.run(DATABASE_DDL);
      const connection = await postgresqlDialect.connect(db.url);
      try {
        const live = await compareMetadata(MigrationContext.configure({ connection }), target);
        assert.equal(live.map(summary), (await diffs(database, target)).map(summary));
      } finally {
        await connection.close();
      }
    });
  });
}

test.run();
