import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../src/cli/main.js";
import { comparators } from "../../src/compare/index.js";

/**
 * strata loads the user's config and migrations itself, in every kind of
 * project a user has, in every extension they may write: nothing needs
 * "type": "module", and no project here has strata installed, since a file
 * that imports "strata" gets the strata the command runs.
 */
const KINDS = {
  "type module": '{ "type": "module" }',
  "type commonjs": '{ "type": "commonjs" }',
  "no type": '{ "name": "app" }',
  "no package.json": undefined,
} as const;

type Kind = keyof typeof KINDS;
const EXTENSIONS = ["ts", "mts", "cts", "js", "mjs"] as const;
type Extension = (typeof EXTENSIONS)[number];

/** A `.js` file is CommonJS unless its package says "type": "module"; every other extension says what it is. */
function isCommonJs(kind: Kind, extension: Extension): boolean {
  return extension === "js" && kind !== "type module";
}

const PLUGIN = `comparators.dispatchFor("schema", { name: "project-kinds", replace: true })(async (_context, upgradeOps) => {
      upgradeOps.ops.push(new ExecuteSQLOp("select 'the config plugin ran'", { reverseSql: "select 1" }));
    })`;

function config(kind: Kind, extension: Extension): string {
  const body = `{\n  migrations: "versions",\n  plugins: [() => {\n    ${PLUGIN};\n  }],\n}`;
  return isCommonJs(kind, extension)
    ? `const { comparators, defineConfig, ExecuteSQLOp } = require("strata");\nmodule.exports = defineConfig(${body});\n`
    : `import { comparators, defineConfig, ExecuteSQLOp } from "strata";\nexport default defineConfig(${body});\n`;
}

/** A migration that uses strata at run time (s.integer) and, in TypeScript, its types. */
function migration(kind: Kind, extension: Extension, revision: string, downRevision: string | null): string {
  const typed = extension.endsWith("ts");
  const op = typed ? "op: Operations" : "op";
  const functions = [
    `async function upgrade(${op}) {\n  await op.addColumn("t", s.column("${revision}", s.integer(), { nullable: true }));\n}`,
    `async function downgrade(${op}) {\n  await op.dropColumn("t", "${revision}");\n}`,
  ];
  const header = `/**\n * ${extension} migration\n */\n`;
  if (isCommonJs(kind, extension)) {
    return `${header}const { s } = require("strata");\nexports.revision = "${revision}";\nexports.downRevision = ${JSON.stringify(downRevision)};\nexports.upgrade = ${functions[0]};\nexports.downgrade = ${functions[1]};\n`;
  }
  const imports = typed ? 'import { type Operations, s } from "strata";' : 'import { s } from "strata";';
  return `${header}${imports}\nexport const revision = "${revision}";\nexport const downRevision = ${JSON.stringify(downRevision)};\nexport ${functions[0]}\nexport ${functions[1]}\n`;
}

async function strata(cwd: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { cwd, out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

for (const [kind, packageJson] of Object.entries(KINDS) as Array<[Kind, string | undefined]>) {
  for (const configExtension of EXTENSIONS) {
    test(`${kind}, strata.config.${configExtension}: the config's plugin runs and migrations of every extension load`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), "strata-kinds-"));
      try {
        if (packageJson) writeFileSync(join(cwd, "package.json"), `${packageJson}\n`);
        writeFileSync(join(cwd, `strata.config.${configExtension}`), config(kind, configExtension));
        mkdirSync(join(cwd, "schemas"));
        writeFileSync(join(cwd, "schemas", "app.schema"), `database {\n  dialect = "sqlite"\n  url = "file:./dev.db"\n}\n`);
        mkdirSync(join(cwd, "versions"));
        EXTENSIONS.forEach((extension, i) => {
          const name = `${i + 1}_${extension}.${extension}`;
          writeFileSync(join(cwd, "versions", name), migration(kind, extension, `r${i + 1}`, i === 0 ? null : `r${i}`));
        });
        assert.equal(await strata(cwd, "history"), {
          code: 0,
          out: ["r4 -> r5 (head), mjs migration", "r3 -> r4, js migration", "r2 -> r3, cts migration", "r1 -> r2, mts migration", "<base> -> r1, ts migration"].join("\n"),
          err: "",
        });
        assert.equal(await strata(cwd, "diff"), { code: 1, out: "file:./dev.db: 1 change\n  ~ execute select 'the config plugin ran'", err: "" });
      } finally {
        comparators.remove("schema", "project-kinds");
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
}

test.run();
