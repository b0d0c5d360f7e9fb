import { test } from "uvu";
import * as assert from "uvu/assert";
import { project } from "../acceptance/project.js";
import { runShell } from "../support/strata-process.js";

const SCHEMA = "table note {\n  id    integer @id\n  title text\n}\n";

test("a reader that goes away ends each command quietly, with the command's own exit code", async () => {
  const p = project({ "schemas/app.schema": SCHEMA });
  try {
    // In-process runs resolve file:./dev.db against the test's folder: name the project's file.
    const url = `file:${p.cwd}/dev.db`;
    await p.ok(["revision", "--autogenerate", "-m", "first", "--rev-id", "aaaa00000001", "--url", url]);
    await p.ok(["upgrade", "head", "--url", url]);
    // `| true` closes the pipe before strata writes anything: every write meets EPIPE.
    for (const verb of ["check", "diff", "history", "heads", "current", "pull --url file:./dev.db"]) {
      const result = await runShell(`strata ${verb} | true; echo "exit \${PIPESTATUS[0]}"`, { cwd: p.cwd });
      assert.is(result.err, "", `strata ${verb}`);
      assert.is(result.out, "exit 0\n", `strata ${verb}`);
    }
  } finally {
    p.done();
  }
});

test("`strata check | head -1` on a drifted database prints one line and exits 1, for drift", async () => {
  const tables = Array.from({ length: 3000 }, (_, i) => `table t${i} {\n  id integer @id\n}\n`).join("");
  const p = project({ "schemas/app.schema": tables });
  try {
    const result = await runShell('strata check | head -1; echo "exit ${PIPESTATUS[0]}"', { cwd: p.cwd });
    assert.is(result.out, "file:./dev.db: differs from the schema (3000 changes):\nexit 1\n");
    assert.not.match(result.err, "EPIPE");
    assert.not.match(result.err, "    at ");
  } finally {
    p.done();
  }
});

test.run();
