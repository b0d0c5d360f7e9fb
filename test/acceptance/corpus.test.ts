import { readdirSync, readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, createTestDatabase, type DialectName } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { startInLanes } from "./lanes.js";
import { project } from "./project.js";
import { CORPUS } from "../support/corpus.js";

const test = suite("acceptance: corpus pulled, re-created by migrations, catalogs equal");

/**
 * For every corpus file: load it into database A, `pull` its schema, build
 * database B from nothing with `revision --autogenerate` and `upgrade head`,
 * and compare the two catalogs as the servers' own catalog queries show them,
 * with no accepted differences.
 */
const cases = availableDialects().flatMap((dialect) =>
  readdirSync(`${CORPUS}/${dialect}`)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((file) => ({ dialect, file, lane: dialect, run: () => recreate(dialect, file) })),
);
const outcomes = startInLanes(cases);
cases.forEach(({ dialect, file }, i) =>
  test(
    `${dialect}/${file}: the migrated copy has the original's tables, columns, keys, constraints and indexes`,
    outcomes[i],
  ),
);

async function recreate(dialect: DialectName, file: string): Promise<void> {
  const [original, copy] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
  const p = project({ "schemas/.keep": "" });
  try {
    await original.run(readFileSync(`${CORPUS}/${dialect}/${file}`, "utf8"));
    await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
    await p.ok(["revision", "--autogenerate", "-m", "from the corpus", "--url", copy.url]);
    await p.ok(["upgrade", "head", "--url", copy.url]);
    await p.ok(["check", "--url", copy.url]);
    assert.equal(catalogDifferences(await readCatalog(original), await readCatalog(copy)), []);
  } finally {
    p.done();
    await original.drop();
    await copy.drop();
  }
}

test.run();
