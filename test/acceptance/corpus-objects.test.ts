/**
 * The corpus of real schemas with functions, procedures and triggers
 * (../shared/corpus-objects): Kea DHCP on MariaDB and calibre on SQLite are
 * loaded, pulled, rebuilt from the pulled schema alone with
 * `revision --autogenerate` and `upgrade head`, and every function,
 * procedure and trigger of the two catalogs (read with the servers' own
 * catalog queries) must be the same, with no list of accepted differences.
 * Their tables are the table-fidelity work's (integer display widths, NO
 * ACTION, SQLite's INTEGER PRIMARY KEY and virtual tables): the whole
 * catalog is compared once that lands.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { clientScriptPieces } from "../support/client-script.js";
import { availableDialects, createTestDatabase, type DialectName } from "../support/databases.js";
import { catalogDifferences, readCatalog } from "./catalog.js";
import { startInLanes } from "./lanes.js";
import { project } from "./project.js";

const test = suite("acceptance: corpus with routines and triggers pulled, re-created, catalogs equal");

const CORPUS_OBJECTS = process.env.STRATA_CORPUS_OBJECTS ?? fileURLToPath(new URL("../../../shared/corpus-objects", import.meta.url));

const FILES: ReadonlyArray<{ dialect: DialectName; file: string; triggers: number; routines: number }> = [
  { dialect: "mysql", file: "kea_dhcp.sql", triggers: 55, routines: 53 },
  { dialect: "sqlite", file: "calibre.sql", triggers: 40, routines: 0 },
];

const cases = FILES.filter((f) => availableDialects().includes(f.dialect)).map((f) => ({ ...f, lane: f.dialect, run: () => recreate(f) }));
const outcomes = startInLanes(cases);
cases.forEach(({ dialect, file }, i) => test(`${dialect}/${file}: the copy built from the pulled schema has the same catalog`, outcomes[i]));

async function recreate({ dialect, file, triggers, routines }: (typeof FILES)[number]): Promise<void> {
  const [original, copy] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
  const p = project({ "schemas/.keep": "" });
  try {
    const script = readFileSync(`${CORPUS_OBJECTS}/${dialect}/${file}`, "utf8");
    for (const piece of dialect === "mysql" ? clientScriptPieces(script) : [script]) await original.run(piece);
    await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
    const pulled = p.read("schemas/app.schema");
    assert.is(pulled.match(/^trigger /gm)?.length ?? 0, triggers, "triggers pulled");
    assert.is(pulled.match(/^(function|procedure) /gm)?.length ?? 0, routines, "functions and procedures pulled");
    await p.ok(["check", "--url", original.url]);
    await p.ok(["revision", "--autogenerate", "-m", "from the corpus", "--url", copy.url]);
    await p.ok(["upgrade", "head", "--url", copy.url]);
    await p.ok(["check", "--url", copy.url]);
    const [before, after] = [await readCatalog(original), await readCatalog(copy)];
    assert.is(before.objects.length, triggers + routines, "functions, procedures and triggers in the original");
    assert.equal(catalogDifferences(before, after), []);
  } finally {
    p.done();
    await original.drop();
    await copy.drop();
  }
}

test.run();
