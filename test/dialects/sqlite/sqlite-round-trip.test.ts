import { readdirSync, readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { printSchema } from "../../../src/format/index.js";
import { compileSchema, formatDiagnostics } from "../../../src/parse/index.js";
import type { MetaData } from "../../../src/model/index.js";
import { assertModelsEqual } from "../../support/model-equality.js";
import { reflectSql } from "./reflect-sql.js";
import { CORPUS as CORPUS_ROOT } from "../../support/corpus.js";

const CORPUS = `${CORPUS_ROOT}/sqlite`;

/**
 * Round trip: a SQLite database loaded from real DDL, reflected, written as
 * `.schema` (what `strata pull` does) and compiled gives the model reflection
 * read, field by field.
 */
function compilePulled(metadata: MetaData, path: string): MetaData {
  const text = printSchema(metadata);
  const result = compileSchema([{ path, text }], { env: {} });
  if (!result.metadata) assert.unreachable(`the pulled schema does not compile:\n${formatDiagnostics(result.diagnostics)}`);
  return result.metadata!;
}


for (const file of readdirSync(CORPUS).filter((f) => f.endsWith(".sql")).sort()) {
  test(`corpus sqlite/${file}: reflect → printSchema → compile gives the same model`, async () => {
    const { metadata } = await reflectSql(readFileSync(`${CORPUS}/${file}`, "utf8"));
    assertModelsEqual(metadata, compilePulled(metadata, `${file}.schema`));
  });
}

test("every feature SQLite reflection reads survives the round trip", async () => {
  const { metadata } = await reflectSql(`
    CREATE TABLE "Parent Table" ("Id" INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL COLLATE NOCASE, UNIQUE (code));
    CREATE TABLE child (
      id INTEGER CONSTRAINT pk_child PRIMARY KEY,
      parent_id INTEGER CONSTRAINT fk_parent REFERENCES "Parent Table" ("Id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
      qty INTEGER UNSIGNED NOT NULL DEFAULT 1 CHECK (qty > 0),
      price DECIMAL(10, 2) DEFAULT -1.5,
      total REAL GENERATED ALWAYS AS (qty * price) STORED,
      label TEXT AS (upper(note)),
      note NVARCHAR(40) DEFAULT 'it''s',
      raw,
      seen DATETIME DEFAULT CURRENT_TIMESTAMP,
      at DATETIME(6) DEFAULT (strftime('%s', 'now')),
      flag BOOLEAN NOT NULL DEFAULT FALSE,
      data BLOB,
      CONSTRAINT ck_pair CHECK (qty < 100 OR price IS NULL),
      CONSTRAINT uq_note UNIQUE (note, qty)
    );
    CREATE INDEX ix_child ON child (parent_id, qty DESC);
    CREATE UNIQUE INDEX ix_live ON child (note) WHERE note IS NOT NULL;
    CREATE INDEX ix_expr ON child (lower(note), qty + 1);
    CREATE VIEW "Child View" AS SELECT id, note FROM child WHERE qty > 1;
  `);
  assertModelsEqual(metadata, compilePulled(metadata, "features.schema"));
});

test.run();
