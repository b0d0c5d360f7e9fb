/**
 * One sample of every built-in op class with the exact code it renders as.
 * The golden test checks the code; the round-trip test runs the rendered
 * migration and checks that it builds these very ops.
 */
import { s } from "../../src/migration-api/index.js";
import { Enum, Extension } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";

export interface OpSample {
  readonly op: ops.MigrateOperation;
  /** The statement(s) renderCode writes, without the leading comment. */
  readonly code: string;
}

const users = s.table(
  "users",
  s.column("id", s.bigint(), { nullable: false, identity: "always" }),
  s.column("email", s.varchar(255), { nullable: false, collation: "C" }),
  s.column("org_id", s.integer()),
  s.column("role", s.enumType("role", "auth"), { nullable: false, default: s.enumValue("member") }),
  s.column("balance", s.decimal(10, 2), { nullable: false, default: 0, comment: "in cents" }),
  s.column("tags", s.array(s.text())),
  s.column("created_at", s.timestamptz(), { nullable: false, default: s.now() }),
  s.column("ip", s.type("inet")),
  s.column("total", s.unsigned(s.integer()), { generated: { expression: "a + b", stored: true } }),
  s.primaryKey(["id"], { name: "pk_users" }),
  s.foreignKey(["org_id"], { schema: "app", name: "org" }, ["id"], { name: "fk_org", onDelete: "cascade", deferrable: true }),
  s.unique("email"),
  s.check("balance >= 0", "ck_balance"),
  s.index("ix_users_live", [{ kind: "column", name: "email", order: "desc" }, s.expression("lower(email)")], {
    unique: true,
    where: "deleted_at is null",
    using: "btree",
  }),
  { schema: "auth", comment: "people" },
);
const usersCode =
  's.column("id", s.bigint(), { nullable: false, identity: "always" }), ' +
  's.column("email", s.varchar(255), { nullable: false, collation: "C" }), ' +
  's.column("org_id", s.integer(), { nullable: true }), ' +
  's.column("role", s.enumType("role", "auth"), { nullable: false, default: s.enumValue("member") }), ' +
  's.column("balance", s.decimal(10, 2), { nullable: false, default: 0, comment: "in cents" }), ' +
  's.column("tags", s.array(s.text()), { nullable: true }), ' +
  's.column("created_at", s.timestamptz(), { nullable: false, default: s.now() }), ' +
  's.column("ip", s.type("inet"), { nullable: true }), ' +
  's.column("total", s.unsigned(s.integer()), { nullable: true, generated: { expression: "a + b", stored: true } }), ' +
  's.primaryKey(["id"], { name: "pk_users" }), ' +
  's.foreignKey(["org_id"], { schema: "app", name: "org" }, ["id"], { name: "fk_org", onDelete: "cascade", deferrable: true }), ' +
  's.unique("email"), ' +
  's.check("balance >= 0", "ck_balance"), ' +
  's.index("ix_users_live", [{ kind: "column", name: "email", order: "desc" }, s.expression("lower(email)")], { unique: true, where: "deleted_at is null", using: "btree" }), ' +
  '{ schema: "auth", comment: "people" }';

const note = s.column("note", s.text(), { comment: "free text" });
const noteCode = 's.column("note", s.text(), { nullable: true, comment: "free text" })';
const ix = s.index("ix_note", ["note"]);
const fk = s.foreignKey(["org_id"], "org", ["id"], { name: "fk_org" });
const seq = s.sequence("order_seq", { schema: "app", start: 100, increment: 5, cycle: true, ownedBy: "orders.id" });
const seqCode = 's.sequence("order_seq", { schema: "app", start: 100, increment: 5, cycle: true, ownedBy: "orders.id" })';
const view = s.view("active", "select 1", { materialized: true, comment: "hot" });

const touch = s.routine("touch", { schema: "app", returns: "trigger", language: "plpgsql", body: "begin\n  new.at := now();\n  return new;\nend;", security: "definer" });
const userTouch = s.trigger("user_touch", "users", { timing: "before", events: ["insert", "update"], columns: ["email"], forEach: "row", when: "new.email <> ''", execute: "app.touch()" });

export const OP_SAMPLES: readonly OpSample[] = [
  { op: new ops.CreateTableOp(users), code: `await op.createTable("users", ${usersCode});` },
  {
    op: new ops.DropTableOp("users", { schema: "auth", table: users }),
    code: `// WARNING: this loses data: drops table auth.users and all its rows\nawait op.dropTable("users", { schema: "auth", table: s.table("users", ${usersCode}) });`,
  },
  { op: new ops.RenameTableOp("old", "new", { schema: "app" }), code: 'await op.renameTable("old", "new", { schema: "app" });' },
  { op: new ops.AddColumnOp("users", note), code: `await op.addColumn("users", ${noteCode});` },
  {
    op: new ops.DropColumnOp("users", "note", { column: note }),
    code: `// WARNING: this loses data: drops column users.note and its data\nawait op.dropColumn("users", "note", { existing: ${noteCode} });`,
  },
  {
    op: new ops.AlterColumnOp("users", "name", {
      modifyType: { from: s.varchar(50), to: s.text() },
      modifyNullable: { from: false, to: true },
      modifyServerDefault: { from: s.sql("'x'"), to: undefined },
      modifyComment: { from: undefined, to: "shown" },
      modifyName: { from: "name", to: "full_name" },
    }),
    code:
      'await op.alterColumn("users", "name", { newName: "full_name", type: s.text(), nullable: true, serverDefault: null, comment: "shown", ' +
      'existingType: s.varchar(50), existingNullable: false, existingServerDefault: s.sql("\'x\'") });',
  },
  {
    op: new ops.AlterColumnOp("users", "age", { schema: "app", modifyType: { from: s.bigint(), to: s.smallint() }, existingNullable: true }),
    code:
      "// WARNING: this loses data: alters column app.users.age: narrows or converts bigint → smallint; existing values may be truncated or fail to convert\n" +
      'await op.alterColumn("users", "age", { type: s.smallint(), existingType: s.bigint(), existingNullable: true, schema: "app" });',
  },
  {
    op: new ops.AlterColumnOp("users", "id", {
      existingType: s.integer(),
      existingNullable: false,
      kw: { modify_identity: { from: undefined, to: "always" }, modify_collation: { from: "C", to: undefined } },
    }),
    code:
      'await op.invoke(new AlterColumnOp("users", "id", { existingType: s.integer(), existingNullable: false, ' +
      'kw: { modify_identity: { from: undefined, to: "always" }, modify_collation: { from: "C", to: undefined } } }));',
  },
  {
    op: new ops.CreateIndexOp("users", s.index("ix_a", ["a", s.expression("lower(b)")], { unique: true, where: "a > 0", using: "gin" }), { schema: "app" }),
    code: 'await op.createIndex("ix_a", "users", ["a", s.expression("lower(b)")], { unique: true, where: "a > 0", using: "gin", schema: "app" });',
  },
  { op: new ops.DropIndexOp("ix_note", { tableName: "users", index: ix }), code: 'await op.dropIndex("ix_note", { table: "users", index: s.index("ix_note", ["note"]) });' },
  {
    op: new ops.CreateIndexOp("users", s.index("ix_c", ["c"]), { concurrently: true }),
    code: 'await op.createIndex("ix_c", "users", ["c"], { concurrently: true });',
  },
  {
    op: new ops.DropIndexOp("ix_c", { tableName: "users", index: s.index("ix_c", ["c"]), concurrently: true }),
    code: 'await op.dropIndex("ix_c", { table: "users", index: s.index("ix_c", ["c"]), concurrently: true });',
  },
  { op: new ops.CreatePrimaryKeyOp("users", s.primaryKey("id")), code: 'await op.createPrimaryKey(undefined, "users", ["id"]);' },
  {
    op: new ops.CreateUniqueConstraintOp("users", s.unique(["a", "b"], { name: "uq_ab" }), { schema: "app" }),
    code: 'await op.createUniqueConstraint("uq_ab", "users", ["a", "b"], { schema: "app" });',
  },
  {
    op: new ops.CreateForeignKeyOp("users", s.foreignKey(["org_id"], { schema: "app", name: "org" }, ["id"], { name: "fk_org", onUpdate: "setNull", deferrable: true, initiallyDeferred: true }), { schema: "auth" }),
    code: 'await op.createForeignKey("fk_org", "users", "org", ["org_id"], ["id"], { onUpdate: "setNull", deferrable: true, initiallyDeferred: true, referentSchema: "app", sourceSchema: "auth" });',
  },
  { op: new ops.CreateCheckConstraintOp("users", s.check("a < b", "ck_ab")), code: 'await op.createCheckConstraint("ck_ab", "users", "a < b");' },
  { op: new ops.ValidateConstraintOp("ck_ab", "users", { schema: "app" }), code: 'await op.validateConstraint("ck_ab", "users", { schema: "app" });' },
  {
    op: new ops.AlgorithmOp({ algorithm: "INPLACE", lock: "NONE" }, [new ops.CreateIndexOp("users", ix), new ops.AddColumnOp("users", note)]),
    code:
      'await op.withAlgorithm({ algorithm: "INPLACE", lock: "NONE" }, async (op) => {\n' +
      'await op.createIndex("ix_note", "users", ["note"]);\n' +
      `await op.addColumn("users", ${noteCode});\n` +
      "});",
  },
  {
    op: new ops.DropConstraintOp("fk_org", "users", { constraint: fk }),
    code: 'await op.dropConstraint("fk_org", "users", { type: "foreignkey", constraint: s.foreignKey(["org_id"], "org", ["id"], { name: "fk_org" }) });',
  },
  { op: new ops.CreateTableCommentOp("users", "people", { existingComment: "old" }), code: 'await op.createTableComment("users", "people", { existingComment: "old" });' },
  { op: new ops.DropTableCommentOp("users", { schema: "app", existingComment: "old" }), code: 'await op.dropTableComment("users", { schema: "app", existingComment: "old" });' },
  {
    op: new ops.AlterTableOptionsOp("users", { strict: true, engine: null }, { schema: "app", existing: { strict: null, engine: "MyISAM" } }),
    code: 'await op.alterTableOptions("users", { strict: true, engine: null }, { schema: "app", existing: { strict: null, engine: "MyISAM" } });',
  },
  {
    op: new ops.ReorderEnumValuesOp("mood", ["happy", "sad"], { existing: ["sad", "happy"] }),
    code: 'await op.reorderEnumValues("mood", ["happy", "sad"], { existing: ["sad", "happy"] });',
  },
  { op: new ops.CreateSchemaOp("audit"), code: 'await op.createSchema("audit");' },
  { op: new ops.CreateSchemaCommentOp("audit", "trail", { existingComment: "log" }), code: 'await op.createSchemaComment("audit", "trail", { existingComment: "log" });' },
  { op: new ops.DropSchemaCommentOp("audit", { existingComment: "trail" }), code: 'await op.dropSchemaComment("audit", { existingComment: "trail" });' },
  { op: new ops.DropSchemaOp("audit"), code: 'await op.dropSchema("audit");' },
  { op: new ops.CreateEnumOp(new Enum({ name: "role", values: ["admin", "in progress"] })), code: 'await op.createEnum("role", ["admin", "in progress"]);' },
  { op: new ops.DropEnumOp("role", { schema: "auth", enum: new Enum({ name: "role", schema: "auth", values: ["a"] }) }), code: 'await op.dropEnum("role", { schema: "auth", values: ["a"] });' },
  { op: new ops.AddEnumValueOp("role", "guest", { after: "member" }), code: 'await op.addEnumValue("role", "guest", { after: "member" });' },
  {
    op: new ops.DropEnumValueOp("role", "guest", { schema: "auth" }),
    code: '// WARNING: this loses data: drops value "guest" from enum auth.role: rows holding it cannot keep it\nawait op.dropEnumValue("role", "guest", { schema: "auth" });',
  },
  { op: new ops.CreateSequenceOp(seq), code: 'await op.createSequence("order_seq", { schema: "app", start: 100, increment: 5, cycle: true, ownedBy: "orders.id" });' },
  {
    op: new ops.DropSequenceOp("order_seq", { schema: "app", sequence: seq }),
    code: `// WARNING: this loses data: drops sequence app.order_seq and its current value\nawait op.dropSequence("order_seq", { schema: "app", sequence: ${seqCode} });`,
  },
  {
    op: new ops.AlterSequenceOp(s.sequence("order_seq", { schema: "app", start: 100, increment: 10, cycle: false, ownedBy: "orders.id" }), seq),
    code:
      'await op.alterSequence("order_seq", { schema: "app", start: 100, increment: 5, cycle: true, ownedBy: "orders.id", ' +
      'existing: s.sequence("order_seq", { schema: "app", start: 100, increment: 10, cycle: false, ownedBy: "orders.id" }) });',
  },
  {
    op: new ops.CreateDomainOp(s.domain("posint", s.integer(), { schema: "app", nullable: false, default: 1, checks: [s.check("VALUE > 0", "posint_check")], collation: "C" })),
    code: 'await op.createDomain(s.domain("posint", s.integer(), { schema: "app", nullable: false, default: 1, checks: [s.check("VALUE > 0", "posint_check")], collation: "C" }));',
  },
  {
    op: new ops.DropDomainOp("posint", { domain: s.domain("posint", s.integer()) }),
    code: '// WARNING: this loses data: drops domain posint\nawait op.dropDomain("posint", { domain: s.domain("posint", s.integer()) });',
  },
  {
    op: new ops.AlterDomainOp(s.domain("posint", s.integer()), s.domain("posint", s.integer(), { nullable: false })),
    code: 'await op.alterDomain(s.domain("posint", s.integer(), { nullable: false }), s.domain("posint", s.integer()));',
  },
  {
    op: new ops.CreateCompositeTypeOp(s.compositeType("point", [s.column("x", s.integer(), { nullable: true })], { schema: "geo" })),
    code: 'await op.createCompositeType(s.compositeType("point", [s.column("x", s.integer(), { nullable: true })], { schema: "geo" }));',
  },
  {
    op: new ops.DropCompositeTypeOp("point", { compositeType: s.compositeType("point", [s.column("x", s.integer(), { nullable: true })]) }),
    code:
      '// WARNING: this loses data: drops composite type point\n' +
      'await op.dropCompositeType("point", { compositeType: s.compositeType("point", [s.column("x", s.integer(), { nullable: true })]) });',
  },
  {
    op: new ops.AlterCompositeTypeOp(
      s.compositeType("point", [s.column("x", s.integer(), { nullable: true })]),
      s.compositeType("point", [s.column("x", s.integer(), { nullable: true }), s.column("y", s.integer(), { nullable: true })]),
    ),
    code:
      'await op.alterCompositeType(s.compositeType("point", [s.column("x", s.integer(), { nullable: true }), s.column("y", s.integer(), { nullable: true })]), ' +
      's.compositeType("point", [s.column("x", s.integer(), { nullable: true })]));',
  },
  { op: new ops.CreateExtensionOp(new Extension({ name: "uuid-ossp", schema: "ext", version: "1.1" })), code: 'await op.createExtension("uuid-ossp", { schema: "ext", version: "1.1" });' },
  { op: new ops.CreateExtensionOp(new Extension({ name: "citext" })), code: 'await op.createExtension("citext");' },
  {
    op: new ops.DropExtensionOp("citext", { extension: new Extension({ name: "citext", version: "1.6" }) }),
    code: '// WARNING: this loses data: drops extension citext and everything that uses its types and functions\nawait op.dropExtension("citext", { version: "1.6" });',
  },
  {
    op: new ops.AlterExtensionOp(new Extension({ name: "citext", version: "1.5" }), new Extension({ name: "citext", schema: "ext", version: "1.6" })),
    code: 'await op.alterExtension("citext", { schema: "ext", version: "1.6" }, { version: "1.5" });',
  },
  { op: new ops.CreateViewOp(view), code: 'await op.createView("active", "select 1", { materialized: true, comment: "hot" });' },
  { op: new ops.DropViewOp("active", { view }), code: 'await op.dropView("active", { view: s.view("active", "select 1", { materialized: true, comment: "hot" }) });' },
  {
    op: new ops.ReplaceViewOp(s.view("v", "select 2", { schema: "app" }), s.view("v", "select 1", { schema: "app" })),
    code: 'await op.replaceView("v", "select 2", { schema: "app", existing: s.view("v", "select 1", { schema: "app" }) });',
  },
  {
    op: new ops.CreateFunctionOp(touch),
    code: 'await op.createFunction("touch", { schema: "app", returns: "trigger", language: "plpgsql", body: `begin\n  new.at := now();\n  return new;\nend;`, security: "definer" });',
  },
  {
    op: new ops.DropFunctionOp("next_state", { kind: "procedure", arguments: "IN s int", routine: s.routine("next_state", { kind: "procedure", arguments: "IN s int", body: "BEGIN END" }) }),
    code: 'await op.dropFunction("next_state", { kind: "procedure", arguments: "IN s int", routine: s.routine("next_state", { kind: "procedure", arguments: "IN s int", language: "sql", body: "BEGIN END" }) });',
  },
  {
    op: new ops.ReplaceFunctionOp(touch.with({ volatility: "stable" }), touch),
    code: 'await op.replaceFunction("touch", { schema: "app", returns: "trigger", language: "plpgsql", body: `begin\n  new.at := now();\n  return new;\nend;`, volatility: "stable", security: "definer", existing: s.routine("touch", { schema: "app", returns: "trigger", language: "plpgsql", body: `begin\n  new.at := now();\n  return new;\nend;`, security: "definer" }) });',
  },
  {
    op: new ops.CreateTriggerOp(userTouch),
    code: 'await op.createTrigger("user_touch", "users", { timing: "before", events: ["insert", "update"], columns: ["email"], forEach: "row", when: "new.email <> \'\'", execute: "app.touch()" });',
  },
  {
    op: new ops.DropTriggerOp("log_ai", "log", { trigger: s.trigger("log_ai", "log", { timing: "after", events: ["insert"], body: "BEGIN\n  SELECT 1;\nEND" }) }),
    code: 'await op.dropTrigger("log_ai", "log", { trigger: s.trigger("log_ai", "log", { timing: "after", events: ["insert"], body: `BEGIN\n  SELECT 1;\nEND` }) });',
  },
  {
    op: new ops.ReplaceTriggerOp(userTouch.with({ events: ["update"] }), userTouch),
    code: 'await op.replaceTrigger("user_touch", "users", { timing: "before", events: ["update"], columns: ["email"], forEach: "row", when: "new.email <> \'\'", execute: "app.touch()", existing: s.trigger("user_touch", "users", { timing: "before", events: ["insert", "update"], columns: ["email"], forEach: "row", when: "new.email <> \'\'", execute: "app.touch()" }) });',
  },
  {
    op: new ops.CreatePolicyOp(s.policy("own_rows", "users", { schema: "app", command: "update", roles: ["app_user"], restrictive: true, using: "owner = current_user", check: "owner = current_user" })),
    code: 'await op.createPolicy("own_rows", "users", { schema: "app", command: "update", roles: ["app_user"], restrictive: true, using: "owner = current_user", check: "owner = current_user" });',
  },
  {
    op: new ops.DropPolicyOp("visible", "docs", { policy: s.policy("visible", "docs", { using: "published", comment: "anyone reads published docs" }) }),
    code: 'await op.dropPolicy("visible", "docs", { policy: s.policy("visible", "docs", { using: "published", comment: "anyone reads published docs" }) });',
  },
  {
    op: new ops.AlterPolicyOp(s.policy("visible", "docs", { command: "select", roles: ["reader", "writer"], using: "published" }), s.policy("visible", "docs", { command: "select", using: "true" })),
    code: 'await op.alterPolicy("visible", "docs", { command: "select", roles: ["reader", "writer"], using: "published", existing: s.policy("visible", "docs", { command: "select", using: "true" }) });',
  },
  { op: new ops.ExecuteSQLOp("update t set a = 1", { reverseSql: "update t set a = 0" }), code: 'await op.execute("update t set a = 1", { reverseSql: "update t set a = 0" });' },
  { op: new ops.BulkInsertOp("role", [{ id: 1, name: "admin", active: true, note: null }]), code: 'await op.bulkInsert("role", [{ id: 1, name: "admin", active: true, note: null }]);' },
  {
    op: new ops.BatchAlterTableOp("users", [
      new ops.AddColumnOp("users", note),
      new ops.AlterColumnOp("users", "email", { modifyNullable: { from: true, to: false }, existingType: s.text(), existingServerDefault: s.sql("''") }),
      new ops.CreateIndexOp("users", ix),
      new ops.CreateForeignKeyOp("users", fk),
      new ops.DropConstraintOp("uq_a", "users", { type: "unique" }),
    ]),
    code: [
      'await op.batchAlterTable("users", async (batch) => {',
      `await batch.addColumn(${noteCode});`,
      'await batch.alterColumn("email", { nullable: false, existingType: s.text(), existingNullable: true, existingServerDefault: s.sql("\'\'") });',
      'await batch.createIndex("ix_note", ["note"]);',
      'await batch.createForeignKey("fk_org", "org", ["org_id"], ["id"]);',
      'await batch.dropConstraint("uq_a", { type: "unique" });',
      "});",
    ].join("\n"),
  },
];
