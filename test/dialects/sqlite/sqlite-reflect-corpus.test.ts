import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { MetaData, Table } from "../../../src/model/index.js";
import { reflectSql } from "./reflect-sql.js";
import { CORPUS, corpusReadmeCounts } from "../../support/corpus.js";

/**
 * Every SQLite corpus file loads and reflects with the counts the corpus
 * README states for it. The README row is parsed, so a feature this test
 * cannot count fails instead of being skipped.
 */

// Only a primary key declared exactly `INTEGER` is the rowid (`INTEGER UNSIGNED` is not).
const isRowidAlias = (t: Table) => {
  const type = t.primaryKey?.columns.length === 1 ? t.column(t.primaryKey.columns[0])?.type : undefined;
  return type?.kind === "scalar" && type.name === "integer" && !type.unsigned;
};
const all = <T>(md: MetaData, pick: (t: Table) => readonly T[]) => [...md.tables.values()].flatMap(pick);

const COUNTERS: Readonly<Record<string, (md: MetaData) => number>> = {
  tables: (md) => md.tables.size,
  "composite PK tables": (md) => all(md, (t) => ((t.primaryKey?.columns.length ?? 0) > 1 ? [t] : [])).length,
  FK: (md) => all(md, (t) => t.foreignKeys).length,
  CHECK: (md) => all(md, (t) => t.checkConstraints).length,
  // SQLite makes an autoindex for each UNIQUE constraint and each primary key that is not the rowid.
  "autoindexes (UNIQUE/PK)": (md) =>
    all(md, (t) => (t.primaryKey && !isRowidAlias(t) ? [t] : [])).length + all(md, (t) => t.uniqueConstraints).length,
  // The README counts the indexes behind multi-column primary keys and UNIQUE constraints too.
  "multi-col idx": (md) =>
    all(md, (t) => t.indexes.filter((i) => i.elements.length > 1)).length +
    all(md, (t) => ((t.primaryKey?.columns.length ?? 0) > 1 ? [t] : [])).length +
    all(md, (t) => t.uniqueConstraints.filter((u) => u.columns.length > 1)).length,
  "unique idx": (md) => all(md, (t) => t.indexes.filter((i) => i.unique)).length,
  AUTOINCREMENT: (md) => all(md, (t) => t.columns.filter((c) => c.default?.kind === "autoincrement")).length,
  views: (md) => md.views.size,
};

function expectedCounts(file: string): Record<string, number> {
  const counts = corpusReadmeCounts("sqlite")[file];
  if (!counts) throw new Error(`the corpus README has no row for sqlite/${file}`);
  return counts;
}

const files = readdirSync(`${CORPUS}/sqlite`).filter((f) => f.endsWith(".sql")).sort();

test("the corpus has the three SQLite files the README describes", () => {
  assert.equal(files, ["chinook.sql", "mediawiki.sql", "northwind.sql"]);
});

for (const file of files) {
  test(`corpus sqlite/${file} reflects with the README's counts`, async () => {
    const expected = expectedCounts(file);
    const { metadata, queries } = await reflectSql(readFileSync(`${CORPUS}/sqlite/${file}`, "utf8"));
    const actual: Record<string, number> = {};
    for (const feature of Object.keys(expected)) {
      const count = COUNTERS[feature];
      if (!count) throw new Error(`no counter for the README feature "${feature}"`);
      actual[feature] = count(metadata);
    }
    assert.equal(actual, expected);
    assert.is(queries, 4);
  });
}

test("corpus details: Chinook's named composite key, Northwind's checks and bracketed view names", async () => {
  const chinook = await reflectSql(readFileSync(`${CORPUS}/sqlite/chinook.sql`, "utf8"));
  assert.equal(chinook.metadata.tables.get("PlaylistTrack")!.primaryKey!.name, "PK_PlaylistTrack");
  assert.equal(chinook.metadata.tables.get("Invoice")!.column("Total")!.type, { kind: "scalar", name: "decimal", args: [10, 2], declared: "NUMERIC(10,2)" });
  const northwind = await reflectSql(readFileSync(`${CORPUS}/sqlite/northwind.sql`, "utf8"));
  assert.equal(
    northwind.metadata.tables.get("Order Details")!.checkConstraints.map((c) => c.expression),
    ["[Discount]>=(0) AND [Discount]<=(1)", "[Quantity]>(0)", "[UnitPrice]>=(0)"],
  );
  assert.ok(northwind.metadata.views.get("Current Product List")!.definition.startsWith("SELECT ProductID,"));
});

test.run();
