/**
 * One online-rewriter scenario, as a user lives it: a project whose first
 * migration created the tables, rows in them, a schema change written by
 * `revision --autogenerate` (with or without the rewriter in
 * strata.config.ts), and `upgrade head` while a writer keeps writing and,
 * optionally, a long transaction holds a lock.
 */
import { withTestDatabase, type DialectName, type TestDatabase } from "../support/databases.js";
import { project, schemaFile, type CliResult, type Project } from "../acceptance/project.js";
import { holdLock, startWriter } from "./live-traffic.js";

export interface Scenario {
  readonly dialect: DialectName;
  readonly v1: string;
  readonly v2: string;
  /** The processRevisionDirectives expression (`concurrentIndexes()`), or none for the migration before the rewrite. */
  readonly rewriter?: string;
  /** SQL run after the first migration: rows, helper functions. */
  readonly setup: string;
  readonly write: (i: number) => string;
  readonly hold?: { readonly sql: string; readonly ms: number };
  /** The exit code `upgrade head` must end with (default 0). */
  readonly upgradeExit?: number;
}

export interface Outcome {
  readonly p: Project;
  readonly db: TestDatabase;
  /** The migration files the change was written as (after the first), with their text. */
  readonly migrations: ReadonlyArray<{ readonly name: string; readonly source: string }>;
  readonly upgrade: CliResult;
  /** The longest the writer waited for a lock without a break while the upgrade ran, in milliseconds, by the server's account. */
  readonly longestLockWaitMs: number;
}

export function withScenario(scenario: Scenario, check: (outcome: Outcome) => Promise<void>): Promise<void> {
  return withTestDatabase(scenario.dialect, async (db) => {
    const config = scenario.rewriter
      ? `import { defineConfig, concurrentIndexes, lockTimeouts, mysqlOnlineDdl, notNullViaCheck, notValidConstraints } from "strata";\n` +
        `void [concurrentIndexes, lockTimeouts, mysqlOnlineDdl, notNullViaCheck, notValidConstraints];\n` +
        `export default defineConfig({ processRevisionDirectives: ${scenario.rewriter} });\n`
      : `import { defineConfig } from "strata";\nexport default defineConfig({});\n`;
    const p = project({ "schemas/app.schema": schemaFile(scenario.dialect, db.url, scenario.v1), "strata.config.ts": config });
    try {
      await p.ok(["revision", "--autogenerate", "-m", "tables", "--rev-id", "aaaaaaaaaaaa"]);
      await p.ok(["upgrade", "head"]);
      await db.run(scenario.setup);
      p.write("schemas/app.schema", schemaFile(scenario.dialect, db.url, scenario.v2));
      // Not verified on a scratch copy: the copy has the tables, not the helper functions a scenario's checks call.
      await p.ok(["revision", "--autogenerate", "-m", "change", "--no-verify"]);
      const migrations = p.migrations().filter((name) => !name.startsWith("aaaaaaaaaaaa")).map((name) => ({ name, source: p.read(`migrations/${name}`) }));
      const writer = await startWriter(scenario.dialect, db.url, scenario.write);
      const held = scenario.hold && (await holdLock(scenario.dialect, db.url, scenario.hold.sql, scenario.hold.ms));
      // Let the writer and the holder settle, as on a live database the migration arrives into.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const writesBefore = writer.writes();
      const upgrade = await p.strata("upgrade", "head");
      const writesDuring = writer.writes() - writesBefore;
      await held?.released;
      const { longestLockWaitMs } = await writer.stop();
      // A writer that did not write while the migration ran proves nothing about waiting (it waited before, or not at all).
      // A few writes are enough: the waits are the server's account, and a blocked writer on a busy machine writes little.
      if (writesDuring < 3) throw new Error(`the writer wrote only ${writesDuring} times while the upgrade ran`);
      if (upgrade.code !== (scenario.upgradeExit ?? 0)) {
        throw new Error(`upgrade head exited ${upgrade.code}\n--- out\n${upgrade.out}\n--- err\n${upgrade.err}`);
      }
      await check({ p, db, migrations, upgrade, longestLockWaitMs });
    } finally {
      p.done();
    }
  });
}
