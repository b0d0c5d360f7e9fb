import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { loadSchema } from "../../src/parse/index.js";

/** A fresh project folder and a `strata` that runs in it, capturing what a user would see. */
function project(config?: string) {
  const cwd = mkdtempSync(join(tmpdir(), "strata-cli-"));
  mkdirSync(join(cwd, "migrations"));
  if (config !== undefined) writeFileSync(join(cwd, "strata.config.ts"), config);
  const strata = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const files = () => readdirSync(join(cwd, "migrations")).sort();
  const read = (name: string) => readFileSync(join(cwd, "migrations", name), "utf8");
  return { cwd, strata, files, read, done: () => rmSync(cwd, { recursive: true, force: true }) };
}

test("init writes a schema that compiles, a config and migrations/, and never overwrites", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "strata-init-"));
  const out: string[] = [];
  const err: string[] = [];
  const context = { cwd, out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) };
  assert.is(await main(["init"], context), 0);
  assert.equal(out.slice(0, 3), ["wrote schemas/app.schema", "wrote strata.config.ts", "wrote migrations/"]);
  const model = await loadSchema(join(cwd, "schemas"));
  assert.equal([...model.tables.keys()], ["user"]);
  assert.match(readFileSync(join(cwd, "strata.config.ts"), "utf8"), 'import { defineConfig } from "strata";');
  assert.equal(readdirSync(join(cwd, "migrations")), []);
  assert.equal(err, []);
  assert.is(await main(["init"], context), 2);
  assert.is(err.join("\n"), "strata init: nothing to do: schemas/app.schema, strata.config.ts, migrations already exist; this folder is a strata project");
  rmSync(cwd, { recursive: true, force: true });
});

test("revision writes an empty migration on the head; the next one revises it", async () => {
  const p = project();
  const first = await p.strata("revision", "-m", "Create the user table!", "--rev-id", "aaaaaaaaaaaa");
  assert.equal(first, { code: 0, out: "wrote migrations/aaaaaaaaaaaa_create_the_user_table.ts", err: "" });
  const text = p.read("aaaaaaaaaaaa_create_the_user_table.ts");
  assert.match(text, /^\/\*\*\n \* Create the user table!\n \*\n \* Revision: aaaaaaaaaaaa\n \* Revises: <base>\n \* Created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n \*\/\nimport type \{ Operations \} from "strata";\n/);
  assert.match(text, "export const downRevision = null;");
  assert.match(text, "export async function upgrade(op: Operations): Promise<void> {}");

  const second = await p.strata("revision", "-m", "second");
  assert.is(second.code, 0);
  const [secondFile] = p.files().filter((f) => f.endsWith("_second.ts"));
  assert.match(secondFile, /^[0-9a-f]{12}_second\.ts$/);
  assert.match(p.read(secondFile), 'export const downRevision = "aaaaaaaaaaaa";');
  assert.equal(await p.strata("heads"), { code: 0, out: `${secondFile.slice(0, 12)} (head)`, err: "" });
  p.done();
});

test("branches, several heads, --head, merge, history and branches output", async () => {
  const p = project();
  await p.strata("revision", "-m", "base", "--rev-id", "a1");
  await p.strata("revision", "-m", "app two", "--rev-id", "a2");
  const billing = await p.strata("revision", "-m", "billing", "--rev-id", "b1", "--head", "a1", "--branch-label", "billing");
  assert.is(billing.code, 2);
  assert.is(billing.err, "strata revision: revision a1 is not a head; a new revision on it starts a branch: pass --splice to do that on purpose");
  assert.is((await p.strata("revision", "-m", "billing", "--rev-id", "b1", "--head", "a1", "--splice", "--branch-label", "billing")).code, 0);
  assert.equal(await p.strata("heads"), { code: 0, out: "a2 (head)\nb1 (billing) (head)", err: "" });

  const refused = await p.strata("revision", "-m", "where?");
  assert.is(refused.code, 2);
  assert.is(
    refused.err,
    "strata revision: there are several heads (a2, b1): say where the new revision goes with --head BRANCH@head (or --head REVISION), or merge them first with `strata merge -m MSG heads`",
  );
  assert.is((await p.strata("revision", "-m", "invoices", "--rev-id", "b2", "--head", "billing@head", "--depends-on", "a")).code, 2);
  assert.is((await p.strata("revision", "-m", "invoices", "--rev-id", "b2", "--head", "billing@head", "--depends-on", "a2")).code, 0);
  assert.match(p.read("b2_invoices.ts"), 'export const downRevision = "b1";\nexport const branchLabels = null;\nexport const dependsOn = ["a2"];');

  const merged = await p.strata("merge", "-m", "join", "heads", "--rev-id", "m1");
  assert.equal(merged, { code: 0, out: "wrote migrations/m1_join.ts", err: "" });
  assert.match(p.read("m1_join.ts"), 'export const downRevision = ["a2", "b2"];');
  assert.equal(await p.strata("heads"), { code: 0, out: "m1 (head) (mergepoint)", err: "" });
  assert.equal(await p.strata("history"), {
    code: 0,
    out: [
      "(a2, b2) -> m1 (head) (mergepoint), join",
      "b1 -> b2, invoices",
      "a1 -> b1 (billing), billing",
      "a1 -> a2, app two",
      "<base> -> a1 (branchpoint), base",
    ].join("\n"),
    err: "",
  });
  assert.equal(await p.strata("history", "-r", "b1:b2"), { code: 0, out: "b1 -> b2, invoices\na1 -> b1 (billing), billing", err: "" });
  assert.equal(await p.strata("branches"), {
    code: 0,
    out: "a1 (branchpoint), base\n    -> a2, app two\n    -> b1 (billing), billing",
    err: "",
  });
  assert.is((await p.strata("merge", "-m", "nothing", "head")).err, "strata merge: a merge needs at least two revisions; head names only m1");
  p.done();
});

test("--version-path writes into a subfolder the loader reads; outside the migrations folder is refused", async () => {
  const p = project();
  assert.is((await p.strata("revision", "-m", "one", "--rev-id", "c1", "--version-path", "2026")).code, 0);
  assert.equal(readdirSync(join(p.cwd, "migrations", "2026")), ["c1_one.ts"]);
  assert.is((await p.strata("revision", "-m", "two", "--rev-id", "c2")).code, 0);
  assert.match(p.read("c2_two.ts"), 'export const downRevision = "c1";');
  const outside = await p.strata("revision", "-m", "three", "--version-path", "../elsewhere");
  assert.is(outside.code, 2);
  assert.match(outside.err, "is outside the migrations folder");
  p.done();
});

test("processRevisionDirectives runs before writing: two scripts from one run, zero scripts, script.head honoured", async () => {
  const p = project(`
import { DowngradeOps, ExecuteSQLOp, MigrationScript, UpgradeOps } from "strata";
export default {
  processRevisionDirectives(context: unknown, revision: string[], directives: MigrationScript[]) {
    const script = directives[0];
    if (script.message === "skip") { directives.length = 0; return; }
    if (script.message === "split") {
      script.upgradeOps.ops.push(new ExecuteSQLOp("create table a (x int)", { reverseSql: "drop table a" }));
      script.downgradeOps.ops.push(new ExecuteSQLOp("drop table a"));
      const second = new MigrationScript("d2", new UpgradeOps([new ExecuteSQLOp("select 2")]), new DowngradeOps(), { message: "part two" });
      directives.push(second);
    }
    if (script.message === "on billing") script.head = "billing@head";
  },
};
`);
  const split = await p.strata("revision", "-m", "split", "--rev-id", "d1");
  assert.equal(split, { code: 0, out: "wrote migrations/d1_split.ts\nwrote migrations/d2_part_two.ts", err: "" });
  assert.match(p.read("d1_split.ts"), 'await op.execute("create table a (x int)", { reverseSql: "drop table a" });');
  assert.match(p.read("d2_part_two.ts"), 'export const downRevision = "d1";');
  assert.match(p.read("d2_part_two.ts"), 'await op.execute("select 2");');

  assert.equal(await p.strata("revision", "-m", "skip"), { code: 0, out: "", err: "processRevisionDirectives left no migration to write" });
  assert.equal(p.files(), ["d1_split.ts", "d2_part_two.ts"]);

  await p.strata("revision", "-m", "billing", "--rev-id", "e1", "--head", "base", "--branch-label", "billing");
  assert.is((await p.strata("revision", "-m", "on billing", "--rev-id", "e2")).code, 0);
  assert.match(p.read("e2_on_billing.ts"), 'export const downRevision = "e1";');
  p.done();
});

test("a migration file that does not load, or lacks revision/upgrade, is an error naming it", async () => {
  const p = project();
  writeFileSync(join(p.cwd, "migrations", "x1_broken.ts"), "export const revision = ;\n");
  writeFileSync(join(p.cwd, "migrations", "x2_empty.ts"), "export const downRevision = null;\n");
  const result = await p.strata("heads");
  assert.is(result.code, 2);
  assert.equal(result.err.split("\n"), [
    "strata heads: migrations/x1_broken.ts:1:25: syntax error: Unexpected token",
    "export const revision = ;",
    `${" ".repeat(24)}^`,
    "migrations/x2_empty.ts: does not export `revision` (a non-empty string)",
    "migrations/x2_empty.ts: does not export async functions `upgrade` and `downgrade` (or `databases`)",
  ]);
  p.done();
});

test("a project without a migrations folder is told to run init, and init then adds only the folder", async () => {
  const p = project();
  rmSync(join(p.cwd, "migrations"), { recursive: true });
  mkdirSync(join(p.cwd, "schemas"));
  writeFileSync(join(p.cwd, "schemas", "app.schema"), "table mine {\n  id integer @id\n}\n");
  assert.equal(await p.strata("heads"), {
    code: 2,
    out: "",
    err: "strata heads: there is no migrations folder at migrations: run `strata init` (it keeps what exists) or create the folder",
  });
  const init = await p.strata("init");
  assert.is(init.code, 0, init.err);
  assert.is(init.out, "wrote strata.config.ts\nwrote migrations/\nkept schemas/app.schema (it was already there)\nnext: edit schemas/app.schema, then `npx strata revision --autogenerate -m \"create tables\"`");
  assert.is(readFileSync(join(p.cwd, "schemas", "app.schema"), "utf8"), "table mine {\n  id integer @id\n}\n");
  assert.equal(readdirSync(join(p.cwd, "migrations")), []);
  p.done();
});

test("every verb answers --help with its usage", async () => {
  const p = project();
  for (const verb of ["init", "revision", "heads", "history", "branches", "merge"]) {
    const help = await p.strata(verb, "--help");
    assert.is(help.code, 0);
    assert.ok(help.out.startsWith(`usage: strata ${verb}`), help.out);
  }
  p.done();
});

test.run();
