import { test } from "uvu";
import * as assert from "uvu/assert";
import { CheckConstraint, Column, defaults, ForeignKeyConstraint, Index, scalarType } from "../../../src/model/index.js";
import { reflectTable } from "./reflect-sql.js";

/** DDL in the shapes popular tools write for SQLite (written here in their style), reflected exactly. */

test("Prisma-style: quoted names, named FOREIGN KEY constraints, CURRENT_TIMESTAMP, a separate unique index", async () => {
  const table = await reflectTable(
    `CREATE TABLE "User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "email" TEXT NOT NULL);
     CREATE TABLE "Post" (
       "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
       "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
       "published" BOOLEAN NOT NULL DEFAULT false,
       "authorId" INTEGER,
       CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
     );
     CREATE UNIQUE INDEX "Post_createdAt_authorId_key" ON "Post"("createdAt", "authorId");`,
    "Post",
  );
  assert.equal(table.columns, [
    new Column({ name: "id", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }),
    new Column({ name: "createdAt", type: scalarType("datetime"), nullable: false, default: defaults.now() }),
    new Column({ name: "published", type: scalarType("boolean"), nullable: false, default: defaults.literal(false) }),
    new Column({ name: "authorId", type: scalarType("integer"), nullable: true }),
  ]);
  assert.equal(table.foreignKeys, [
    new ForeignKeyConstraint({
      name: "Post_authorId_fkey", columns: ["authorId"], target: { name: "User" }, targetColumns: ["id"],
      onDelete: "setNull", onUpdate: "cascade",
    }),
  ]);
  assert.equal(table.indexes, [
    new Index({
      name: "Post_createdAt_authorId_key",
      elements: [{ kind: "column", name: "createdAt" }, { kind: "column", name: "authorId" }],
      unique: true,
    }),
  ]);
});

test("Django-style: lower-case types, inline deferrable REFERENCES, CHECKs with nested parentheses", async () => {
  const table = await reflectTable(
    `CREATE TABLE "auth_user" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT);
     CREATE TABLE "shop_order" (
       "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
       "qty" smallint unsigned NOT NULL CHECK ("qty" >= 0),
       "price" decimal NOT NULL,
       "meta" text NOT NULL CHECK ((JSON_VALID("meta") OR "meta" IS NULL)),
       "ref" char(32) NOT NULL UNIQUE,
       "owner_id" integer NOT NULL REFERENCES "auth_user" ("id") DEFERRABLE INITIALLY DEFERRED
     );`,
    "shop_order",
  );
  // Declared types are kept as pragma_table_xinfo reports them (it upper-cases INTEGER, TEXT, REAL, BLOB and ANY).
  assert.equal(table.columns.map((c) => c.type), [
    scalarType("integer"),
    scalarType("smallint", [], { unsigned: true, declared: "smallint unsigned" }),
    scalarType("decimal", [], { declared: "decimal" }),
    scalarType("text"),
    scalarType("char", [32], { declared: "char(32)" }),
    scalarType("integer"),
  ]);
  assert.equal(table.checkConstraints, [
    new CheckConstraint({ expression: '"qty" >= 0' }),
    new CheckConstraint({ expression: '(JSON_VALID("meta") OR "meta" IS NULL)' }),
  ]);
  assert.equal(table.foreignKeys, [
    new ForeignKeyConstraint({
      columns: ["owner_id"], target: { name: "auth_user" }, targetColumns: ["id"], deferrable: true, initiallyDeferred: true,
    }),
  ]);
});

test("Drizzle-style: backquoted names, function defaults, a rowid key without AUTOINCREMENT", async () => {
  const table = await reflectTable(
    "CREATE TABLE `events` (`id` integer PRIMARY KEY NOT NULL, `at` integer DEFAULT (unixepoch()) NOT NULL, `tags` text DEFAULT '[]');",
    "events",
  );
  assert.equal(table.columns, [
    new Column({ name: "id", type: scalarType("integer"), nullable: false }),
    new Column({ name: "at", type: scalarType("integer"), nullable: false, default: defaults.sql("unixepoch()") }),
    new Column({ name: "tags", type: scalarType("text"), nullable: true, default: defaults.literal("[]") }),
  ]);
});

test("Rails-style: datetime(6) keeps its precision, varchar without a length stays varchar", async () => {
  const table = await reflectTable(
    `CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar DEFAULT '' NOT NULL, "created_at" datetime(6) NOT NULL);`,
    "users",
  );
  assert.equal(table.columns.map((c) => c.type), [
    scalarType("integer"),
    scalarType("varchar", [], { declared: "varchar" }),
    scalarType("datetime", [6], { declared: "datetime(6)" }),
  ]);
});

test.run();
