/**
 * The verification runner as a module (what the lock analysis builds on):
 * its per-statement hook sees each statement of the verified upgrade, in
 * order, on the scratch connection and inside the migration's transaction,
 * and nothing of the migrations below it.
 */
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { openScratchDatabase } from "../../src/runtime/scratch-database.js";
import { verifyMigration } from "../../src/runtime/verify-migration.js";
import { dialectNamed } from "../../src/dialects/registry.js";
import { loadRevisionGraph } from "../../src/revisions/index.js";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";

test("the statement hook sees the verified upgrade's statements, in its transaction", async () => {
  const p = project();
  const scratch = await openScratchDatabase(dialectNamed("sqlite")!, "file:unused.db");
  try {
    p.write("migrations/h1.ts", migrationFile({ revision: "h1", upgrade: '  await op.execute("CREATE TABLE a (id INTEGER)");', downgrade: '  await op.execute("DROP TABLE a");' }));
    p.write(
      "migrations/h2.ts",
      migrationFile({
        revision: "h2",
        downRevision: "h1",
        upgrade: '  await op.execute("CREATE TABLE b (id INTEGER)");\n  await op.execute("INSERT INTO b VALUES (1)");',
        downgrade: '  await op.execute("DROP TABLE b");',
      }),
    );
    const graph = await loadRevisionGraph(join(p.cwd, "migrations"), p.cwd);
    const seen: string[] = [];
    const result = await verifyMigration({
      scratch: scratch.connection,
      graph,
      revision: "h2",
      versionTable: "strata_version",
      database: "default",
      cwd: p.cwd,
      onStatement: async ({ statement, connection, step }) => {
        // Inside the transaction: the version table does not say h2 yet.
        const rows = await connection.query<{ v: string }>("SELECT version_num AS v FROM strata_version");
        seen.push(`${step.migration.revision} ${statement.sql} (at ${rows.map((r) => r.v).join(",")})`);
      },
    });
    assert.equal(result, { revision: "h2", passed: ["parent", "upgrade", "downgrade", "catalog", "upgrade again"] });
    assert.equal(seen, ["h2 CREATE TABLE b (id INTEGER) (at h1)", "h2 INSERT INTO b VALUES (1) (at h1)"]);
  } finally {
    await scratch.dispose();
    p.done();
  }
});

test.run();
