import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { printSchema } from "../../../src/format/index.js";
import type { MetaData } from "../../../src/model/index.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { assertModelsEqual } from "../../support/model-equality.js";
import { MYSQL_DIALECTS, reflectDatabase } from "./mysql-test-support.js";
import { CORPUS, corpusReadmeCounts } from "../../support/corpus.js";

/** The counts ../shared/corpus/README.md states for each MySQL file, as the model sees them. */
function counts(metadata: MetaData): Record<string, number> {
  const tables = [...metadata.tables.values()];
  const columns = tables.flatMap((t) => t.columns);
  const indexes = tables.flatMap((t) => t.indexes);
  const foreignKeys = tables.flatMap((t) => t.foreignKeys);
  // "multi-col idx" counts MySQL keys, the primary key included.
  const keyWidths = tables.flatMap((t) => [
    ...(t.primaryKey ? [t.primaryKey.columns.length] : []),
    ...t.uniqueConstraints.map((u) => u.columns.length),
    ...t.indexes.map((i) => i.elements.length),
  ]);
  const all: Record<string, number> = {
    tables: tables.length,
    PK: tables.filter((t) => t.primaryKey).length,
    FK: foreignKeys.length,
    // Actions other than the default (chinook writes NO ACTION out: the model keeps it, the README does not count it).
    "FK w/ actions": foreignKeys.filter((fk) => [fk.onDelete, fk.onUpdate].some((a) => a && a !== "noAction")).length,
    "unique keys": tables.reduce((n, t) => n + t.uniqueConstraints.length + t.indexes.filter((i) => i.unique).length, 0),
    "multi-col idx": keyWidths.filter((width) => width > 1).length,
    "prefix idx": indexes.filter((i) => i.elements.some((e) => e.kind === "column" && e.length !== undefined)).length,
    FULLTEXT: indexes.filter((i) => i.using === "fulltext").length,
    "ENUM cols": columns.filter((c) => c.type.kind === "enum").length,
    "unsigned cols": columns.filter((c) => c.type.kind === "scalar" && c.type.unsigned).length,
    AUTO_INCREMENT: columns.filter((c) => c.default?.kind === "autoincrement").length,
    views: metadata.views.size,
  };
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
}



const README = Object.fromEntries(
  Object.entries(corpusReadmeCounts("mysql")).map(([file, counts]) => [file.slice(0, -".sql".length), counts]),
);

test("the corpus README lists the three MySQL files", () => {
  assert.equal(Object.keys(README).sort(), ["chinook", "employees", "mediawiki"]);
});

for (const dialect of MYSQL_DIALECTS) {
  for (const [file, expected] of Object.entries(README)) {
    test(`${dialect}: corpus ${file}.sql loads and reflects with the README's counts`, async () => {
      await withTestDatabase("mysql", async (db) => {
        await db.run(readFileSync(`${CORPUS}/mysql/${file}.sql`, "utf8"));
        const { metadata, queries } = await reflectDatabase(db);
        // A feature the README names and counts() does not count shows up in the diff.
        assert.equal(counts(metadata), expected);
        assert.is(metadata.info.reflectionWarnings, undefined);
        assert.is(metadata.enums.size, expected["ENUM cols"] ?? 0);
        assert.is(queries, 9);
      });
    });

    test(`${dialect}: corpus ${file}.sql round trip: reflect, printSchema, compile gives an equal model`, async () => {
      await withTestDatabase("mysql", async (db) => {
        await db.run(readFileSync(`${CORPUS}/mysql/${file}.sql`, "utf8"));
        const { metadata } = await reflectDatabase(db);
        const compiled = compileSchema([{ path: `${file}.schema`, text: printSchema(metadata) }], { env: {} });
        assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
        assertModelsEqual(metadata, compiled.metadata!);
      });
    });
  }

  test(`${dialect}: corpus employees.sql in detail: the ENUM, the FK index InnoDB named after a column, the views`, async () => {
    await withTestDatabase("mysql", async (db) => {
      await db.run(readFileSync(`${CORPUS}/mysql/employees.sql`, "utf8"));
      const { metadata } = await reflectDatabase(db);
      assert.equal(metadata.enums.get("employees_gender")?.values, ["M", "F"]);
      // An unnamed key's index is named after its first column: a copy built from the model needs it under that name.
      assert.is(metadata.tables.get("dept_emp")!.info.implicitForeignKeyIndexes, undefined);
      assert.equal(metadata.tables.get("dept_emp")!.indexes.map((i) => i.name), ["dept_no"]);
      assert.equal([...metadata.views.keys()], ["current_dept_emp", "dept_emp_latest_date"]);
    });
  });
}

test.run();
