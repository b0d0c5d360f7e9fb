import { test } from "uvu";
import * as assert from "uvu/assert";
import { migrationFile } from "../acceptance/migration.js";
import { project } from "../acceptance/project.js";
import { isAvailable, withTestDatabase } from "../support/databases.js";
import { runStrata } from "../support/strata-process.js";

/** `strata upgrade head` of one migration whose upgrade runs `sql`; returns what it printed on stderr. */
async function upgradeRunning(url: string, sql: string): Promise<{ code: number | null; err: string }> {
  const p = project({
    "migrations/aaaa00000001_step.ts": migrationFile({
      revision: "aaaa00000001",
      upgrade: `  await op.execute(${JSON.stringify(sql)});`,
      downgrade: "",
    }),
  });
  try {
    return await runStrata(["upgrade", "head", "--url", url], { cwd: p.cwd });
  } finally {
    p.done();
  }
}

if (isAvailable("postgresql")) {
  test("postgresql: a failed unique index names the duplicate key (the server's DETAIL)", () =>
    withTestDatabase("postgresql", async (db) => {
      await db.run("CREATE TABLE member (email text NOT NULL); INSERT INTO member VALUES ('a@example.com'), ('a@example.com')");
      const { code, err } = await upgradeRunning(db.url, "CREATE UNIQUE INDEX member_email ON member (email)");
      assert.is(code, 2);
      assert.match(
        err,
        'could not create unique index "member_email"\nDETAIL: Key (email)=(a@example.com) is duplicated.\n  while running: CREATE UNIQUE INDEX member_email ON member (email)',
      );
    }),
  );

  test("postgresql: the server's HINT is printed with its error", () =>
    withTestDatabase("postgresql", async (db) => {
      const { code, err } = await upgradeRunning(db.url, "SELECT pg_sleep('soon', 1)");
      assert.is(code, 2);
      assert.match(
        err,
        "function pg_sleep(unknown, integer) does not exist\nHINT: No function matches the given name and argument types. You might need to add explicit type casts.\n",
      );
    }),
  );
}

test.run();
