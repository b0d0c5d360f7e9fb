import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  View,
} from "../../src/model/index.js";
import { compileSchema, formatDiagnostics, loadSchema, SchemaError } from "../../src/parse/index.js";
import { assertModelsEqual } from "../support/model-equality.js";

function compile(text: string, env: Record<string, string> = {}): MetaData {
  const result = compileSchema([{ path: "test.schema", text }], { env });
  assert.ok(result.metadata, formatDiagnostics(result.diagnostics));
  assert.equal(result.diagnostics, []);
  return result.metadata!;
}

test("the DESIGN.md example compiles to the expected model, field by field", () => {
  const text = readFileSync("test/fixtures/schemas/design.schema", "utf8");
  const md = compile(text, { DATABASE_URL: "postgres://u@h/db" });
  assert.equal(md.database, { dialect: "postgresql", url: "postgres://u@h/db", urlEnv: "DATABASE_URL" });
  assert.equal([...md.enums.keys()], ["Role"]);
  assert.equal(md.enums.get("Role")!.values, ["admin", "member", "guest"]);
  assert.equal([...md.tables.keys()], ["organization", "user"]);

  const org = md.tables.get("organization")!;
  assert.is(org.schema, undefined);
  assert.equal(org.columns.map((c) => [c.name, c.type, c.nullable, c.default]), [
    ["id", scalarType("integer"), false, defaults.autoincrement()],
    ["name", scalarType("varchar", [50]), false, undefined],
  ]);
  assert.equal(org.primaryKey!.columns, ["id"]);

  const user = md.tables.get("user")!;
  assert.equal(user.columns.map((c) => [c.name, c.type, c.nullable, c.default, c.comment]), [
    ["id", scalarType("integer"), false, defaults.autoincrement(), undefined],
    ["email", scalarType("varchar", [255]), false, undefined, undefined],
    ["organization_id", scalarType("integer"), true, undefined, undefined],
    ["role", enumType("Role"), false, defaults.enumValue("member"), undefined],
    ["balance", scalarType("decimal", [10, 2]), false, defaults.literal(0), undefined],
    ["created_at", scalarType("timestamptz"), false, defaults.now(), undefined],
    ["note", scalarType("text"), true, undefined, "free text"],
  ]);
  assert.equal(user.primaryKey!.columns, ["id"]);
  assert.is(user.primaryKey!.name, undefined);
  assert.equal(user.foreignKeys.length, 1);
  const fk = user.foreignKeys[0];
  assert.equal([fk.name, fk.columns, fk.target, fk.targetColumns, fk.onDelete, fk.onUpdate], [
    "org_fk", ["organization_id"], { name: "organization" }, ["id"], "cascade", undefined,
  ]);
  assert.equal(user.uniqueConstraints.map((u) => [u.name, u.columns]), [
    [undefined, ["email"]],
    [undefined, ["organization_id", "email"]],
  ]);
  assert.equal(user.checkConstraints.map((c) => [c.name, c.expression]), [[undefined, "balance >= 0"]]);
  assert.equal(user.indexes.map((i) => [i.name, i.elements, i.unique, i.where, i.using]), [
    ["user_organization_id_created_at_idx", [{ kind: "column", name: "organization_id" }, { kind: "column", name: "created_at" }], false, undefined, undefined],
    ["ix_live_email", [{ kind: "column", name: "email" }], false, "deleted_at is null", undefined],
  ]);
  assert.is(user.comment, "registered users");

  assert.equal([...md.views.keys()], ["active_users"]);
  const view = md.views.get("active_users")!;
  assert.is(view.definition, 'select * from "user" where note is not null');
  assert.is(view.materialized, false);
});

test("the same model, built by hand, is equal field by field", () => {
  const md = compile(readFileSync("test/fixtures/schemas/design.schema", "utf8"));
  const int = scalarType("integer");
  const expected = new MetaData({
    database: { dialect: "postgresql", urlEnv: "DATABASE_URL" },
    enums: [new Enum({ name: "Role", values: ["admin", "member", "guest"] })],
    tables: [
      new Table({
        name: "organization",
        columns: [
          new Column({ name: "id", type: int, nullable: false, default: defaults.autoincrement() }),
          new Column({ name: "name", type: scalarType("varchar", [50]), nullable: false }),
        ],
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
      }),
      new Table({
        name: "user",
        columns: [
          new Column({ name: "id", type: int, nullable: false, default: defaults.autoincrement() }),
          new Column({ name: "email", type: scalarType("varchar", [255]), nullable: false }),
          new Column({ name: "organization_id", type: int, nullable: true }),
          new Column({ name: "role", type: enumType("Role"), nullable: false, default: defaults.enumValue("member") }),
          new Column({ name: "balance", type: scalarType("decimal", [10, 2]), nullable: false, default: defaults.literal(0) }),
          new Column({ name: "created_at", type: scalarType("timestamptz"), nullable: false, default: defaults.now() }),
          new Column({ name: "note", type: scalarType("text"), nullable: true, comment: "free text" }),
        ],
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
        foreignKeys: [
          new ForeignKeyConstraint({ name: "org_fk", columns: ["organization_id"], target: { name: "organization" }, targetColumns: ["id"], onDelete: "cascade" }),
        ],
        uniqueConstraints: [new UniqueConstraint({ columns: ["email"] }), new UniqueConstraint({ columns: ["organization_id", "email"] })],
        checkConstraints: [new CheckConstraint({ expression: "balance >= 0" })],
        indexes: [
          new Index({ name: "user_organization_id_created_at_idx", elements: [{ kind: "column", name: "organization_id" }, { kind: "column", name: "created_at" }] }),
          new Index({ name: "ix_live_email", elements: [{ kind: "column", name: "email" }], where: "deleted_at is null" }),
        ],
        comment: "registered users",
      }),
    ],
    views: [new View({ name: "active_users", definition: 'select * from "user" where note is not null' })],
  });
  assertModelsEqual(expected, md);
});

test("a schema that names no dialect is portable: sqlite unless a URL says otherwise; an unset env() variable keeps only its name", () => {
  assert.equal(compile("table t { id integer @id }").database, { dialect: "sqlite", portable: true });
  assert.equal(compile('database { url = env("NOPE_NOT_SET") }').database, { dialect: "sqlite", portable: true, urlEnv: "NOPE_NOT_SET" });
  assert.equal(compile('database { url = "file:./x.db" }').database, { dialect: "sqlite", portable: true, url: "file:./x.db" });
  assert.equal(compile('database { url = "postgres://h/db" }').database, { dialect: "postgresql", portable: true, url: "postgres://h/db" });
  assert.equal(compile('database { dialect = "mysql" }').database, { dialect: "mysql" });
});

test("a portable schema is compiled for the dialect it is given, and checked against it", () => {
  const portable = compileSchema([{ path: "a.schema", text: "table t { id integer @id }" }], { dialect: "postgresql" });
  assert.equal(portable.metadata?.database, { dialect: "postgresql", portable: true });
  const bound = compileSchema([{ path: "a.schema", text: 'database { dialect = "sqlite" }\ntable t { id integer @id }' }], { dialect: "postgresql" });
  assert.equal(bound.metadata?.database, { dialect: "sqlite" });
  const mysql = compileSchema([{ path: "a.schema", text: "table t {\n  id integer @id\n  s  varchar\n}" }], { dialect: "mysql" });
  assert.equal(
    mysql.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`),
    ['3:6: type "varchar" takes 1 parameter (length), got 0'],
  );
});

test("keywords and quoted names work wherever a name goes", () => {
  const md = compile(`
    database { dialect = "postgresql" }
    enum enum { table "in progress" }
    table table {
      table     integer @id
      index     enum    @default(table)
      view      text?
      database  text?
      sequence  text?
      enum      enum    @default("in progress")
      unsigned  integer
      "Col \\"Q\\"" text?
      @@index([view, "Col \\"Q\\"", unsigned], name: "index")
    }
    table "Mixed Case" { "Col Name" integer @references(table.table) }
    view view = sql("select 1")
    sequence sequence {}
  `);
  const t = md.tables.get("table")!;
  assert.equal(t.columns.map((c) => c.name), ["table", "index", "view", "database", "sequence", "enum", "unsigned", 'Col "Q"']);
  assert.equal(t.column("index")!.default, defaults.enumValue("table"));
  assert.equal(t.column("enum")!.default, defaults.enumValue("in progress"));
  assert.equal(t.column("unsigned")!.type, scalarType("integer"), "unsigned on its own line starts a column");
  assert.equal(t.indexes[0].columnNames, ["view", 'Col "Q"', "unsigned"]);
  const mixed = md.tables.get("Mixed Case")!;
  assert.equal(mixed.foreignKeys[0].target, { name: "table" });
  assert.equal(mixed.foreignKeys[0].targetColumns, ["table"]);
  assert.ok(md.views.has("view"));
  assert.ok(md.sequences.has("sequence"));
});

test("types are canonical: aliases resolved, serial expanded, arrays and unsigned kept", () => {
  const pg = compile(`
    database { dialect = "postgresql" }
    table t {
      a int
      b numeric(5, 1)
      c bool
      d smallserial
      e bigserial
      f text[][]
      g varchar(10)[]
    }`).tables.get("t")!;
  assert.equal(pg.columns.map((c) => [c.type, c.default]), [
    [scalarType("integer"), undefined],
    [scalarType("decimal", [5, 1]), undefined],
    [scalarType("boolean"), undefined],
    [scalarType("smallint"), defaults.autoincrement()],
    [scalarType("bigint"), defaults.autoincrement()],
    [scalarType("text", [], { arrayDims: 2 }), undefined],
    [scalarType("varchar", [10], { arrayDims: 1 }), undefined],
  ]);
  const my = compile('database { dialect = "mysql" }\ntable t { a integer unsigned\n b set(\'x\', "y") }').tables.get("t")!;
  assert.equal(my.columns.map((c) => c.type), [scalarType("integer", [], { unsigned: true }), scalarType("set", ["x", "y"])]);
});

test("a quoted type name passes through unchecked, for types strata has no spec for", () => {
  const t = compile('database { dialect = "postgresql" }\ntable t { g "geometry"(4326, \'Point\')? \n d "my_domain"[] }').tables.get("t")!;
  assert.equal(t.columns.map((c) => c.type), [scalarType("geometry", [4326, "Point"]), scalarType("my_domain", [], { arrayDims: 1 })]);
});

test("schema-qualified objects; the dialect's default schema is the same as none", () => {
  const md = compile(`
    database { dialect = "postgresql" }
    enum audit.level { low high }
    table public.account { id integer @id }
    table audit.event {
      id integer @references(public.account.id)
      other integer @references(audit.event.id)
      level audit.level @default(high)
    }
    materialized view audit.mv = sql("select 1") @comment("daily")
    sequence audit.seq { start = 1 increment = 2 minValue = -10 maxValue = 99 cache = 3 cycle = false ownedBy = "audit.event.id" }
  `);
  assert.equal([...md.tables.keys()], ["account", "audit.event"]);
  const event = md.tables.get("audit.event")!;
  assert.equal(event.foreignKeys.map((fk) => fk.target), [{ name: "account" }, { name: "event", schema: "audit" }]);
  assert.equal(event.column("level")!.type, enumType("level", "audit"));
  const mv = md.views.get("audit.mv")!;
  assert.equal([mv.materialized, mv.comment], [true, "daily"]);
  const seq = md.sequences.get("audit.seq")!;
  assert.equal([seq.start, seq.increment, seq.minValue, seq.maxValue, seq.cache, seq.cycle, seq.ownedBy], [1, 2, -10, 99, 3, false, "audit.event.id"]);
});

test("column attributes map to the model", () => {
  const t = compile(`
    database { dialect = "postgresql" }
    table t {
      a integer @identity
      b integer @identity(always)
      c integer @generated(sql("a + b"))
      d integer @generated(sql("a * 2"), stored: true)
      e text @collate("C") @renamedFrom("old_e") @default("it's")
      f double @default(-0.5)
      g boolean? @default(null)
      h integer @references(t.a, onDelete: setNull, onUpdate: noAction, deferrable: true, initiallyDeferred: true)
    }`).tables.get("t")!;
  assert.equal(t.column("a")!.identity, "byDefault");
  assert.equal(t.column("b")!.identity, "always");
  assert.equal(t.column("c")!.generated, { expression: "a + b", stored: false });
  assert.equal(t.column("d")!.generated, { expression: "a * 2", stored: true });
  assert.equal([t.column("e")!.collation, t.column("e")!.renamedFrom, t.column("e")!.default], ["C", "old_e", defaults.literal("it's")]);
  assert.equal(t.column("f")!.default, defaults.literal(-0.5));
  assert.equal(t.column("g")!.default, defaults.literal(null));
  const fk = t.foreignKeys[0];
  assert.equal([fk.onDelete, fk.onUpdate, fk.deferrable, fk.initiallyDeferred], ["setNull", "noAction", true, true]);
});

test("index elements and options map to the model", () => {
  const t = compile(`
    database { dialect = "postgresql" }
    table t {
      a integer
      b text
      @@index([a(sort: desc, nulls: last), b(ops: "text_pattern_ops"), sql("lower(b)")], name: "ix", unique: true, where: sql("a > 0"), using: btree)
    }`).tables.get("t")!;
  const ix = t.indexes[0];
  assert.equal([ix.name, ix.unique, ix.where, ix.using], ["ix", true, "a > 0", "btree"]);
  assert.equal(ix.elements, [
    { kind: "column", name: "a", order: "desc", nulls: "last" },
    { kind: "column", name: "b", opclass: "text_pattern_ops" },
    { kind: "expression", sql: "lower(b)" },
  ]);
  const my = compile('database { dialect = "mysql" }\ntable t { title text\n @@index([title(length: 10)], using: fulltext) }').tables.get("t")!;
  assert.equal(my.indexes[0].elements, [{ kind: "column", name: "title", length: 10 }]);
  assert.is(my.indexes[0].name, "t_title_idx");
});

test("all sources form one model, in the order given", () => {
  const result = compileSchema(
    [
      { path: "a.schema", text: "table a { id integer @id\n b_id integer @references(b.id) }" },
      { path: "b.schema", text: "table b { id integer @id }" },
    ],
    { env: {} },
  );
  assert.equal([...result.metadata!.tables.keys()], ["a", "b"]);
});

test("loadSchema reads every .schema file under a folder, sorted by path", async () => {
  const dir = await mkdtemp(join(tmpdir(), "strata-schema-"));
  try {
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "c.schema"), "table c { id integer @id }");
    await writeFile(join(dir, "b.schema"), "table b { id integer @id }");
    await writeFile(join(dir, "a.schema"), "table a { id integer @id }");
    await writeFile(join(dir, "notes.txt"), "not a schema");
    const md = await loadSchema(dir);
    assert.equal([...md.tables.keys()], ["a", "b", "c"]);
    assert.equal([...(await loadSchema(join(dir, "b.schema"))).tables.keys()], ["b"]);

    await writeFile(join(dir, "b.schema"), "table b { id integr }");
    const error = await loadSchema(dir).catch((e: unknown) => e);
    assert.instance(error, SchemaError);
    assert.is((error as SchemaError).message, `${join(dir, "b.schema")}:1:14: unknown type "integr"; did you mean "integer"?\ntable b { id integr }\n             ^`);
    await mkdir(join(dir, "empty"));
    const empty = await loadSchema(join(dir, "empty")).catch((e: unknown) => e);
    assert.instance(empty, SchemaError);
    assert.is((empty as SchemaError).message, `no .schema files in ${join(dir, "empty")}`);
    const missing = await loadSchema(join(dir, "nope")).catch((e: unknown) => e);
    assert.instance(missing, SchemaError);
    assert.is((missing as SchemaError).message, `schema not found: ${join(dir, "nope")}`);
  } finally {
    await rm(dir, { recursive: true });
  }
});

test.run();

test("a foreign key whose column type differs from its target's compiles, with a located warning", () => {
  const text = 'database { dialect = "postgresql" }\ntable users { id bigint @id }\ntable notes {\n  id integer @id\n  user_id integer? @references(users.id)\n  owner_id bigint? @references(users.id)\n}\n';
  const result = compileSchema([{ path: "app.schema", text }]);
  assert.ok(result.metadata);
  assert.equal(result.diagnostics, []);
  assert.equal(
    result.warnings.map((w) => `${w.line}:${w.column}-${w.endColumn} ${w.message}`),
    ["5:3-10 notes.user_id is integer but references users.id, which is bigint: the types differ"],
  );
});
