/**
 * SQLite reflection at scale: builds database files of 100 and 1,000 tables
 * (an AUTOINCREMENT key, several column types and defaults, a UNIQUE
 * constraint, a CHECK, a foreign key, a two-column index and a partial index
 * each), reflects them, and prints the number of catalog queries (which must
 * not grow with the table count) and the time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sqliteDialect } from "../src/dialects/sqlite/sqlite-dialect.js";

function tableDdl(i: number): string {
  const parent = i === 0 ? "" : `,\n    parent_id INTEGER REFERENCES t${i - 1} (id) ON DELETE CASCADE`;
  return `CREATE TABLE t${i} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(255) NOT NULL CONSTRAINT uq_t${i}_email UNIQUE,
    balance DECIMAL(10, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    note TEXT COLLATE NOCASE,
    deleted_at DATETIME,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP${parent}
  );
  CREATE INDEX ix_t${i}_created ON t${i} (created_at DESC, email);
  CREATE INDEX ix_t${i}_live ON t${i} (email) WHERE deleted_at IS NULL;`;
}

async function measure(tableCount: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "strata-bench-"));
  try {
    const connection = await sqliteDialect.connect(`file:${join(dir, "bench.db")}`);
    const built = performance.now();
    const ddl = Array.from({ length: tableCount }, (_, i) => tableDdl(i)).join("\n");
    await connection.execute(`BEGIN; ${ddl}; COMMIT;`);
    const setup = performance.now() - built;
    const before = connection.queryCount;
    const start = performance.now();
    const metadata = await sqliteDialect.reflect(connection);
    const elapsed = performance.now() - start;
    const queries = connection.queryCount - before;
    await connection.close();
    const indexes = [...metadata.tables.values()].reduce((n, t) => n + t.indexes.length, 0);
    const foreignKeys = [...metadata.tables.values()].reduce((n, t) => n + t.foreignKeys.length, 0);
    if (metadata.tables.size !== tableCount) throw new Error(`reflected ${metadata.tables.size} of ${tableCount} tables`);
    if (indexes !== 2 * tableCount || foreignKeys !== tableCount - 1) throw new Error(`reflected ${indexes} indexes and ${foreignKeys} foreign keys`);
    console.log(
      `${String(tableCount).padStart(5)} tables: ${queries} queries, ` +
        `reflect ${elapsed.toFixed(0)} ms (${(elapsed / tableCount).toFixed(2)} ms/table); setup ${(setup / 1000).toFixed(1)} s`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  for (const count of [100, 1000]) await measure(count);
}
