/**
 * What a SQLite table rebuild costs: one ALTER COLUMN (NOT NULL) on a table
 * of 10,000 and 100,000 rows with an index, a child table and a trigger,
 * run the way the runtime runs it (foreign keys off, one transaction).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sqliteDialect } from "../src/dialects/sqlite/sqlite-dialect.js";
import { scalarType } from "../src/model/index.js";
import { AlterColumnOp } from "../src/ops/alter-column-op.js";
import { executeStatement } from "../src/runtime/execute-statement.js";
import { liveDdlContext } from "../src/runtime/live-ddl-context.js";

export async function run(): Promise<void> {
  for (const rows of [10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), "strata-bench-"));
    const connection = await sqliteDialect.connect(`file:${join(dir, "bench.db")}`);
    try {
      await connection.execute(`
        CREATE TABLE parent (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(100));
        CREATE INDEX ix_label ON parent (label);
        CREATE TABLE child (id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);
        CREATE TABLE log (what TEXT);
        CREATE TRIGGER logged AFTER INSERT ON parent BEGIN INSERT INTO log VALUES (new.label); END;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
        INSERT INTO parent SELECT i, 'label ' || i FROM n;
        INSERT INTO child SELECT id, id FROM parent;`);
      const op = new AlterColumnOp("parent", "label", { modifyNullable: { from: true, to: false }, existingType: scalarType("varchar", [100]) });
      const { ddl } = sqliteDialect;
      const started = performance.now();
      for (const s of ddl.boundary.beforeBegin) await executeStatement(connection, s);
      await connection.execute("BEGIN IMMEDIATE");
      const statements = await ddl.compile(op, liveDdlContext(connection));
      const compiled = performance.now();
      for (const s of [...statements, ...ddl.boundary.beforeCommit]) await executeStatement(connection, s);
      await connection.execute("COMMIT");
      for (const s of ddl.boundary.afterEnd) await executeStatement(connection, s);
      const total = performance.now() - started;
      console.log(
        `rebuild of ${rows.toLocaleString("en")} rows (+ as many children): ${total.toFixed(0)} ms total, ` +
          `${(compiled - started).toFixed(1)} ms to reflect and compile, ${statements.length} statements`,
      );
    } finally {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
