import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { strataBin } from "../support/strata-process.js";

/**
 * Each command loads only what it needs: the built command runs with a
 * module hook that records every file Node loads (ES modules through the
 * hook, CommonJS and require(esm) from the module cache at exit), and the
 * test reads off which of the heavy packages were among them.
 */
const WATCHED = ["@libsql/client", "ws", "postgres", "mysql2", "prettier", "drizzle-orm", "jiti", "chevrotain"];

const BIN = strataBin();
const work = mkdtempSync(join(tmpdir(), "strata-lazy-"));
const record = join(work, "loaded.txt");
writeFileSync(join(work, "record-hook.mjs"), 'import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) {\n  appendFileSync(process.env.STRATA_RECORD, url + "\\n");\n  return next(url, context);\n}\n');
writeFileSync(
  join(work, "record.mjs"),
  [
    'import { appendFileSync } from "node:fs";',
    'import Module, { register } from "node:module";',
    `register(${JSON.stringify(pathToFileURL(join(work, "record-hook.mjs")).href)});`,
    'process.on("exit", () => appendFileSync(process.env.STRATA_RECORD, Object.keys(Module._cache).join("\\n") + "\\n"));',
  ].join("\n"),
);

/** Runs `strata ...argv` in `cwd` and returns its exit code and the watched packages it loaded, sorted. */
function loads(cwd: string, ...argv: string[]): { code: number | null; packages: string[] } {
  writeFileSync(record, "");
  const result = spawnSync(process.execPath, ["--import", pathToFileURL(join(work, "record.mjs")).href, BIN, ...argv], {
    cwd,
    env: { ...process.env, STRATA_RECORD: record },
    encoding: "utf8",
  });
  const files = readFileSync(record, "utf8");
  return { code: result.status, packages: WATCHED.filter((name) => files.includes(`/node_modules/${name}/`)).sort() };
}

function project(name: string, schema: string): string {
  const cwd = join(work, name);
  mkdirSync(join(cwd, "schemas"), { recursive: true });
  mkdirSync(join(cwd, "migrations"));
  writeFileSync(join(cwd, "schemas", "app.schema"), schema);
  return cwd;
}

const sqlite = project("sqlite", 'database {\n  dialect = "sqlite"\n  url = "file:./dev.db"\n}\n\ntable t {\n  id integer @id\n}\n');
const postgresql = project("postgresql", 'database {\n  dialect = "postgresql"\n}\n\ntable t {\n  id integer @id\n}\n');
const mysql = project("mysql", 'database {\n  dialect = "mysql"\n}\n\ntable t {\n  id integer @id\n}\n');

test("--version and --help load no package", () => {
  assert.equal(loads(sqlite, "--version"), { code: 0, packages: [] });
  assert.equal(loads(sqlite, "--help"), { code: 0, packages: [] });
});

test("diff loads the grammar and the one driver its URL names, nothing else", () => {
  assert.equal(loads(sqlite, "diff"), { code: 1, packages: ["@libsql/client", "chevrotain"] });
  // Port 1 on the loopback refuses at once: the driver is loaded, the connection fails.
  assert.equal(loads(postgresql, "diff", "--url", "postgres://127.0.0.1:1/x"), { code: 2, packages: ["chevrotain", "postgres"] });
  assert.equal(loads(mysql, "diff", "--url", "mysql://root@127.0.0.1:1/x"), { code: 2, packages: ["chevrotain", "mysql2"] });
});

test("revision renders with Prettier; a blank one compiles no schema", () => {
  assert.equal(loads(sqlite, "revision", "-m", "blank", "--rev-id", "b1"), { code: 0, packages: ["prettier"] });
});

test("the TypeScript loader is loaded for a config or a migration, and only then", () => {
  const cwd = project("loader", 'database {\n  dialect = "sqlite"\n  url = "file:./dev.db"\n}\n');
  assert.equal(loads(cwd, "heads"), { code: 0, packages: [] });
  // A config or migration may import "strata", so the loader brings the package entry, and with it the grammar.
  writeFileSync(join(cwd, "strata.config.ts"), 'export default { migrations: "migrations" };\n');
  assert.equal(loads(cwd, "heads"), { code: 0, packages: ["chevrotain", "jiti"] });
});

test("generate drizzle writes the module without loading drizzle-orm; fmt loads only the grammar", () => {
  assert.equal(loads(sqlite, "generate", "drizzle", "--out", join(work, "app.drizzle.ts")), { code: 0, packages: ["chevrotain", "prettier"] });
  assert.equal(loads(sqlite, "fmt"), { code: 0, packages: ["chevrotain"] });
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
