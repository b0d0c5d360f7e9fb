import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compareMetadata, MigrationContext } from "../../../src/compare/index.js";
import type { DatabaseConnection } from "../../../src/dialects/dialect.js";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import { printSchema } from "../../../src/format/index.js";
import type { MetaData } from "../../../src/model/index.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { assertModelsEqual } from "../../support/model-equality.js";
import { postgresqlAvailable } from "./reflect-support.js";
import { CORPUS, corpusReadmeCounts } from "../../support/corpus.js";

const test = suite("postgresql corpus");

/**
 * The counts ../shared/corpus/README.md states, as the model sees them.
 * "multi-col idx" counts the indexes behind composite keys too; "sequences"
 * counts those behind identity and serial columns, which the model folds
 * into their columns (so they are not Sequence objects).
 */
function counts(metadata: MetaData): Record<string, number> {
  const tables = [...metadata.tables.values()];
  const columns = tables.flatMap((t) => t.columns);
  const indexes = tables.flatMap((t) => t.indexes);
  const identity = columns.filter((c) => c.identity).length;
  const serial = columns.filter((c) => c.default?.kind === "autoincrement").length;
  const keyWidths = tables.flatMap((t) => [
    ...(t.primaryKey ? [t.primaryKey.columns.length] : []),
    ...t.uniqueConstraints.map((u) => u.columns.length),
    ...t.indexes.map((i) => i.elements.length),
  ]);
  const all: Record<string, number> = {
    tables: tables.length,
    schemas: metadata.schemas.length,
    PK: tables.filter((t) => t.primaryKey).length,
    FK: tables.flatMap((t) => t.foreignKeys).length,
    "unique idx": indexes.filter((i) => i.unique).length,
    "multi-col idx": keyWidths.filter((w) => w > 1).length,
    "partial idx": indexes.filter((i) => i.where !== undefined).length,
    enums: metadata.enums.size,
    sequences: metadata.sequences.size + identity + serial,
    "identity cols": identity,
    "nextval defaults": serial + columns.filter((c) => c.default?.kind === "sql" && c.default.sql.startsWith("nextval(")).length,
  };
  // Only what is non-zero, as the README lists only the features a file has.
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
}


const README = Object.fromEntries(
  Object.entries(corpusReadmeCounts("postgresql")).map(([file, counts]) => [file.slice(0, -".sql".length), counts]),
);

/** Loads a corpus file into a fresh database and hands over a connection to it. */
function withCorpusDatabase<T>(file: string, fn: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
  return withTestDatabase("postgresql", async (db) => {
    await db.run(readFileSync(`${CORPUS}/postgresql/${file}.sql`, "utf8"));
    const connection = await postgresqlDialect.connect(db.url);
    try {
      return await fn(connection);
    } finally {
      await connection.close();
    }
  });
}

test("the corpus README lists the three PostgreSQL files", () => {
  assert.equal(Object.keys(README).sort(), ["chinook", "mediawiki", "northwind"]);
});

if (postgresqlAvailable("postgresql corpus")) {
  for (const [file, expected] of Object.entries(README)) {
    test(`${file}.sql loads and reflects with the README's counts, in 13 queries, without warnings`, () =>
      withCorpusDatabase(file, async (connection) => {
        const metadata = await postgresqlDialect.reflect(connection);
        // A feature the README names and counts() does not count shows up in the diff.
        assert.equal(counts(metadata), expected);
        assert.is(connection.queryCount, 13);
        assert.is(metadata.info.reflectionWarnings, undefined);
      }),
    );

    test(`${file}.sql round trip: reflect, printSchema, compile gives an equal model and no diff`, () =>
      withCorpusDatabase(file, async (connection) => {
        const metadata = await postgresqlDialect.reflect(connection);
        const text = printSchema(metadata);
        const compiled = compileSchema([{ path: `${file}.schema`, text }], { env: {} });
        assert.ok(compiled.metadata, formatDiagnostics(compiled.diagnostics));
        assertModelsEqual(metadata, compiled.metadata!);
        assert.equal(await compareMetadata(MigrationContext.configure({ connection }), compiled.metadata!), []);
      }),
    );
  }
}

test.run();
