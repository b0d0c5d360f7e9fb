#!/usr/bin/env node
// `npm test`: checks which database servers answer, says loudly which suites
// will be skipped (a missing server is a failure under CI=true), then runs
// every test/**/*.test.ts with uvu through the tsx loader.
import { spawnSync } from "node:child_process";
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
const filter = process.argv[2] ?? "\\.test\\.ts$";
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "node_modules/uvu/bin.js", "test", filter],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, STRATA_TEST_SKIP: skipped.map((s) => s.name).join(",") },
  },
);
if (skipped.length) console.error(`\nSKIPPED dialects: ${skipped.map((s) => s.name).join(", ")} (see above)`);
process.exit(result.status ?? 1);
