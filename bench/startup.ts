/**
 * Startup of the `strata` command as users run it (bin/strata.js, the
 * build in dist/), against a bare `node -e 0` measured in the same run and
 * interleaved with it, so a busy machine slows both alike: `--version`,
 * `--help`, and `diff` of the example schema against an empty SQLite file.
 * Targets: --version within 1.5x bare node, diff within 3x. Builds first, so
 * the figures are those of the sources as they are.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROUNDS = 15;

export async function run(): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["scripts/build.js"], { cwd: root, stdio: "inherit" });
  const dir = mkdtempSync(join(tmpdir(), "strata-bench-startup-"));
  const empty = join(dir, "empty.db");
  writeFileSync(empty, "");
  const bin = join(root, "bin", "strata.js");
  const runs: ReadonlyArray<{ name: string; args: string[]; exit: number; target?: number }> = [
    { name: "node -e 0", args: ["-e", "0"], exit: 0 },
    { name: "strata --version", args: [bin, "--version"], exit: 0, target: 1.5 },
    { name: "strata --help", args: [bin, "--help"], exit: 0 },
    { name: "strata diff (example schema, empty SQLite file)", args: [bin, "diff", "--schema", join(root, "schemas", "app.schema"), "--url", `file:${empty}`], exit: 1, target: 3 },
  ];
  const times = runs.map(() => [] as number[]);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      runs.forEach((r, i) => {
        const start = performance.now();
        const result = spawnSync(process.execPath, r.args, { cwd: dir, encoding: "utf8" });
        times[i].push(performance.now() - start);
        if (result.status !== r.exit) throw new Error(`${r.name} exited ${result.status}, not ${r.exit}:\n${result.stderr}`);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const bare = median(times[0]);
  console.log(`wall time over ${ROUNDS} interleaved rounds (median, best), ratio of medians to bare node:`);
  runs.forEach((r, i) => {
    const ratio = median(times[i]) / bare;
    const verdict = r.target === undefined ? "" : ratio <= r.target ? `  (target ${r.target}x: met)` : `  (target ${r.target}x: MISSED)`;
    console.log(
      `  ${r.name.padEnd(48)} ${median(times[i]).toFixed(0).padStart(5)} ms ${Math.min(...times[i]).toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}x${verdict}`,
    );
  });
}
