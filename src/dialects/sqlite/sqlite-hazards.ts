import { CreateIndexOp } from "../../ops/index-ops.js";
import { BatchAlterTableOp } from "../../ops/batch-alter-table-op.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { parseServerVersion, type Hazard, type HazardRules, type HazardScope } from "../hazards.js";
import { boundedCounts, childTables, hazardTable, liveTable, type TableOp } from "../hazard-helpers.js";
import { needsRebuild } from "./sqlite-ddl.js";

/**
 * SQLite has one writer at a time: a migration holds the write lock from
 * its first statement to COMMIT, so what matters is how long an op keeps
 * it, which is long when it copies or indexes every row.
 */
export const sqliteHazards: HazardRules = {
  hazardsOf(op, scope) {
    if (op instanceof BatchAlterTableOp) return op.ops.some((inner) => rebuilds(inner, scope)) ? [rebuildHazard(op, scope)] : [];
    if (rebuilds(op, scope)) return [rebuildHazard(op as TableOp, scope)];
    if (op instanceof CreateIndexOp) {
      return [
        {
          code: "index-blocks-writes",
          severity: "high",
          table: hazardTable(op),
          message: `building the index reads every row of ${hazardTable(op)} while the migration holds SQLite's write lock: every other writer waits for the build`,
          safer: "build it when writes can wait (SQLite has no online index build); readers go on in WAL mode",
        },
      ];
    }
    return [];
  },
  // SQLite has no lock queue: a migration's transaction takes the write lock at once (BEGIN IMMEDIATE).
  setsLockTimeout: () => true,
  limitLockWaits: () => ({ before: [], after: [] }),
  async readFacts(connection) {
    const [server] = await connection.query<{ version: string }>("SELECT sqlite_version() AS version");
    const tables = await connection.query<{ name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    );
    // SQLite keeps no row estimates unless ANALYZE ran: count, stopping at the limit.
    const rows = await boundedCounts(connection, new Map(tables.map((t) => [t.name, `"${t.name.replaceAll('"', '""')}"`])));
    return { version: parseServerVersion("sqlite", server!.version), rows };
  },
};

function rebuilds(op: MigrateOperation, scope: HazardScope): boolean {
  if (!("tableName" in op)) return false;
  return needsRebuild(op, liveTable(scope.facts, op as TableOp));
}

function rebuildHazard(op: TableOp, scope: HazardScope): Hazard {
  const table = hazardTable(op);
  const children = childTables(scope.facts, op);
  const parent = children.length
    ? `; ${children.join(", ")} reference${children.length === 1 ? "s" : ""} it, so their foreign keys are checked again before COMMIT`
    : "";
  return {
    code: "table-rebuild",
    severity: "high",
    table,
    message: `SQLite cannot ALTER this in place: ${table} is rebuilt (every row copied into a new table, indexes and triggers re-created) while the migration holds the write lock, so every other writer waits${parent}`,
    safer: "group the table's changes into one migration so it is rebuilt once, and run it when writes can wait",
  };
}
