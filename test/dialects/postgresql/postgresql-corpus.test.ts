import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import type { MetaData } from "../../../src/model/index.js";
import { withTestDatabase } from "../../support/databases.js";
import { postgresqlAvailable } from "./reflect-support.js";

const test = suite("postgresql corpus");
const CORPUS = "/work/shared/corpus/postgresql";

/**
 * The counts of /work/shared/corpus/README.md, in model terms: the README's
 * "multi-col idx" counts the indexes behind composite primary keys too;
 * its "sequences" are the ones behind identity columns (chinook) and serial
 * columns (mediawiki), which the model folds into their columns, so no
 * Sequence objects remain.
 */
const EXPECTED: Record<string, Counts> = {
  chinook: { tables: 11, primaryKeys: 11, foreignKeys: 11, uniqueIndexes: 0, multiColumnIndexes: 1, partialIndexes: 0, enums: 0, identityColumns: 10, autoincrementColumns: 0, sequences: 0 },
  mediawiki: { tables: 61, primaryKeys: 57, foreignKeys: 0, uniqueIndexes: 22, multiColumnIndexes: 83, partialIndexes: 1, enums: 1, identityColumns: 0, autoincrementColumns: 29, sequences: 0 },
  northwind: { tables: 14, primaryKeys: 14, foreignKeys: 13, uniqueIndexes: 0, multiColumnIndexes: 3, partialIndexes: 0, enums: 0, identityColumns: 0, autoincrementColumns: 0, sequences: 0 },
};

interface Counts {
  tables: number;
  primaryKeys: number;
  foreignKeys: number;
  uniqueIndexes: number;
  multiColumnIndexes: number;
  partialIndexes: number;
  enums: number;
  identityColumns: number;
  autoincrementColumns: number;
  sequences: number;
}

function counts(metadata: MetaData): Counts {
  const tables = [...metadata.tables.values()];
  const indexes = tables.flatMap((t) => t.indexes);
  const columns = tables.flatMap((t) => t.columns);
  return {
    tables: tables.length,
    primaryKeys: tables.filter((t) => t.primaryKey).length,
    foreignKeys: tables.flatMap((t) => t.foreignKeys).length,
    uniqueIndexes: indexes.filter((i) => i.unique).length,
    multiColumnIndexes:
      indexes.filter((i) => i.elements.length > 1).length + tables.filter((t) => (t.primaryKey?.columns.length ?? 0) > 1).length,
    partialIndexes: indexes.filter((i) => i.where !== undefined).length,
    enums: metadata.enums.size,
    identityColumns: columns.filter((c) => c.identity).length,
    autoincrementColumns: columns.filter((c) => c.default?.kind === "autoincrement").length,
    sequences: metadata.sequences.size,
  };
}

if (postgresqlAvailable("postgresql corpus")) {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`${file}.sql loads and reflects with the README's counts, in 7 queries, without warnings`, () =>
      withTestDatabase("postgresql", async (db) => {
        await db.run(readFileSync(`${CORPUS}/${file}.sql`, "utf8"));
        const connection = await postgresqlDialect.connect(db.url);
        try {
          const metadata = await postgresqlDialect.reflect(connection);
          assert.equal(counts(metadata), expected);
          assert.is(connection.queryCount, 7);
          assert.is(metadata.info.reflectionWarnings, undefined);
        } finally {
          await connection.close();
        }
      }),
    );
  }
}

test.run();
