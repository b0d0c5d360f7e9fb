import { test } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext, produceMigrations } from "../../../src/compare/index.js";
import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import type { MetaData } from "../../../src/model/index.js";
import { withHarness } from "../../ddl/ddl-support.js";
import { MYSQL_DIALECTS } from "./mysql-test-support.js";

/**
 * Property 1 on MySQL: after the migration strata generates for a schema
 * has run (through the MySQL DDL compiler), comparing the schema with the
 * reflected database yields no diff.
 *
 * The view is written the way MySQL stores it (columns qualified, aliases
 * added): MySQL keeps only its rewritten text, so a view written otherwise
 * shows up as modify_view (see the next test).
 */
const SCHEMA = `
database { dialect = "mysql" }
enum Role { admin member "in progress" }
table organization {
  id    serial       @id
  name  varchar(50)  @unique
  @@comment("orgs")
}
table user {
  id              bigint unsigned @id @default(autoincrement())
  email           varchar(255)    @unique(name: "uq_email")
  organization_id integer?        @references(organization.id, onDelete: cascade, name: "org_fk")
  role            Role            @default(member)
  balance         decimal(10, 2)  @default(0) @check(sql("balance >= 0"), name: "ck_balance")
  active          boolean         @default(true)
  created_at      timestamptz(3)  @default(now())
  seen_at         datetime?
  note            text?           @comment("free text")
  data            json?
  tags            set('a', 'b')?
  flags           bit(4)          @default(5)
  token           varchar(36)     @default(sql("uuid()"))
  total           decimal(12, 2)? @generated(sql("balance * 2"), stored: true)
  @@index([organization_id, created_at(sort: desc)], name: "ix_org_created")
  @@index([email(length: 10)], name: "ix_email_prefix")
  @@index([note], name: "ft_note", using: fulltext)
  @@unique([organization_id, token], name: "uq_org_token")
  @@comment("registered users")
}
view active_users = sql("select \`user\`.\`id\` AS \`id\` from \`user\` where \`user\`.\`active\` = 1")
`;

/** Spellings MySQL does not keep: equal only once `normalizeModel` maps them to what MySQL reads back. */
const UNKEPT = `
database { dialect = "mysql" }
table p {
  id integer
  @@id([id], name: "pk_p")
}
table t {
  id integer @id
  d  decimal
  d2 decimal(8)
  u  uuid
  ts timestamp(0)
  n  integer? @default(null)
  r  integer? @references(p.id, onDelete: restrict, onUpdate: restrict, name: "fk_r")
  @@index([d], name: "ix_d", using: btree)
}
`;

function compiled(text = SCHEMA): MetaData {
  const result = compileSchema([{ path: "app.schema", text }], { env: {} });
  if (!result.metadata) throw new Error(formatDiagnostics(result.diagnostics));
  return result.metadata;
}

for (const dialect of MYSQL_DIALECTS) {
  test(`${dialect}: after the generated migration has run, the schema and the database do not differ`, () =>
    withHarness("mysql", async ({ connection, apply }) => {
      const metadata = compiled();
      const context = MigrationContext.configure({ connection });
      const script = await produceMigrations(context, metadata);
      await apply(script.upgradeOps.ops, { metadata });
      assert.equal(await compareMetadata(context, metadata), []);
    }));

  test(`${dialect}: spellings MySQL does not keep compare equal (comparison applies normalizeModel)`, () =>
    withHarness("mysql", async ({ connection, apply }) => {
      const metadata = compiled(UNKEPT);
      const context = MigrationContext.configure({ connection });
      await apply((await produceMigrations(context, metadata)).upgradeOps.ops, { metadata });
      assert.equal(await compareMetadata(context, metadata), []);
      assert.equal(await compareMetadata(context, mysqlDialect.normalizeModel(metadata)), []);
    }));

  test(`${dialect}: a view written otherwise than MySQL stores it compares equal`, () =>
    withHarness("mysql", async ({ connection, apply }) => {
      const metadata = compiled();
      const context = MigrationContext.configure({ connection });
      await apply((await produceMigrations(context, metadata)).upgradeOps.ops, { metadata });
      const plain = SCHEMA.replace(/view active_users = .*/, 'view active_users = sql("select id from user where active = 1")');
      const diff = await compareMetadata(context, compileSchema([{ path: "plain.schema", text: plain }]).metadata!);
      assert.equal(diff, []);
    }));
}

test.run();
