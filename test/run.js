#!/usr/bin/env node
// `npm test`: checks which database servers answer, says loudly which suites
// will be skipped (a missing server is a failure under CI=true), then
// builds dist/ (the command the CLI tests spawn), runs every test/**/*.test.ts
// with uvu on the TypeScript sources (tsx, and the `strata-source` condition
// that gives migrations and configs the sources' own "strata"), several
// files at once, and closes with one `N passed, N failed` line.
import { spawn, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { createConnection } from "node:net";
import { fileURLToPath } from "node:url";

const SERVERS = [
  {
    name: "postgresql",
    port: 5432,
    start: "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
  },
  {
    name: "mysql",
    port: 3306,
    start: "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd",
  },
];

function answers(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

const skipped = [];
for (const server of SERVERS) {
  if (!(await answers(server.port))) skipped.push(server);
}
if (skipped.length) {
  const lines = skipped.map((s) => `  - ${s.name} (127.0.0.1:${s.port} does not answer); start it with: ${s.start}`);
  const banner = "!".repeat(78);
  if (process.env.CI === "true") {
    console.error(`${banner}\nCI=true and these database servers are down:\n${lines.join("\n")}\n${banner}`);
    process.exit(1);
  }
  console.error(`${banner}\nSKIPPING the test suites of these dialects:\n${lines.join("\n")}\n${banner}`);
}

const root = fileURLToPath(new URL("..", import.meta.url));

// Tests that run the `strata` command spawn bin/strata.js, which runs the
// compiled dist/: build it first, so they never run an old build.
const build = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("npm run build failed: no tests ran");
  process.exit(1);
}
const pattern = new RegExp(process.argv[2] ?? "\\.test\\.ts$");
const files = readdirSync(join(root, "test"), { recursive: true })
  .map((f) => String(f).split("\\").join("/"))
  .filter((f) => f.endsWith(".test.ts") && pattern.test(f))
  .sort();

// Each file runs in its own process, several at once: most suites wait on a
// database server, and every test has its own database, so they never meet.
const workers = Number(process.env.STRATA_TEST_WORKERS ?? Math.max(2, availableParallelism() * 2));
const env = { ...process.env, STRATA_TEST_SKIP: skipped.map((s) => s.name).join(",") };
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedFiles = [];
const queue = [...files];
const started = Date.now();

function runFile(file) {
  return new Promise((resolve) => {
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const child = spawn(process.execPath, ["--conditions=strata-source", "--import", "tsx", "node_modules/uvu/bin.js", "test", `^${escaped}$`], {
      cwd: root,
      env,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
      const count = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? 0);
      const total = count("Total");
      const passed = count("Passed");
      const skippedTests = count("Skipped");
      const failed = code === 0 ? 0 : Math.max(1, total - passed - skippedTests);
      totals.passed += passed;
      totals.failed += failed;
      totals.skipped += skippedTests;
      if (code !== 0) failedFiles.push(file);
      process.stdout.write(output);
      resolve();
    });
  });
}

async function worker() {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) await runFile(file);
}
await Promise.all(Array.from({ length: Math.min(workers, files.length) }, worker));

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${files.length} test files in ${seconds} s`);
if (failedFiles.length) console.log(`failed files:\n${failedFiles.map((f) => `  test/${f}`).join("\n")}`);
if (skipped.length) console.error(`SKIPPED dialects: ${skipped.map((s) => s.name).join(", ")} (see above)`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(failedFiles.length || files.length === 0 ? 1 : 0);
