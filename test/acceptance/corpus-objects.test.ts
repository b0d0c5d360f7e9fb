/**
 * The corpus of real schemas with functions, procedures, triggers and
 * policies (../shared/corpus-objects): Kea DHCP on MariaDB, calibre on
 * SQLite and the graphile starter on PostgreSQL are loaded as they are,
 * pulled, rebuilt from the pulled schema alone with `revision
 * --autogenerate` and `upgrade head`, and the whole catalogs (read with the
 * servers' own catalog queries: schemas, tables, columns, constraints,
 * indexes, comments, functions, triggers, extensions, RLS flags, policies;
 * privileges are not schema objects, see catalog.ts) must be the same, with
 * no list of accepted differences.
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

interface CorpusFile {
  readonly dialect: DialectName;
  readonly file: string;
  readonly triggers: number;
  readonly routines: number;
  readonly policies?: number;
  /** What the catalog lists beside tables: triggers and routines, and on PostgreSQL schemas, extensions, policies, ... */
  readonly objects: number;
  /** Run first: what the file expects the server to have. */
  readonly setup?: string;
}

/**
 * Graphile's file creates its two roles when they are missing (IF NOT
 * EXISTS); roles belong to the server, so two tests loading it at once could
 * both find one missing. Creating them first, tolerating one that another
 * test made a moment before, leaves the file nothing to create.
 */
const GRAPHILE_ROLES = ["graphile_starter", "graphile_starter_visitor"]
  .map((role) => `DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`)
  .join("\n");

const FILES: readonly CorpusFile[] = [
  { dialect: "mysql", file: "kea_dhcp.sql", triggers: 55, routines: 53, objects: 108 },
  { dialect: "sqlite", file: "calibre.sql", triggers: 40, routines: 0, objects: 40 },
  { dialect: "postgresql", file: "graphile_starter.sql", triggers: 15, routines: 40, policies: 12, objects: 77, setup: GRAPHILE_ROLES },
];

const cases = FILES.filter((f) => availableDialects().includes(f.dialect)).map((f) => ({ ...f, lane: f.dialect, run: () => recreate(f) }));
const outcomes = startInLanes(cases);
cases.forEach(({ dialect, file }, i) => test(`${dialect}/${file}: the copy built from the pulled schema has the same catalog`, outcomes[i]));

async function recreate({ dialect, file, triggers, routines, policies, objects, setup }: CorpusFile): Promise<void> {
  const [original, copy] = [await createTestDatabase(dialect), await createTestDatabase(dialect)];
  const p = project({ "schemas/.keep": "" });
  try {
    const script = readFileSync(`${CORPUS_OBJECTS}/${dialect}/${file}`, "utf8");
    if (setup) await original.run(setup);
    for (const piece of dialect === "mysql" ? clientScriptPieces(script) : [script]) await original.run(piece);
    // A pg_dump empties the session's search_path: the catalog is read under the server's defaults, as the copy's is.
    if (dialect === "postgresql") await original.run("RESET ALL");
    await p.ok(["pull", "--url", original.url, "--out", "schemas/app.schema"]);
    const pulled = p.read("schemas/app.schema");
    assert.is(pulled.match(/^trigger /gm)?.length ?? 0, triggers, "triggers pulled");
    assert.is(pulled.match(/^(function|procedure) /gm)?.length ?? 0, routines, "functions and procedures pulled");
    assert.is(pulled.match(/^policy /gm)?.length ?? 0, policies ?? 0, "policies pulled");
    await p.ok(["check", "--url", original.url]);
    await p.ok(["revision", "--autogenerate", "-m", "from the corpus", "--url", copy.url]);
    await p.ok(["upgrade", "head", "--url", copy.url]);
    await p.ok(["check", "--url", copy.url]);
    const [before, after] = [await readCatalog(original), await readCatalog(copy)];
    assert.is(before.objects.length, objects, "objects beside tables in the original");
    assert.equal(catalogDifferences(before, after), []);
  } finally {
    p.done();
    await original.drop();
    await copy.drop();
  }
}

test.run();
