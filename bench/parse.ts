/**
 * Parse + model build of generated 1,000- and 10,000-table schemas (PostgreSQL
 * dialect, every table with a dozen columns, a foreign key, an index, a
 * unique constraint and a check). Prints wall and CPU time, schema lines per
 * second, memory right after, and what the model retains; the target is
 * 200,000 lines a second with memory linear in the schema's size.
 * `npx tsx bench/parse.ts` runs it alone.
 */
import { cpus, loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { tokenize } from "../grammar/lexer.js";
import { parseTokens } from "../grammar/parser.js";
import { buildModel } from "../src/parse/build-model.js";
import { DiagnosticBag } from "../src/parse/diagnostic.js";
import { compileSchema } from "../src/parse/index.js";
import { parseSchemaFile } from "../src/parse/parse-file.js";
import { declarationsOf } from "../src/parse/schema-declarations.js";

export function generateSchema(tables: number): string {
  const out = ['database {\n  dialect = "postgresql"\n  url     = env("DATABASE_URL")\n}\n', "enum Status { active suspended closed }\n"];
  for (let i = 0; i < tables; i++) {
    const ref = i > 0 ? `  parent_id  bigint?        @references(t${i - 1}.id, onDelete: cascade)\n` : "  parent_id  bigint?\n";
    out.push(
      `// table number ${i}\n` +
        `table t${i} {\n` +
        "  id         bigserial      @id\n" +
        ref +
        "  name       varchar(200)   @unique\n" +
        '  email      text?          @comment("contact address")\n' +
        "  status     Status         @default(active)\n" +
        "  balance    decimal(12, 2) @default(0) @check(sql(\"balance >= 0\"))\n" +
        "  score      double?\n" +
        "  active     boolean        @default(true)\n" +
        "  tags       text[]?\n" +
        "  data       jsonb?\n" +
        "  created_at timestamptz    @default(now())\n" +
        "  updated_at timestamptz?\n" +
        "\n" +
        "  @@index([parent_id, created_at(sort: desc)])\n" +
        '  @@index([email], where: sql("email is not null"), name: "ix_t' + i + '_email")\n' +
        "  @@unique([name, email])\n" +
        "}\n",
    );
  }
  return out.join("\n");
}

/** A collector we can call between measurements (the flag is set at run time, so plain `tsx` works). */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function measure(tables: number, gc: () => void): void {
  const text = generateSchema(tables);
  const lines = text.split("\n").length;
  gc();
  const base = process.memoryUsage();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = compileSchema([{ path: "bench.schema", text }], { env: {} });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // Parsing is synchronous, so nothing can sample during it: the high-water
  // mark is read right after, before a collection, with all garbage still in.
  const after = process.memoryUsage();
  gc();
  const retained = process.memoryUsage().heapUsed - base.heapUsed;
  if (!result.metadata || result.metadata.tables.size !== tables) throw new Error(`bench schema did not compile: ${result.diagnostics[0]?.message}`);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const rate = (t: number) => Math.round(lines / (t / 1000)).toLocaleString("en-US");
  console.log(
    `parse+build ${String(tables).padStart(6)} tables, ${String(lines).padStart(7)} lines: ` +
      `${ms.toFixed(0)} ms wall (${rate(ms)} lines/s), ${cpuMs.toFixed(0)} ms cpu (${rate(cpuMs)} lines/s); ` +
      `rss ${mb(after.rss)} MB, heap +${mb(after.heapUsed - base.heapUsed)} MB before gc, ` +
      `model retained ${mb(retained)} MB (${(retained / lines).toFixed(0)} bytes/line)`,
  );
}

/**
 * Where the time of one compile goes: lexing, parsing (tokens → syntax tree),
 * building the model. Best of five, each after a collection: one shot right
 * after the 10,000-table run mostly measured that run's garbage.
 */
function phases(tables: number, gc: () => void): void {
  const text = generateSchema(tables);
  const best = { lex: Infinity, parse: Infinity, build: Infinity };
  const cpu = <T>(phase: keyof typeof best, f: () => T): T => {
    gc();
    const start = process.cpuUsage();
    const result = f();
    const used = process.cpuUsage(start);
    best[phase] = Math.min(best[phase], (used.user + used.system) / 1000);
    return result;
  };
  for (let i = 0; i < 5; i++) {
    const lexed = cpu("lex", () => tokenize(text));
    cpu("parse", () => parseTokens(lexed.stream, () => {}));
    const bag = new DiagnosticBag([{ path: "bench.schema", text }]);
    const file = parseSchemaFile("bench.schema", text, bag)!;
    cpu("build", () => buildModel(declarationsOf([file]), bag, {}));
  }
  const sum = best.lex + best.parse + best.build;
  const lines = text.split("\n").length;
  console.log(
    `  ${tables} tables by phase (cpu, best of 5): lex ${best.lex.toFixed(0)} ms, parse ${best.parse.toFixed(0)} ms, ` +
      `build ${best.build.toFixed(0)} ms; sum ${sum.toFixed(0)} ms (${Math.round(lines / (sum / 1000)).toLocaleString("en-US")} lines/s)`,
  );
}

/** A fixed amount of plain arithmetic, so numbers from a slow or busy machine can be scaled. */
function reference(): void {
  const start = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < 1e8; i++) sum += i * 0.5;
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  console.log(`reference: 1e8 floating-point additions took ${ms.toFixed(0)} ms cpu (about 100 ms on a current laptop core)${Number.isFinite(sum) ? "" : "!"}`);
}

export async function run(): Promise<void> {
  const gc = collector();
  // Timings on a shared machine are only comparable with its load in view.
  console.log(`${cpus().length} cpus, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  reference();
  // Warm up the parser and the JIT on a small schema first, as a long-running tool would be.
  compileSchema([{ path: "warmup.schema", text: generateSchema(200) }], { env: {} });
  // Three runs of the smaller schema: on a shared machine the spread says as much as the numbers.
  for (let i = 0; i < 3; i++) measure(1_000, gc);
  measure(10_000, gc);
  phases(1_000, gc);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
