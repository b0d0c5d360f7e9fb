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
import { declarationStretches, parseStretch } from "../grammar/parser.js";
import type { MetaData } from "../src/model/index.js";
import { compileSchema } from "../src/parse/index.js";

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

interface Run {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function compileOnce(text: string, tables: number, keep: (model: MetaData) => void = () => {}): Run {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const result = compileSchema([{ path: "bench.schema", text }], { env: {} });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  if (!result.metadata || result.metadata.tables.size !== tables) throw new Error(`bench schema did not compile: ${result.diagnostics[0]?.message}`);
  keep(result.metadata);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * One schema size: a first compile right after a collection (with the
 * memory it leaves), then more back to back, as a watch mode or an editor
 * compiles. On a shared machine the spread says as much as the numbers:
 * best and median are printed. CPU time counts the collector's helper
 * threads too, so it can exceed wall time.
 */
function measure(tables: number, runs: number, gc: () => void): void {
  const text = generateSchema(tables);
  const lines = text.split("\n").length;
  gc();
  const base = process.memoryUsage();
  const kept: MetaData[] = [];
  const all = [compileOnce(text, tables, (m) => kept.push(m))];
  // Compiling is synchronous, so nothing can sample during it: the high-water
  // mark is read right after, before a collection, with all garbage still in.
  const after = process.memoryUsage();
  // What the model keeps alive: the heap with it, less the heap without it
  // (two collections each: one can leave garbage that a finished sweep then counts).
  const settledHeap = () => (gc(), gc(), process.memoryUsage().heapUsed);
  const withModel = settledHeap();
  kept.length = 0;
  const retained = withModel - settledHeap();
  for (let i = 1; i < runs; i++) all.push(compileOnce(text, tables));
  const sorted = (key: keyof Run) => all.map((r) => r[key]).sort((a, b) => a - b);
  const wall = sorted("wallMs");
  const cpu = sorted("cpuMs");
  const median = (xs: number[]) => xs[xs.length >> 1];
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const rate = (ms: number) => Math.round(lines / (ms / 1000)).toLocaleString("en-US");
  console.log(
    `parse+build ${String(tables).padStart(6)} tables, ${String(lines).padStart(7)} lines, ${runs} runs: ` +
      `wall best ${wall[0].toFixed(0)} ms (${rate(wall[0])} lines/s), median ${median(wall).toFixed(0)} ms (${rate(median(wall))} lines/s), ` +
      `first ${all[0].wallMs.toFixed(0)} ms; cpu best ${cpu[0].toFixed(0)} ms (${rate(cpu[0])} lines/s), median ${median(cpu).toFixed(0)} ms`,
  );
  console.log(
    `${" ".repeat(12)}rss ${mb(after.rss)} MB after the first, heap +${mb(after.heapUsed - base.heapUsed)} MB before gc, ` +
      `model retained ${mb(retained)} MB (${(retained / lines).toFixed(0)} bytes/line)`,
  );
}

/**
 * Where the time of one compile goes, CPU best of five back to back: lexing,
 * parsing declaration by declaration (trees dropped), and the whole
 * compile; the rest of it is building the model and collecting garbage
 * (compile builds each table as soon as it is parsed, so the two are not
 * timed apart).
 */
function phases(tables: number): void {
  const text = generateSchema(tables);
  const best = { lex: Infinity, parse: Infinity, compile: Infinity };
  const cpu = <T>(phase: keyof typeof best, f: () => T): T => {
    const start = process.cpuUsage();
    const result = f();
    const used = process.cpuUsage(start);
    best[phase] = Math.min(best[phase], (used.user + used.system) / 1000);
    return result;
  };
  for (let i = 0; i < 5; i++) {
    const { stream } = cpu("lex", () => tokenize(text));
    const stretches = declarationStretches(stream);
    cpu("parse", () => stretches.forEach((s) => parseStretch(stream, s)));
    cpu("compile", () => compileSchema([{ path: "bench.schema", text }], { env: {} }));
  }
  const rest = best.compile - best.lex - best.parse;
  console.log(
    `  ${tables} tables by phase (cpu, best of 5): lex ${best.lex.toFixed(0)} ms, parse ${best.parse.toFixed(0)} ms, ` +
      `build and garbage collection ${rest.toFixed(0)} ms; compile ${best.compile.toFixed(0)} ms`,
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
  // Warm the parser and the JIT first, as in a long-running tool.
  const warmup = generateSchema(1_000);
  for (let i = 0; i < 3; i++) compileSchema([{ path: "warmup.schema", text: warmup }], { env: {} });
  measure(1_000, 9, gc);
  measure(10_000, 3, gc);
  phases(1_000);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
