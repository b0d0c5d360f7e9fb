import { readdirSync, readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, createTestDatabase, type DialectName } from "../support/databases.js";
import { CORPUS } from "../support/corpus.js";
import { startInLanes } from "./lanes.js";
import { project } from "./project.js";

const test = suite("acceptance: no false alarm on the corpus's initial migrations");

/**
 * A real schema's first migration creates tables, their indexes and keys,
 * all on tables nobody uses yet: neither the generated file, nor lint, nor
 * upgrade may call any of it a hazard.
 */
const cases = availableDialects().flatMap((dialect) =>
  readdirSync(`${CORPUS}/${dialect}`)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((file) => ({ dialect, file, lane: dialect, run: () => lintInitial(dialect, file) })),
);
const outcomes = startInLanes(cases);
cases.forEach(({ dialect, file }, i) => test(`${dialect}/${file}: the initial migration has no hazard`, outcomes[i]));

async function lintInitial(dialect: DialectName, file: string): Promise<void> {
  const [original, copy] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
  const p = project({ "schemas/.keep": "" });
  try {
    await original.run(readFileSync(`${CORPUS}/${dialect}/${file}`, "utf8"));
    await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
    const written = await p.ok(["revision", "--autogenerate", "-m", "initial", "--url", copy.url]);
    assert.not.match(written.err, "hazard:");
    assert.not.match(p.read(`migrations/${p.migrations()[0]}`), "HAZARD");
    const linted = await p.ok(["lint", "--url", copy.url]);
    assert.is(linted.out, "1 migration checked: 0 hazards (0 high, 0 medium, 0 low), 0 data losses");
    const upgraded = await p.ok(["upgrade", "head", "--url", copy.url]);
    assert.not.match(upgraded.err, "hazard:");
  } finally {
    p.done();
    await original.drop();
    await copy.drop();
  }
}

test.run();
