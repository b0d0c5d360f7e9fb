import type { DatabaseConnection } from "../dialects/dialect.js";
import { resolveTarget, type LoadedMigration, type RevisionGraph } from "../revisions/index.js";
import { fileChecksum } from "./migration-file.js";
import { stampedState } from "./migration-plan.js";
import { runtimeSupportFor } from "./runtime-support.js";
import type { VersionTable } from "./version-table.js";
import type { VersionState } from "./version-state.js";
import { headsOf } from "./version-state.js";

/**
 * Records `targets` (each resolved against the database's current revision,
 * so `-1` works) as the database's revisions, running no migration: under
 * the migration lock, in one transaction. Every recorded revision gets the
 * checksum of its file as it is now, so stamping where the database already
 * is accepts intended edits of applied files. Returns the states before and
 * after.
 */
export async function stampVersionTable(
  connection: DatabaseConnection,
  table: VersionTable,
  graph: RevisionGraph<LoadedMigration>,
  targets: readonly string[],
): Promise<{ before: VersionState; after: VersionState }> {
  const support = runtimeSupportFor(connection.dialect);
  await support.acquireLock(connection, table.name, () => {});
  try {
    await connection.execute(table.createStatement().sql);
    await connection.execute(support.beginStatement);
    try {
      const before = await table.read(connection);
      const current = headsOf(before).filter((id) => graph.has(id));
      const after = stampedState(graph, targets.flatMap((target) => resolveTarget(graph, target, current)), fileChecksum);
      for (const s of table.changeStatements(before, after, new Date().toISOString())) await connection.execute(s.sql);
      await connection.execute("COMMIT");
      return { before, after };
    } catch (error) {
      await connection.execute("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await support.releaseLock(connection, table.name);
  }
}
