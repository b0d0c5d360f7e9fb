import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../src/cli/main.js";

/** Runs `strata heads` in a project holding only these files: every command loads the config first. */
async function headsWith(files: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), "strata-config-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["heads"], { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

test("an unknown key is an error that names the key it resembles", async () => {
  const config = 'import { defineConfig } from "strata";\nexport default defineConfig({ schmea: "db", migratoins: "m", colour: "blue" } as never);\n';
  assert.equal(await headsWith({ "strata.config.ts": config }), {
    code: 2,
    out: "",
    err: [
      "strata heads: strata.config.ts: unknown key schmea: did you mean schema?",
      "strata.config.ts: unknown key migratoins: did you mean migrations?",
      "strata.config.ts: unknown key colour (strata knows schema, migrations, url, devUrl, connectTimeout, databases, versionTable, includeSchemas, includeName, includeObject, compareType, compareServerDefault, processRevisionDirectives, renderItem, renderAsBatch, userModulePrefix, writeEmptyRevisions, plugins)",
    ].join("\n"),
  });
});

test("a value of the wrong kind names the key, what it must be and what it is", async () => {
  const config = [
    "module.exports = {",
    "  migrations: 5,",
    "  includeSchemas: 'public',",
    "  plugins: [() => {}, 'x'],",
    "  databases: { main: { url: 'file:a.db' } },",
    "  renderAsBatch: undefined,",
    "};",
  ].join("\n");
  assert.equal(await headsWith({ "strata.config.cjs": config }), {
    code: 2,
    out: "",
    err: [
      "strata heads: strata.config.cjs: migrations must be a string (the folder that holds the migrations), not the number 5",
      'strata.config.cjs: includeSchemas must be true, false or a list of schema names, not "public"',
      "strata.config.cjs: plugins must be a list of functions, not a list",
      "strata.config.cjs: databases.main must be { url: string, schema: string, devUrl?: string }, not an object",
    ].join("\n"),
  });
});

test("a config that does not parse prints where, with the line and a caret", async () => {
  const config = 'import { defineConfig } from "strata";\n\nexport default defineConfig({\n  schema: "schemas"\n  migrations: "migrations",\n});\n';
  assert.equal(await headsWith({ "strata.config.ts": config }), {
    code: 2,
    out: "",
    err: ["strata heads: strata.config.ts:5:3: syntax error: Unexpected token, expected \",\"", '  migrations: "migrations",', "  ^"].join("\n"),
  });
});

test("two config files are an error rather than a guess", async () => {
  const config = "export default {};\n";
  assert.equal(await headsWith({ "strata.config.ts": config, "strata.config.mjs": config }), {
    code: 2,
    out: "",
    err: "strata heads: several config files: strata.config.ts, strata.config.mjs; keep one",
  });
});

test.run();
