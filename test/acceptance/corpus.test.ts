import { readdirSync, readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { availableDialects, createTestDatabase, type DialectName } from "../support/databases.js";
import { catalogDifferences, readCatalog, type Catalog, type TableCatalog } from "./catalog.js";
import { startInLanes } from "./lanes.js";
import { project } from "./project.js";
import { CORPUS } from "../support/corpus.js";

const test = suite("acceptance: corpus pulled, re-created by migrations, catalogs equal");


/**
 * For every corpus file: load it into database A, `pull` its schema, build
 * database B from nothing with `revision --autogenerate` and `upgrade head`,
 * and compare the two catalogs as the servers' own catalog queries show them.
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
    const expected = normalized(dialect, await readCatalog(original));
    assert.equal(catalogDifferences(expected, normalized(dialect, await readCatalog(copy))), []);
  } finally {
    p.done();
    await original.drop();
    await copy.drop();
  }
}

/**
 * Where the copy may differ from the original without being a different
 * schema, each with its reason. Everything else must match exactly.
 */
function normalized(dialect: DialectName, catalog: Catalog): Catalog {
  const tables = Object.entries(catalog.tables).map(([name, table]): [string, TableCatalog] => {
    if (dialect === "mysql") {
      // InnoDB implements NO ACTION as RESTRICT (MySQL manual, "FOREIGN KEY Constraints"); strata writes the default.
      const constraints = table.constraints.map((c) => c.replaceAll("NO ACTION", "RESTRICT")).sort();
      // InnoDB adds an index for a foreign key that has none, named after the key when the key is
      // named and after its first column when not; strata leaves that index to InnoDB (the model does
      // not hold it), so only its columns are compared.
      const fkColumns = new Set(constraints.flatMap((c) => /: FOREIGN KEY \(([^)]*)\)/.exec(c)?.[1] ?? []));
      const indexes = table.indexes
        .map((i) => {
          const [, cols] = /^[^:]*: BTREE \(([^)]*)\)$/.exec(i) ?? [];
          return cols !== undefined && fkColumns.has(cols) ? `(foreign key index): BTREE (${cols})` : i;
        })
        .sort();
      return [name, { ...table, constraints, indexes }];
    }
    return [name, table];
  });
  return { tables: Object.fromEntries(tables), objects: catalog.objects };
}

test.run();
