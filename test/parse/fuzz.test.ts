import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatSchema } from "../../src/format/index.js";
import { compileSchema, type Diagnostic } from "../../src/parse/index.js";
import { modelDifferences } from "../support/model-equality.js";
import { mutate } from "../support/mutate.js";
import { random } from "../support/random.js";

/**
 * Mutates valid schemas thousands of times (delete, duplicate and swap
 * tokens, insert random bytes) and checks that only located diagnostics come
 * out: no crash, no hang, no diagnostic without a real position. Mutants that
 * still format must format idempotently, and those that compile must compile
 * to the same model after fmt. Seeded: set STRATA_FUZZ_SEED to replay.
 */
const SEED = Number(process.env.STRATA_FUZZ_SEED ?? Date.now() % 1_000_000_007);
const ITERATIONS = Number(process.env.STRATA_FUZZ_ITERATIONS ?? 2000);
const SLOW_MS = 1000;
/** On a busy machine the run stops early rather than slow the suite down (it says how far it got). */
const BUDGET_MS = Number(process.env.STRATA_FUZZ_BUDGET_MS ?? 15_000);

const SOURCES = [
  "schemas/app.schema",
  ...readdirSync("test/fixtures/schemas").map((f) => `test/fixtures/schemas/${f}`),
].map((path) => readFileSync(path, "utf8"));

function checkLocated(diagnostics: readonly Diagnostic[], text: string): void {
  const lines = text.split(/\r?\n/).length;
  for (const d of diagnostics) {
    const ok =
      Number.isInteger(d.line) && Number.isInteger(d.column) && d.line >= 1 && d.column >= 1 && d.line <= lines && d.message.length > 0;
    if (!ok) throw new Error(`unlocated diagnostic ${JSON.stringify(d)}`);
  }
}

test(`fuzz: ${ITERATIONS} mutants of the test schemas give located diagnostics only (seed ${SEED})`, () => {
  const rand = random(SEED);
  let compiled = 0;
  let formatted = 0;
  // The parsers are built at the first parse and the first compile warms the JIT: neither is a mutant's time.
  compileSchema([{ path: "warm-up.schema", text: SOURCES[0] }], { env: {} });
  const started = performance.now();
  let ran = 0;
  for (let i = 0; i < ITERATIONS && performance.now() - started < BUDGET_MS; i++, ran++) {
    const source = SOURCES[i % SOURCES.length];
    const text = mutate(source, rand);
    const mutantStarted = performance.now();
    try {
      const result = compileSchema([{ path: "fuzz.schema", text }], { env: {} });
      checkLocated(result.diagnostics, text);
      if (result.metadata) {
        assert.is(result.diagnostics.length, 0);
        compiled++;
      } else assert.ok(result.diagnostics.length > 0, "no model and no diagnostic");
      const fmt = formatSchema(text, "fuzz.schema");
      checkLocated(fmt.diagnostics, text);
      if (fmt.text !== undefined) {
        formatted++;
        assert.is(formatSchema(fmt.text, "fuzz.schema").text, fmt.text, "fmt is idempotent");
        if (result.metadata) {
          const again = compileSchema([{ path: "fuzz.schema", text: fmt.text }], { env: {} });
          assert.ok(again.metadata, "a compiling schema still compiles after fmt");
          assert.equal(modelDifferences(result.metadata, again.metadata!), []);
        }
      }
    } catch (error) {
      throw new Error(`fuzz failure (seed ${SEED}, iteration ${i}; replay with STRATA_FUZZ_SEED=${SEED}):\n${(error as Error).stack}\n--- mutant ---\n${text}`);
    }
    const elapsed = performance.now() - mutantStarted;
    if (elapsed > SLOW_MS) throw new Error(`fuzz: iteration ${i} took ${elapsed.toFixed(0)} ms (seed ${SEED})\n--- mutant ---\n${text}`);
  }
  if (ran < ITERATIONS) console.log(`fuzz: time budget reached after ${ran} of ${ITERATIONS} mutants (seed ${SEED})`);
  // The mutations must exercise both sides: some mutants still compile, most do not.
  assert.ok(ran >= 200, `only ${ran} mutants in ${BUDGET_MS} ms`);
  assert.ok(compiled > 0 && compiled < ran, `compiled ${compiled} of ${ran}`);
  assert.ok(formatted > 0, "some mutants still format");
});

test.run();
