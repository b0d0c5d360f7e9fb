import type { DatabaseConnection } from "../dialects/dialect.js";
import { resolveTarget, type LoadedMigration, type RevisionGraph } from "../revisions/index.js";
import { fileChecksum } from "./migration-file.js";
import { stampedState } from "./migration-plan.js";
import { runtimeSupportFor } from "./runtime-support.js";
import type { VersionTable } from "./version-table.js";
import type { VersionState } from "./version-state.js";
import { headsOf } from "./version-state.js";

/**
 * Records `target` (resolved against the database's current revision, so
 * `-1` works) as the database's revision, running no migration: under the
 * migration lock, in one transaction. Returns the state written.
 */
export async function stampVersionTable(
  connection: DatabaseConnection,
  table: VersionTable,
  graph: RevisionGraph<LoadedMigration>,
  target: string,
): Promise<VersionState> {
  const support = runtimeSupportFor(connection.dialect);
  await support.acquireLock(connection, table.name, () => {});
  try {
    await connection.execute(table.createStatement().sql);
    await connection.execute(support.beginStatement);
    try {
      const before = await table.read(connection);
      const after = stampedState(
        graph,
        resolveTarget(
          graph,
          target,
          headsOf(before).filter((id) => graph.has(id)),
        ),
        fileChecksum,
      );
      for (const s of table.changeStatements(before, after, new Date().toISOString())) await connection.execute(s.sql);
      await connection.execute("COMMIT");
      return after;
    } catch (error) {
      await connection.execute("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    await support.releaseLock(connection, table.name);
  }
}
