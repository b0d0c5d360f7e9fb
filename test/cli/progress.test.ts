import { test } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";
import { runStrata, runStrataOnTerminal } from "../support/strata-process.js";

/** Two migrations of a few operations each, on SQLite. */
function migratingProject() {
  const table = (name: string) => `  await op.createTable("${name}", s.column("id", s.integer(), { nullable: false }));`;
  return project({
    "migrations/aaaa00000001_first.ts": migrationFile({
      revision: "aaaa00000001",
      upgrade: [table("one"), table("two"), table("three")].join("\n"),
      downgrade: '  await op.dropTable("three");\n  await op.dropTable("two");\n  await op.dropTable("one");',
    }),
    "migrations/bbbb00000002_second.ts": migrationFile({
      revision: "bbbb00000002",
      downRevision: "aaaa00000001",
      upgrade: table("four"),
      downgrade: '  await op.dropTable("four");',
    }),
    "schemas/app.schema": "table one {\n  id integer\n}\n",
  });
}

/** A person at a terminal: no CI, colours allowed, a terminal that draws. */
const TERMINAL = { CI: undefined, NO_COLOR: undefined, TERM: "xterm-256color" };

test("on a terminal, upgrade and downgrade show which migration and operation run, and for how long", async () => {
  const p = migratingProject();
  try {
    const up = await runStrataOnTerminal(["upgrade", "head"], { cwd: p.cwd, env: TERMINAL });
    assert.is(up.code, 0, up.out);
    assert.match(up.out, /upgrade aaaa00000001 \(migrations\/aaaa00000001_first\.ts\): operation 3 of 3, \d statements? run · \d+ s/);
    assert.match(up.out, /upgrade bbbb00000002 \(migrations\/bbbb00000002_second\.ts\): operation 1 of 1, \d statements? run · \d+ s/);
    assert.match(up.out, "applied 2 migrations");
    const down = await runStrataOnTerminal(["downgrade", "base"], { cwd: p.cwd, env: TERMINAL });
    assert.is(down.code, 0, down.out);
    assert.match(down.out, /downgrade aaaa00000001 \(migrations\/aaaa00000001_first\.ts\): operation \d of 3/);
    const diff = await runStrataOnTerminal(["diff"], { cwd: p.cwd, env: TERMINAL });
    assert.match(diff.out, /reading file:\.\/dev\.db and comparing it with the schema · \d+ s/);
  } finally {
    p.done();
  }
});

test("no progress where no person watches: a pipe, CI=true, NO_COLOR, TERM=dumb, --json", async () => {
  const p = migratingProject();
  try {
    const piped = await runStrata(["upgrade", "head"], { cwd: p.cwd, env: TERMINAL });
    assert.is(piped.code, 0, piped.err);
    assert.is(piped.err, "");
    assert.not.match(piped.out, "operation");
    for (const env of [{ CI: "true" }, { NO_COLOR: "1" }, { TERM: "dumb" }]) {
      const shown = await runStrataOnTerminal(["downgrade", "base"], { cwd: p.cwd, env: { ...TERMINAL, ...env } });
      assert.is(shown.code, 0, shown.out);
      assert.not.match(shown.out, "operation", JSON.stringify(env));
      assert.not.match(shown.out, "\u001b[", JSON.stringify(env));
      await runStrata(["upgrade", "head"], { cwd: p.cwd });
    }
    const json = await runStrataOnTerminal(["diff", "--json"], { cwd: p.cwd, env: TERMINAL });
    assert.not.match(json.out, "comparing");
    assert.not.match(json.out, "\u001b[");
  } finally {
    p.done();
  }
});

test.run();
