import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../src/cli/main.js";

interface Project {
  readonly cwd: string;
  readonly out: string[];
  readonly err: string[];
  run(...argv: string[]): Promise<number>;
}

/** Runs `body` in a fresh project folder, with what the CLI prints collected; the folder is removed after. */
async function inProject(body: (p: Project) => Promise<void>): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), "strata-cli-"));
  const out: string[] = [];
  const err: string[] = [];
  const run = (...argv: string[]) => main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  try {
    await body({ cwd, out, err, run });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

test("a relative target such as -1 is a target, not a flag", () =>
  inProject(async (p) => {
    const url = `file:${join(p.cwd, "dev.db")}`;
    mkdirSync(join(p.cwd, "migrations"));
    assert.is(await p.run("revision", "-m", "first", "--rev-id", "aaaa00000001"), 0);
    assert.is(await p.run("revision", "-m", "second", "--rev-id", "bbbb00000002"), 0);
    assert.is(await p.run("upgrade", "head", "--url", url), 0);
    assert.is(await p.run("downgrade", "-1", "--url", url), 0, p.err.join("\n"));
    p.out.length = 0;
    assert.is(await p.run("current", "--url", url), 0);
    assert.match(p.out.join("\n"), "aaaa00000001");
    assert.not.match(p.out.join("\n"), "bbbb00000002");
  }),
);

test("unknown verbs and flags exit 2 with usage, never a stack trace", () =>
  inProject(async (p) => {
    assert.is(await p.run("frobnicate"), 2);
    assert.match(p.err.join("\n"), 'unknown command "frobnicate"');
    assert.is(await p.run("diff", "--nope"), 2);
    assert.match(p.err.join("\n"), "usage: strata diff");
    assert.not.match(p.err.join("\n"), "    at ");
  }),
);

test("pull --out writes into a folder that does not exist yet", () =>
  inProject(async (p) => {
    const url = `file:${join(p.cwd, "dev.db")}`;
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url });
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    client.close();
    assert.is(await p.run("pull", "--url", url, "--out", "schemas/new/app.schema"), 0, p.err.join("\n"));
    assert.match(readFileSync(join(p.cwd, "schemas/new/app.schema"), "utf8"), "table t {");
  }),
);

test("commands that only read never create a SQLite file that is not there", () =>
  inProject(async (p) => {
    const missing = join(p.cwd, "missing.db");
    const url = `file:${missing}`;
    mkdirSync(join(p.cwd, "migrations"));
    assert.is(await p.run("current", "--url", url), 0, p.err.join("\n"));
    assert.equal(p.out, ["base"]);
    writeFileSync(join(p.cwd, "app.schema"), "table t {\n  id integer @id\n}\n");
    p.out.length = 0;
    assert.is(await p.run("diff", "--schema", join(p.cwd, "app.schema"), "--url", url), 1, p.err.join("\n"));
    assert.equal(p.out, [`${url}: 1 change`, "  + table t"]);
    assert.is(await p.run("check", "--schema", join(p.cwd, "app.schema"), "--url", url), 1);
    assert.is(await p.run("pull", "--url", url), 2);
    assert.match(p.err.join("\n"), `there is no database at ${url}: nothing to pull`);
    assert.not.ok(existsSync(missing), "no command above created the file");
    assert.is(await p.run("revision", "-m", "first", "--rev-id", "aaaa00000001"), 0, p.err.join("\n"));
    assert.is(await p.run("upgrade", "head", "--url", url), 0, p.err.join("\n"));
    assert.ok(existsSync(missing), "upgrade creates it");
  }),
);

test.run();
