/**
 * A migration formatted through statement-docs.ts must be exactly what
 * Prettier makes of the whole file, under every option that changes the
 * layout: random statements of every shape strata writes, every op sample,
 * and the initial migrations of the real schemas in the corpus.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as prettier from "prettier";
import { AutogenContext, compareModels, MigrationContext } from "../../src/compare/index.js";
import { dialectNamed } from "../../src/dialects/registry.js";
import { MetaData } from "../../src/model/index.js";
import * as ops from "../../src/ops/index.js";
import { formatSource, renderMigrationFile, renderMigrationSource } from "../../src/render/index.js";
import { formatMigration, layoutOptions, skeletonBody } from "../../src/render/format-migration.js";
import { parseBody } from "../../src/render/statement-syntax.js";
import { CORPUS } from "../support/corpus.js";
import { withTestDatabase } from "../support/databases.js";
import { random } from "../support/random.js";
import { OP_SAMPLES } from "./op-samples.js";

const OPTION_SETS: readonly Record<string, unknown>[] = [
  {},
  { printWidth: 100 },
  { printWidth: 40, tabWidth: 4 },
  { printWidth: 60, useTabs: true },
  { semi: false, singleQuote: true },
  { trailingComma: "none", bracketSpacing: false, printWidth: 50 },
  { trailingComma: "es5", printWidth: 70, quoteProps: "consistent" },
  { endOfLine: "crlf", printWidth: 90 },
];

const folders: string[] = [];
/** A folder whose .prettierrc holds `options`, and the migration path in it. */
function projectWith(options: Record<string, unknown>): string {
  const folder = mkdtempSync(join(tmpdir(), "strata-parity-"));
  folders.push(folder);
  writeFileSync(join(folder, ".prettierrc.json"), JSON.stringify(options));
  return join(folder, "migration.ts");
}

test.after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A file shaped like a rendered migration around `body`, as the formatter receives it. */
function migrationText(body: string) {
  const wrap = (inner: string) =>
    `import { type Operations, s } from "strata";\n\nexport async function upgrade(op: Operations): Promise<void> {\n${inner}\n}\n`;
  return { source: wrap(body), skeleton: wrap(skeletonBody(body, 0)), bodies: [body] };
}

async function assertSameAsPrettier(body: string, filePath: string, label: string): Promise<void> {
  const text = migrationText(body);
  const expected = await prettier.format(text.source, { ...(await prettier.resolveConfig(filePath)), parser: "babel-ts", filepath: filePath });
  assert.equal(await formatMigration(text, filePath), expected, label);
}

// ---- random statements -------------------------------------------------

type Next = () => number;
const pick = <T>(next: Next, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const between = (next: Next, low: number, high: number) => low + Math.floor(next() * (high - low + 1));

const WORDS = ["id", "name", "users", "created_at", "organization_id", "a", "x", "nullable", "default", "onDelete", "comment", "existingType"];
const CHARACTERS = ["a", "b", "z", " ", "_", "'", '"', "\\", "é", "中", "😀", "\n", "\t", "0", "%"];

function randomString(next: Next): string {
  const length = pick(next, [0, 1, 3, 8, 20, 45, 90]);
  let content = "";
  for (let i = 0; i < length; i++) content += next() < 0.8 ? pick(next, WORDS)[0]! : pick(next, CHARACTERS);
  if (next() < 0.85) return JSON.stringify(content); // what jsLiteral writes
  // A user's renderer may quote with single quotes, and escape a quote that needs no escape.
  const body = content.replace(/[\\'\n\t]/g, (c) => ({ "\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t" })[c]!).replace(/"/g, () => (next() < 0.5 ? '\\"' : '"'));
  return `'${body}'`;
}

function randomNumber(next: Next): string {
  return pick(next, ["0", "1", "42", "1.5", "1.50", "1.0", "0.25", "100", "9007199254740993", "1e21", "1E+21", "2.5e-7", "3e00", "12345678901234567890.123", "7n", "123n"]);
}

function randomExpression(next: Next, depth: number): string {
  const leaf = depth <= 0 || next() < 0.35;
  if (leaf) {
    switch (between(next, 0, 5)) {
      case 0:
      case 1:
        return randomString(next);
      case 2:
        return randomNumber(next);
      case 3:
        return `-${randomNumber(next).replace(/n$/, "")}`;
      case 4:
        return pick(next, ["true", "false", "null", "undefined"]);
      default:
        return `s.${pick(next, ["now", "text", "bigint", "integer"])}()`;
    }
  }
  const list = (count: number) => Array.from({ length: count }, () => randomExpression(next, depth - 1)).join(", ");
  switch (between(next, 0, 5)) {
    case 0: {
      const size = pick(next, [0, 1, 2, 3, 5]);
      const numbers = next() < 0.2;
      return `[${numbers ? Array.from({ length: size * 3 }, () => randomNumber(next).replace(/n$/, "")).join(", ") : list(size)}]`;
    }
    case 1:
    case 2: {
      const size = pick(next, [0, 1, 2, 3, 4]);
      const properties = Array.from({ length: size }, () => `${pick(next, WORDS)}${next() < 0.2 ? pick(next, WORDS) : ""}: ${randomExpression(next, depth - 1)}`);
      return properties.length ? `{ ${properties.join(", ")} }` : "{}";
    }
    case 3:
      return `${pick(next, ["s.column", "s.table", "s.foreignKey", "s.index", "custom", "s.type", "require"])}(${list(pick(next, [0, 1, 2, 3, 4, 6]))})`;
    default:
      return `s.${pick(next, ["varchar", "decimal", "check", "enumValue"])}(${list(pick(next, [1, 2]))})`;
  }
}

function randomBody(next: Next): string {
  const lines: string[] = [];
  const count = between(next, 1, 12);
  for (let i = 0; i < count; i++) {
    const roll = next();
    if (roll < 0.1) lines.push(`// WARNING: this loses data: ${pick(next, WORDS)} ${"x".repeat(between(next, 0, 120))}`);
    else if (roll < 0.15) lines.push("");
    else lines.push(`await op.${pick(next, ["createTable", "addColumn", "alterColumn", "execute", "createIndex"])}(${Array.from({ length: between(next, 0, 5) }, () => randomExpression(next, 3)).join(", ")});`);
  }
  return lines.join("\n");
}

test("random statements of strata's shapes format as Prettier formats them, under every option set", async () => {
  // STRATA_PARITY_SEED and STRATA_PARITY_BODIES run a longer search by hand.
  const next = random(Number(process.env.STRATA_PARITY_SEED ?? 20261207));
  const bodies = Number(process.env.STRATA_PARITY_BODIES ?? 40);
  for (const options of OPTION_SETS) {
    const filePath = projectWith(options);
    assert.ok(layoutOptions({ ...(await prettier.resolveConfig(filePath)) }), `the fast path takes ${JSON.stringify(options)}`);
    for (let i = 0; i < bodies; i++) {
      const body = randomBody(next);
      // The comparison below is only worth something if the fast path really ran.
      assert.ok(parseBody(body), `strata's shapes are read: ${body}`);
      await assertSameAsPrettier(body, filePath, `${JSON.stringify(options)}\n${body}`);
    }
  }
});

test("statements one character either side of the line width format as Prettier formats them", async () => {
  for (const options of OPTION_SETS) {
    const width = Number(options.printWidth ?? 80);
    const body = Array.from({ length: 24 }, (_, i) => {
      const filler = "x".repeat(width - 40 + i);
      return i % 2 ? `await op.addColumn("t", "${filler}");` : `await op.alterColumn("t", { comment: "${filler}", nullable: true });`;
    }).join("\n");
    assert.ok(parseBody(body));
    await assertSameAsPrettier(body, projectWith(options), JSON.stringify(options));
  }
});

test("every op sample formats as Prettier formats it, under every option set", async () => {
  // A batch's or withAlgorithm's callback, an op invoked by its class and a template literal (a function's or trigger's body over
  // several lines) are left to Prettier (see the next test); every other op takes the fast path.
  const outside = (code: string) => code.includes("async (batch) =>") || code.includes("async (op) =>") || code.includes("new ") || code.includes("`");
  const codes = OP_SAMPLES.map((sample) => sample.code);
  assert.is(codes.filter(outside).length, 6);
  const body = ["// commands auto generated by strata - please adjust!", ...codes.filter((code) => !outside(code))].join("\n");
  assert.ok(parseBody(body), "every op's rendering is read");
  for (const options of OPTION_SETS) await assertSameAsPrettier(body, projectWith(options), JSON.stringify(options));
});

test("shapes outside strata's own are left to Prettier, with the same result", async () => {
  const outside = [
    "await op.execute(`SELECT 1\n  FROM t`);",
    'await op.batchAlterTable("t", async (batch) => {\nawait batch.dropColumn("c");\n});',
    'await op.bulkInsert("t", [{ "first name": "a", id: 1 }]);',
    "await op.custom(a.b);",
    "await op.custom(/* why */ 1);",
    "await op.createTable({\n  name: 1 });",
    ...OP_SAMPLES.map((sample) => sample.code).filter((code) => code.includes("async (batch) =>") || code.includes("async (op) =>") || code.includes("new ") || code.includes("`")),
  ];
  for (const body of outside) {
    assert.is(parseBody(body), undefined, body);
    await assertSameAsPrettier(body, projectWith({}), body);
  }
  // Options only Prettier knows what to do with take the whole file to Prettier too.
  assert.is(layoutOptions({ plugins: ["prettier-plugin-x"] }), undefined);
  assert.is(layoutOptions({ requirePragma: true }), undefined);
  assert.is(layoutOptions({ somethingNew: 1 } as never), undefined);
});

test("the initial migrations of the corpus's real schemas format as Prettier formats them", async () => {
  const sqlite = dialectNamed("sqlite")!;
  for (const file of readdirSync(join(CORPUS, "sqlite")).filter((f) => f.endsWith(".sql")).sort()) {
    await withTestDatabase("sqlite", async (db) => {
      await db.run(readFileSync(join(CORPUS, "sqlite", file), "utf8"));
      const connection = await sqlite.connect(db.url);
      try {
        const model = await sqlite.reflect(connection);
        const ctx = new AutogenContext(MigrationContext.configure({ dialect: "sqlite" }), model);
        const upgrade = await compareModels(ctx, new MetaData({ database: model.database }), model);
        const script = new ops.MigrationScript("0123456789ab", upgrade, upgrade.reverse(), { message: file });
        const createdAt = new Date("2026-12-07T00:00:00Z");
        for (const options of [OPTION_SETS[0]!, OPTION_SETS[2]!, OPTION_SETS[4]!]) {
          const filePath = projectWith(options);
          const viaPrettier = await formatSource(renderMigrationSource(script, { createdAt }).source, filePath);
          assert.equal((await renderMigrationFile(script, { createdAt, filePath })).source, viaPrettier, `${file} ${JSON.stringify(options)}`);
        }
      } finally {
        await connection.close();
      }
    });
  }
});

test.run();
