import { spawn } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";
import { strataBin } from "../support/strata-process.js";
import { migrationFile } from "./migration.js";
import { testInLanes, type LaneCase } from "./lanes.js";
import { project } from "./project.js";

const test = suite("acceptance: two upgrade processes at once");

const BIN = strataBin();
const COUNT = 5;

/** A statement that takes a moment, so the two processes overlap. */
const SLOW: Record<DialectName, string> = {
  postgresql: "SELECT pg_sleep(0.1)",
  mysql: "SELECT SLEEP(0.1)",
  sqlite: "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c",
};

function strataProcess(cwd: string, argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

const cases: Array<LaneCase & { name: string }> = [];

for (const dialect of availableDialects()) {
  cases.push({
    lane: dialect,
    name: `${dialect}: each migration is applied exactly once`,
    run: async () => {
      await withTestDatabase(dialect, async (db) => {
        const p = project();
        try {
          for (let i = 1; i <= COUNT; i++) {
            const create =
              i === 1
                ? '  await op.createTable("applied", s.column("rev", s.varchar(10), { nullable: false }));\n'
                : "";
            p.write(
              `migrations/m${i}_step.ts`,
              migrationFile({
                revision: `m${i}`,
                downRevision: i > 1 ? `m${i - 1}` : undefined,
                upgrade: `${create}  await op.execute(${JSON.stringify(SLOW[dialect])});\n  await op.execute("INSERT INTO applied (rev) VALUES ('m${i}')");`,
                downgrade: `  await op.execute("DELETE FROM applied WHERE rev = 'm${i}'");`,
              }),
            );
          }
          const [first, second] = await Promise.all([
            strataProcess(p.cwd, ["upgrade", "head", "--url", db.url]),
            strataProcess(p.cwd, ["upgrade", "head", "--url", db.url]),
          ]);
          assert.equal([first.code, second.code], [0, 0], `${first.err}\n${second.err}`);
          const ran = `${first.out}${second.out}`.split("\n").filter((l) => l.startsWith("Running upgrade"));
          assert.equal(ran.sort(), [
            "Running upgrade base -> m1: migration m1",
            "Running upgrade m1 -> m2: migration m2",
            "Running upgrade m2 -> m3: migration m3",
            "Running upgrade m3 -> m4: migration m4",
            "Running upgrade m4 -> m5: migration m5",
          ]);
          const rows = await db.query<{ rev: string }>("SELECT rev FROM applied ORDER BY rev");
          assert.equal(
            rows.map((r) => r.rev),
            ["m1", "m2", "m3", "m4", "m5"],
          );
          const versions = await db.query<{ version_num: string; is_head: unknown }>(
            "SELECT version_num, is_head FROM strata_version ORDER BY version_num",
          );
          assert.equal(
            versions.map((v) => `${v.version_num}:${Number(v.is_head)}`),
            ["m1:0", "m2:0", "m3:0", "m4:0", "m5:1"],
          );
        } finally {
          p.done();
        }
      });
    },
  });
}

testInLanes(test, cases);

test.run();
