import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../../src/compare/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import type { MetaData } from "../../../src/model/index.js";
import { MYSQL_DIALECTS, reflectScript } from "./mysql-test-support.js";

/**
 * Property 4 (no false positives) between the parser and reflection: the
 * same schema written as `.schema` and as MySQL DDL must build equal model
 * values. Names MySQL would invent are written out in the schema.
 */
const SCHEMA = `
database { dialect = "mysql" }
enum t_kind { a "b c" }
table p { id integer @id }
table t {
  id     integer        @id @default(autoincrement())
  email  varchar(255)   @unique(name: "uq_email")
  flag   boolean        @default(true)
  kind   t_kind         @default(a)
  at     datetime(3)    @default(now())
  seen   timestamptz?
  price  decimal(10, 2) @default(0)
  n      bigint unsigned?
  body   text?
  data   json?
  tags   set('x', 'y')?
  raw    bytes?
  small  tinyint @default(-1)
  p_id   integer?       @references(p.id, onDelete: cascade, name: "fk_p")
  note   varchar(20)?   @default("it's") @comment("a note")
  @@index([email(length: 10), at(sort: desc)], name: "ix_email_at")
  @@index([body], name: "ft_body", using: fulltext)
  @@comment("the t table")
}
`;

const DDL = `
CREATE TABLE p (id INT NOT NULL PRIMARY KEY);
CREATE TABLE t (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(255) NOT NULL,
  flag BOOLEAN NOT NULL DEFAULT TRUE,
  kind ENUM('a','b c') NOT NULL DEFAULT 'a',
  at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  seen TIMESTAMP NULL,
  price DECIMAL(10,2) NOT NULL DEFAULT 0,
  n BIGINT UNSIGNED,
  body TEXT,
  data JSON,
  tags SET('x','y'),
  raw LONGBLOB,
  small TINYINT NOT NULL DEFAULT -1,
  p_id INT,
  note VARCHAR(20) DEFAULT 'it''s' COMMENT 'a note',
  CONSTRAINT uq_email UNIQUE (email),
  CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE,
  KEY ix_email_at (email(10), at DESC),
  FULLTEXT KEY ft_body (body)
) COMMENT 'the t table';
`;

function compiled(): MetaData {
  const result = compileSchema([{ path: "app.schema", text: SCHEMA }]);
  if (!result.metadata) throw new Error(formatDiagnostics(result.diagnostics));
  return result.metadata;
}

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: a .schema and the same MySQL DDL build equal models`, async () => {
    const parsed = compiled();
    const { metadata: reflected } = await reflectScript(DDL);
    assert.equal([...reflected.enums.values()], [...parsed.enums.values()]);
    assert.equal([...reflected.tables.keys()], [...parsed.tables.keys()]);
    for (const [key, table] of parsed.tables) {
      const live = reflected.tables.get(key)!;
      assert.equal(live.columns, table.columns, `${key} columns`);
      assert.equal(live.primaryKey, table.primaryKey, `${key} primary key`);
      assert.equal(live.foreignKeys, table.foreignKeys, `${key} foreign keys`);
      assert.equal(live.uniqueConstraints, table.uniqueConstraints, `${key} unique constraints`);
      // Reflection lists indexes by name, a schema in the order written; comparison matches names.
      assert.equal(live.indexes, [...table.indexes].sort((a, b) => (a.name < b.name ? -1 : 1)), `${key} indexes`);
      assert.is(live.comment, table.comment);
    }
  });

  test(`${dialect}: compareMetadata finds no difference between that database and the .schema, and does find a real one`, () =>
    withTestDatabase("mysql", async (db) => {
      await db.run(DDL);
      const connection = await mysqlDialect.connect(db.url);
      try {
        const context = MigrationContext.configure({ connection });
        assert.equal(await compareMetadata(context, compiled()), []);
        const changed = SCHEMA.replace("small  tinyint @default(-1)", "small  tinyint @default(-2)");
        const diff = await compareMetadata(context, compileSchema([{ path: "changed.schema", text: changed }]).metadata!);
        assert.equal(JSON.parse(JSON.stringify(diff)), [
          [
            [
              "modify_default",
              null,
              "t",
              "small",
              { existingType: { kind: "scalar", name: "tinyint", args: [] }, existingNullable: false },
              { kind: "number", value: "-1" },
              { kind: "number", value: "-2" },
            ],
          ],
        ]);
      } finally {
        await connection.close();
      }
    }));
}

test.run();
