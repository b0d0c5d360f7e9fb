/**
 * Exact SQL text for representative ops on each dialect, compiled offline,
 * so that a change in what strata sends is visible in review.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  CheckConstraint,
  Column,
  defaults,
  Enum,
  enumType,
  ForeignKeyConstraint,
  Index,
  MetaData,
  PrimaryKeyConstraint,
  scalarType,
  Table,
  UniqueConstraint,
} from "../../src/model/index.js";
import { AlterColumnOp } from "../../src/ops/alter-column-op.js";
import { AddColumnOp } from "../../src/ops/column-ops.js";
import { CreateForeignKeyOp, DropConstraintOp } from "../../src/ops/constraint-ops.js";
import { AddEnumValueOp, CreateEnumOp } from "../../src/ops/enum-ops.js";
import { CreateIndexOp, DropIndexOp } from "../../src/ops/index-ops.js";
import { CreateTableOp, RenameTableOp } from "../../src/ops/table-ops.js";
import { compileOffline } from "./ddl-support.js";

const user = new Table({
  name: "user",
  columns: [
    new Column({ name: "id", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }),
    new Column({ name: 'Email "Address"', type: scalarType("varchar", [255]), nullable: false, comment: "it's the mail" }),
    new Column({ name: "balance", type: scalarType("decimal", [10, 2]), nullable: true, default: defaults.literal(-1.5) }),
    new Column({ name: "active", type: scalarType("boolean"), nullable: false, default: defaults.literal(true) }),
    new Column({ name: "created_at", type: scalarType("timestamp"), nullable: false, default: defaults.now() }),
    new Column({ name: "org_id", type: scalarType("integer"), nullable: true }),
  ],
  primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
  foreignKeys: [new ForeignKeyConstraint({ name: "fk_org", columns: ["org_id"], target: { name: "org" }, targetColumns: ["id"], onDelete: "cascade" })],
  uniqueConstraints: [new UniqueConstraint({ name: "uq_email", columns: ['Email "Address"'] })],
  checkConstraints: [new CheckConstraint({ name: "ck_balance", expression: "balance >= -100" })],
  indexes: [new Index({ name: "ix_org", elements: [{ kind: "column", name: "org_id", order: "desc" }] })],
  comment: "people",
});

test("CREATE TABLE on each dialect", async () => {
  assert.equal(await compileOffline("sqlite", new CreateTableOp(user)), [
    `CREATE TABLE "user" (
  "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  "Email ""Address""" VARCHAR(255) NOT NULL,
  "balance" DECIMAL(10, 2) DEFAULT -1.5,
  "active" BOOLEAN NOT NULL DEFAULT TRUE,
  "created_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "org_id" INTEGER,
  CONSTRAINT "uq_email" UNIQUE ("Email ""Address"""),
  CONSTRAINT "ck_balance" CHECK (balance >= -100),
  CONSTRAINT "fk_org" FOREIGN KEY ("org_id") REFERENCES "org" ("id") ON DELETE CASCADE
)`,
    `CREATE INDEX "ix_org" ON "user" ("org_id" DESC)`,
  ]);
  assert.equal(await compileOffline("postgresql", new CreateTableOp(user)), [
    `CREATE TABLE "user" (
  "id" serial NOT NULL,
  "Email ""Address""" varchar(255) NOT NULL,
  "balance" numeric(10,2) DEFAULT -1.5,
  "active" boolean NOT NULL DEFAULT TRUE,
  "created_at" timestamp NOT NULL DEFAULT now(),
  "org_id" integer,
  PRIMARY KEY ("id"),
  CONSTRAINT "uq_email" UNIQUE ("Email ""Address"""),
  CONSTRAINT "ck_balance" CHECK (balance >= -100),
  CONSTRAINT "fk_org" FOREIGN KEY ("org_id") REFERENCES "org" ("id") ON DELETE CASCADE
)`,
    `COMMENT ON TABLE "user" IS 'people'`,
    `COMMENT ON COLUMN "user"."Email ""Address""" IS 'it''s the mail'`,
    `CREATE INDEX "ix_org" ON "user" ("org_id" DESC)`,
  ]);
  assert.equal(await compileOffline("mysql", new CreateTableOp(user)), [
    `CREATE TABLE \`user\` (
  \`id\` INT NOT NULL AUTO_INCREMENT,
  \`Email "Address"\` VARCHAR(255) NOT NULL COMMENT 'it\\'s the mail',
  \`balance\` DECIMAL(10,2) NULL DEFAULT -1.5,
  \`active\` TINYINT(1) NOT NULL DEFAULT 1,
  \`created_at\` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  \`org_id\` INT NULL,
  PRIMARY KEY (\`id\`),
  CONSTRAINT \`uq_email\` UNIQUE (\`Email "Address"\`),
  CONSTRAINT \`ck_balance\` CHECK (balance >= -100),
  CONSTRAINT \`fk_org\` FOREIGN KEY (\`org_id\`) REFERENCES \`org\` (\`id\`) ON DELETE CASCADE
) COMMENT='people'`,
    "CREATE INDEX `ix_org` ON `user` (`org_id` DESC)",
  ]);
});

const role = new Enum({ name: "role", schema: "audit", values: ["a", "b'c"] });
const roleColumn = new Column({ name: "role", type: enumType("role", "audit"), nullable: false, default: defaults.enumValue("a") });

test("PostgreSQL: schema-qualified names, enums, ALTER COLUMN, constraints, indexes", async () => {
  assert.equal(await compileOffline("postgresql", new CreateEnumOp(role)), [`CREATE TYPE "audit"."role" AS ENUM ('a', 'b''c')`]);
  assert.equal(await compileOffline("postgresql", new AddEnumValueOp("role", "z", { schema: "audit", before: "a" })), [
    `ALTER TYPE "audit"."role" ADD VALUE IF NOT EXISTS 'z' BEFORE 'a'`,
  ]);
  assert.equal(await compileOffline("postgresql", new AddColumnOp("event", roleColumn, { schema: "audit" })), [
    `ALTER TABLE "audit"."event" ADD COLUMN "role" "audit"."role" NOT NULL DEFAULT 'a'`,
  ]);
  const alter = new AlterColumnOp("event", "Kind", {
    schema: "audit",
    modifyType: { from: scalarType("text"), to: scalarType("integer") },
    modifyNullable: { from: false, to: true },
    modifyServerDefault: { from: defaults.literal("x"), to: defaults.literal(0) },
    modifyComment: { from: undefined, to: "kind" },
    modifyName: { from: "Kind", to: "kind_id" },
  });
  assert.equal(await compileOffline("postgresql", alter), [
    `ALTER TABLE "audit"."event" ALTER COLUMN "Kind" DROP DEFAULT`,
    `ALTER TABLE "audit"."event" ALTER COLUMN "Kind" TYPE integer USING "Kind"::integer`,
    `ALTER TABLE "audit"."event" ALTER COLUMN "Kind" SET DEFAULT 0`,
    `ALTER TABLE "audit"."event" ALTER COLUMN "Kind" DROP NOT NULL`,
    `COMMENT ON COLUMN "audit"."event"."Kind" IS 'kind'`,
    `ALTER TABLE "audit"."event" RENAME COLUMN "Kind" TO "kind_id"`,
  ]);
  const fk = new ForeignKeyConstraint({
    name: "fk",
    columns: ["a", "b"],
    target: { schema: "audit", name: "other" },
    targetColumns: ["x", "y"],
    onUpdate: "setNull",
    deferrable: true,
    initiallyDeferred: true,
  });
  // The orphan check comes first: without a live table (offline) it names sample rows by the key's own columns.
  assert.equal(await compileOffline("postgresql", new CreateForeignKeyOp("t", fk)), [
    `SELECT s."a" AS "sample_a", s."b" AS "sample_b", count(*) OVER () AS orphan_rows FROM "t" s WHERE s."a" IS NOT NULL AND s."b" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "audit"."other" t WHERE t."x" = s."a" AND t."y" = s."b") LIMIT 1`,
    `ALTER TABLE "t" ADD CONSTRAINT "fk" FOREIGN KEY ("a", "b") REFERENCES "audit"."other" ("x", "y") ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED`,
  ]);
  assert.equal(await compileOffline("postgresql", new CreateForeignKeyOp("t", new ForeignKeyConstraint({ ...fk, notValid: true }))), [
    `ALTER TABLE "t" ADD CONSTRAINT "fk" FOREIGN KEY ("a", "b") REFERENCES "audit"."other" ("x", "y") ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID`,
  ]);
  const gin = new Index({ name: "ix_doc", elements: [{ kind: "column", name: "doc", opclass: "jsonb_path_ops" }], using: "gin", where: "doc IS NOT NULL" });
  assert.equal(await compileOffline("postgresql", new CreateIndexOp("t", gin, { schema: "audit" })), [
    `CREATE INDEX "ix_doc" ON "audit"."t" USING gin ("doc" "jsonb_path_ops") WHERE doc IS NOT NULL`,
  ]);
  assert.equal(await compileOffline("postgresql", new DropIndexOp("ix_doc", { schema: "audit" })), [`DROP INDEX "audit"."ix_doc"`]);
  assert.equal(await compileOffline("postgresql", new RenameTableOp("a", "b", { schema: "audit" })), [`ALTER TABLE "audit"."a" RENAME TO "b"`]);
});

test("MySQL: MODIFY/CHANGE from existing values, drops by constraint type, FULLTEXT and prefix indexes, inline ENUM", async () => {
  const metadata = new MetaData({ enums: [new Enum({ name: "role", values: ["a", "b'c"] })] });
  const column = new Column({ name: "role", type: enumType("role"), nullable: false, default: defaults.enumValue("a") });
  assert.equal(await compileOffline("mysql", new AddColumnOp("t", column), { metadata }), [
    "ALTER TABLE `t` ADD COLUMN `role` ENUM('a','b''c') NOT NULL DEFAULT 'a'",
  ]);
  const rename = new AlterColumnOp("t", "title", {
    modifyName: { from: "title", to: "Heading" },
    modifyNullable: { from: true, to: false },
    existingType: scalarType("varchar", [80]),
    existingServerDefault: defaults.literal(""),
    existingComment: "shown",
  });
  assert.equal(await compileOffline("mysql", rename), [
    "SELECT count(*) OVER () AS offending_rows FROM `t` WHERE `title` IS NULL LIMIT 1",
    "ALTER TABLE `t` CHANGE COLUMN `title` `Heading` VARCHAR(80) NOT NULL DEFAULT '' COMMENT 'shown'",
  ]);
  const setDefault = new AlterColumnOp("t", "n", { modifyServerDefault: { from: undefined, to: defaults.literal(5) }, existingType: scalarType("integer") });
  assert.equal(await compileOffline("mysql", setDefault), ["ALTER TABLE `t` ALTER COLUMN `n` SET DEFAULT 5"]);
  const drops = (["foreignkey", "unique", "check", "primarykey"] as const).map((type) => new DropConstraintOp("c", "t", { type }));
  const sql = await Promise.all(drops.map((op) => compileOffline("mysql", op)));
  assert.equal(sql.flat(), [
    "ALTER TABLE `t` DROP FOREIGN KEY `c`",
    "ALTER TABLE `t` DROP INDEX `c`",
    "ALTER TABLE `t` DROP CONSTRAINT `c`",
    "ALTER TABLE `t` DROP PRIMARY KEY",
  ]);
  const fulltext = new Index({ name: "ft", elements: [{ kind: "column", name: "body" }], using: "fulltext" });
  const prefix = new Index({ name: "ix", elements: [{ kind: "column", name: "title", length: 10 }], using: "btree" });
  assert.equal(await compileOffline("mysql", new CreateIndexOp("t", fulltext)), ["CREATE FULLTEXT INDEX `ft` ON `t` (`body`)"]);
  assert.equal(await compileOffline("mysql", new CreateIndexOp("t", prefix)), ["CREATE INDEX `ix` ON `t` (`title`(10)) USING BTREE"]);
});

test("SQLite: direct ALTERs", async () => {
  const rename = new AlterColumnOp("t", "a", { modifyName: { from: "a", to: "select" } });
  assert.equal(await compileOffline("sqlite", rename), [`ALTER TABLE "t" RENAME COLUMN "a" TO "select"`]);
  const partial = new Index({ name: "ix", unique: true, elements: [{ kind: "expression", sql: "lower(email)" }], where: "deleted_at IS NULL" });
  assert.equal(await compileOffline("sqlite", new CreateIndexOp("t", partial)), [`CREATE UNIQUE INDEX "ix" ON "t" ((lower(email))) WHERE deleted_at IS NULL`]);
  assert.equal(await compileOffline("sqlite", new AddColumnOp("t", new Column({ name: "n", type: scalarType("text"), nullable: true, collation: "NOCASE" }))), [
    `ALTER TABLE "t" ADD COLUMN "n" TEXT COLLATE "NOCASE"`,
  ]);
});

test("a default that is not a DefaultValue is a DdlStateError, never `DEFAULT undefined`", async () => {
  const column = new Column({ name: "c", type: scalarType("integer"), nullable: true, default: 7 as never });
  for (const dialect of ["sqlite", "postgresql", "mysql"] as const) {
    try {
      await compileOffline(dialect, new AddColumnOp("t", column));
      assert.unreachable(`${dialect} compiled it`);
    } catch (error) {
      assert.is((error as Error).name, "DdlStateError", dialect);
      assert.match((error as Error).message, /is 7, not a DefaultValue \(build it with defaults\.\*\)$/);
    }
  }
  const alter = new AlterColumnOp("t", "c", { modifyServerDefault: { from: undefined, to: 7 as never }, existingType: scalarType("integer") });
  for (const dialect of ["postgresql", "mysql"] as const) {
    try {
      await compileOffline(dialect, alter);
      assert.unreachable(`${dialect} compiled it`);
    } catch (error) {
      assert.is((error as Error).name, "DdlStateError", dialect);
    }
  }
});

test.run();
