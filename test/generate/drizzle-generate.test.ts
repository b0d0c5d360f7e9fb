/**
 * `strata generate drizzle`: the exact module for each fixture schema (the
 * checked-in files the runtime and type tests use), one `tsc --strict` run
 * over all of them plus the type-level test, the warnings for what
 * drizzle-orm cannot express, and the CLI verb.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { main } from "../../src/cli/main.js";
import { generateDrizzle } from "../../src/generate/drizzle/index.js";
import { compileSchema, loadSchema } from "../../src/parse/index.js";
import { ALL_DIALECTS } from "../support/databases.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(root, "test/fixtures/drizzle");

async function strata(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd: root, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function generateFrom(text: string) {
  const { metadata, diagnostics } = compileSchema([{ path: "test.schema", text }]);
  assert.equal(diagnostics, []);
  const { code, warnings } = await generateDrizzle(metadata!);
  return { code, warnings: warnings.map((w) => `${w.object}: ${w.message}`) };
}

for (const dialect of ALL_DIALECTS) {
  test(`${dialect}: the fixture schema generates the checked-in module, with no warnings`, async () => {
    const metadata = await loadSchema(join(fixtures, `${dialect}/app.schema`));
    const { code, warnings } = await generateDrizzle(metadata, {
      filePath: join(fixtures, `${dialect}/app.drizzle.ts`),
    });
    assert.fixture(code, readFileSync(join(fixtures, `${dialect}/app.drizzle.ts`), "utf8"));
    assert.equal(warnings, []);
  });
}

test("the generated modules (fixtures and the example schema's) and the type-level test compile under tsc --strict, in one run", async () => {
  const files = [
    ...ALL_DIALECTS.map((d) => join(fixtures, `${d}/app.drizzle.ts`)),
    join(root, "schemas/app.drizzle.ts"),
    join(root, "test/generate/drizzle-types.ts"),
  ];
  const flags = [
    "--ignoreConfig",
    "--noEmit",
    "--strict",
    "--target",
    "es2022",
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
  ];
  const tsc = join(root, "node_modules/.bin/tsc");
  const result = await promisify(execFile)(tsc, [...flags, "--skipLibCheck", "--types", "node", ...files], {
    cwd: root,
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
  assert.equal(result, { code: 0, out: "" });
});

test("the example schema's module is what `generate drizzle --out` writes, and its warnings go to stderr", async () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-drizzle-"));
  try {
    const out = join(dir, "app.drizzle.ts");
    const result = await strata("generate", "drizzle", "--schema", "schemas/app.schema", "--out", out);
    assert.equal(result.code, 0);
    assert.equal(result.out, "");
    assert.equal(result.err.split("\n"), [
      'warning: column user.note: drizzle-orm has no column collation; @collate("NOCASE") is not in the module',
      `warning: table user: drizzle-orm's check() needs a name; the unnamed check (balance >= 0) is named "user_check" in the module`,
      `warning: table membership: drizzle-orm's check() needs a name; the unnamed check (since >= '2000-01-01') is named "membership_check" in the module`,
      "warning: view active_users: drizzle-orm needs a view's column types, which the schema does not give; the view is not in the module",
      `wrote ${out}`,
    ]);
    // Prettier reads the repository's configuration for the path, as it does for schemas/app.drizzle.ts in CI.
    const checkedIn = readFileSync(join(root, "schemas/app.drizzle.ts"), "utf8");
    assert.fixture(readFileSync(out, "utf8"), checkedIn);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without --out the module goes to stdout; an unknown target is an error", async () => {
  const printed = await strata("generate", "drizzle", "--schema", "test/fixtures/drizzle/sqlite/app.schema");
  assert.equal([printed.code, printed.err], [0, ""]);
  assert.fixture(printed.out, readFileSync(join(fixtures, "sqlite/app.drizzle.ts"), "utf8"));
  const unknown = await strata("generate", "prisma", "--schema", "schemas/app.schema");
  assert.equal(unknown, { code: 2, out: "", err: 'strata generate: strata generate knows drizzle, not "prisma"' });
});

test("PostgreSQL: what drizzle-orm cannot express is a warning naming the object", async () => {
  const { code, warnings } = await generateFrom(`
database { dialect = "postgresql" }
sequence order_seq { start = 10  ownedBy = "parent.id" }
table parent {
  id   integer @id
  code text
  @@unique([code], name: "parent_code_key", deferrable: true)
}
table child {
  id        integer @default(autoincrement())
  parent_id integer @references(parent.id, deferrable: true, initiallyDeferred: true, name: "fk_child_parent")
  total     integer @generated(sql("id * 2"))
  label     text    @collate("C") @check(sql("label <> ''"))
  @@id([id], deferrable: true, initiallyDeferred: true)
}
view v = sql("select 1")
materialized view mv = sql("select 2")
function touch { returns = "trigger" language = plpgsql body = "begin return new; end;" }
trigger child_touch { on = child timing = before events = [update] forEach = row execute = sql("touch()") }
policy child_visible { on = child for = select using = sql("total > 0") }
`);
  assert.equal(warnings, [
    'sequence order_seq: drizzle-orm has no OWNED BY; ownedBy "parent.id" is not in the module',
    'unique constraint parent_code_key: drizzle-orm has no deferrable unique constraints; DEFERRABLE is not in the module',
    "column child.total: is a virtual generated column; drizzle-orm's PostgreSQL generatedAlwaysAs is always STORED",
    'column child.label: drizzle-orm has no column collation; @collate("C") is not in the module',
    "primary key of child: drizzle-orm has no deferrable primary keys; DEFERRABLE INITIALLY DEFERRED is not in the module",
    "foreign key fk_child_parent: drizzle-orm has no deferrable foreign keys; DEFERRABLE INITIALLY DEFERRED is not in the module",
    `table child: drizzle-orm's check() needs a name; the unnamed check (label <> '') is named "child_check" in the module`,
    "view v: drizzle-orm needs a view's column types, which the schema does not give; the view is not in the module",
    "materialized view mv: drizzle-orm needs a view's column types, which the schema does not give; the materialized view is not in the module",
    "function touch(): drizzle-orm has no functions; the function is not in the module (migrations keep it)",
    "trigger child/child_touch: drizzle-orm has no triggers; the trigger is not in the module (migrations keep it)",
    "policy child/child_visible: row-level security policies are not generated; the policy is not in the module (migrations keep it)",
  ]);
  assert.match(code, 'export const orderSeqSequence = pgSequence("order_seq", { startWith: 10 });');
  assert.match(code, 'id: serial("id").primaryKey(),');
});

test("literal defaults are written in the column's TypeScript type, else as SQL", async () => {
  const { code } = await generateFrom(`
database { dialect = "postgresql" }
table t {
  id      bigint  @id @default(7)
  ratio   decimal @default(0.5)
  flag    boolean @default(false)
  label   text?   @default(null)
  doc     json    @default("{}")
  at      date    @default("2000-01-01")
  quote   text    @default(sql("'\${x}' || \`y\`"))
}
`);
  assert.match(code, 'id: bigint("id", { mode: "bigint" }).primaryKey().default(7n),');
  assert.match(code, 'ratio: numeric("ratio").notNull().default("0.5"),');
  assert.match(code, 'flag: boolean("flag").notNull().default(false),');
  assert.match(code, 'label: text("label").default(sql`null`),');
  assert.match(code, "doc: json(\"doc\")\n    .notNull()\n    .default(sql`'{}'`),");
  assert.match(code, 'at: date("at", { mode: "string" }).notNull().default("2000-01-01"),');
  // Backticks and ${ in SQL stay text inside drizzle's sql template.
  assert.match(code, ".default(sql`'\\${x}' || \\`y\\``),");
});

test("MySQL: an index method drizzle cannot write is a warning", async () => {
  const { warnings } = await generateFrom(`
database { dialect = "mysql" }
table doc {
  id   integer @id
  body text
  @@index([body], using: fulltext, name: "ft_body")
}
`);
  assert.equal(warnings, [
    "index ft_body: drizzle-orm's MySQL indexes take only using btree or hash; using: fulltext is not in the module",
  ]);
});

test("names: quoted SQL names, reserved words and builder names become valid, stable identifiers", async () => {
  const { code, warnings } = await generateFrom(`
database { dialect = "sqlite" }
table "Mixed Case" {
  "Col Name" integer @id
  default    text?
  colName    text?
}
table text {
  id    integer @id
  owner integer? @references("Mixed Case"."Col Name")
}
`);
  assert.equal(warnings, []);
  assert.match(
    code,
    'export const mixedCase = sqliteTable("Mixed Case", {\n  colName: integer("Col Name").primaryKey(),\n  default: text("default"),\n  colName2: text("colName"),\n});',
  );
  assert.match(code, 'export const textTable = sqliteTable(\n  "text",');
  assert.match(code, "foreignColumns: [mixedCase.colName]");
  // The key `owner` is the column's, so the relation is named after the table it reaches.
  assert.match(
    code,
    "export const textTableRelations = relations(textTable, ({ one }) => ({\n  mixedCase: one(mixedCase, {",
  );
  assert.match(
    code,
    "export const mixedCaseRelations = relations(mixedCase, ({ many }) => ({\n  texts: many(textTable,",
  );
});

test.run();
