import type { Hazard } from "../dialects/hazards.js";
import { hazardTable } from "../dialects/hazard-helpers.js";
import { AlterColumnOp } from "../ops/alter-column-op.js";
import { DropColumnOp } from "../ops/column-ops.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import { DropTableOp, RenameTableOp } from "../ops/table-ops.js";

/**
 * What breaks the application that is running while the migration runs, on
 * every dialect: code deployed before the migration still names the old
 * column or table, so its queries fail from the moment the change commits.
 */
export function appCompatHazards(op: MigrateOperation): Hazard[] {
  const hazard = (code: string, table: string, message: string, safer: string): Hazard[] => [
    { code, severity: "high", table, message, safer, sizeIndependent: true },
  ];
  if (op instanceof DropColumnOp) {
    return hazard(
      "drop-column-breaks-app",
      hazardTable(op),
      `the running application may still read or write "${op.columnName}" (an ORM selecting every column does): its queries on ${hazardTable(op)} fail once the column is gone`,
      "first deploy code that no longer uses the column (ignore it in the ORM), then drop it in a later migration",
    );
  }
  if (op instanceof AlterColumnOp && op.modifyName) {
    return hazard(
      "rename-column-breaks-app",
      hazardTable(op),
      `the running application still uses "${op.columnName}": its queries on ${hazardTable(op)} fail from the moment the column is "${op.modifyName.to}"`,
      "add the new column, write both and backfill, move reads over, then drop the old column in a later migration",
    );
  }
  if (op instanceof RenameTableOp) {
    const table = hazardTable({ tableName: op.oldTableName, schema: op.schema } as never);
    return hazard(
      "rename-table-breaks-app",
      table,
      `the running application still uses ${table}: its queries fail from the moment the table is "${op.newTableName}"`,
      "rename it, and in the same migration create a view under the old name for the code still deployed; drop the view later",
    );
  }
  if (op instanceof DropTableOp) {
    return hazard(
      "drop-table-breaks-app",
      hazardTable(op),
      `the running application may still use ${hazardTable(op)}: its queries fail once the table is gone`,
      "first deploy code that no longer uses the table, then drop it in a later migration",
    );
  }
  return [];
}
