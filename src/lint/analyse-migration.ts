import type { Dialect } from "../dialects/dialect.js";
import { tableKeyOf, type TableOp } from "../dialects/hazard-helpers.js";
import { TINY_TABLE_ROWS, type Hazard, type LiveFacts } from "../dialects/hazards.js";
import { BatchAlterTableOp } from "../ops/batch-alter-table-op.js";
import { dataLosses } from "../ops/data-losses.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import { OpContainer } from "../ops/op-containers.js";
import { CreateTableOp, RenameTableOp } from "../ops/table-ops.js";
import { appCompatHazards } from "./app-compat-hazards.js";

export interface AnalyseOptions {
  /**
   * The tables of the live database, when the analysis knows them: a table
   * not among them is created by a migration that runs before this one, in
   * the same upgrade, so it is as new as one created here.
   */
  readonly existingTables?: ReadonlySet<string>;
}

/** One op of a migration and what it does to a live database. */
export interface OpFinding {
  readonly op: MigrateOperation;
  readonly hazards: readonly Hazard[];
  /** What the op loses (its `dataLoss()`), when it loses anything. */
  readonly dataLoss?: string;
}

/**
 * The hazards and data losses of a migration's ops, in order. Tables the
 * migration creates itself are left out (building an index on a table
 * nobody uses yet is free); a hazard whose cost grows with the rows is
 * reported as low, and says so, on a table the catalog knows to be tiny;
 * a missing lock timeout is reported once, at the first op that needs one.
 */
export function analyseMigration(
  ops: readonly MigrateOperation[],
  dialect: Dialect,
  facts: LiveFacts = {},
  options: AnalyseOptions = {},
): OpFinding[] {
  const newTables = new Set<string>();
  const findings: OpFinding[] = [];
  let lockTimeoutSet = false;
  let lockTimeoutReported = false;
  const keyOf = (op: TableOp) => tableKeyOf(op.schema, op.tableName, dialect.defaultSchema);

  const visit = (op: MigrateOperation): void => {
    if (op instanceof OpContainer) return op.ops.forEach(visit);
    if (op instanceof CreateTableOp) newTables.add(tableKeyOf(op.table.schema, op.table.name, dialect.defaultSchema));
    if (op instanceof RenameTableOp && newTables.has(tableKeyOf(op.schema, op.oldTableName, dialect.defaultSchema))) {
      newTables.add(tableKeyOf(op.schema, op.newTableName, dialect.defaultSchema));
      return;
    }
    if (dialect.hazards.setsLockTimeout(op)) lockTimeoutSet = true;
    const table = "tableName" in op && typeof op.tableName === "string" ? keyOf(op as TableOp) : undefined;
    const isNew = table !== undefined && (newTables.has(table) || (options.existingTables !== undefined && !options.existingTables.has(table)));
    const dataLoss = op instanceof BatchAlterTableOp ? batchLoss(op) : op.dataLoss();
    if (isNew) {
      if (dataLoss !== undefined) findings.push({ op, hazards: [], dataLoss });
      return;
    }
    let hazards = [...dialect.hazards.hazardsOf(op, { facts, lockTimeoutSet }), ...appCompatHazards(op)];
    if (op instanceof BatchAlterTableOp && hazards.length === 0) return op.ops.forEach(visit);
    hazards = hazards.filter((h) => h.code !== "missing-lock-timeout" || !lockTimeoutReported);
    if (hazards.some((h) => h.code === "missing-lock-timeout")) lockTimeoutReported = true;
    hazards = hazards.map((h) => sized(h, facts));
    if (hazards.length || dataLoss !== undefined) findings.push({ op, hazards, ...(dataLoss !== undefined ? { dataLoss } : {}) });
  };
  ops.forEach(visit);
  return findings;
}

/** What a batch's ops lose, as one sentence (a batch is one finding only when it rebuilds the table as a whole). */
function batchLoss(batch: BatchAlterTableOp): string | undefined {
  const losses = dataLosses(batch.ops);
  return losses.length ? losses.join("; ") : undefined;
}

/** A size-bound hazard on a table the catalog says is empty or tiny: low, and it says why. */
function sized(hazard: Hazard, facts: LiveFacts): Hazard {
  if (hazard.sizeIndependent || hazard.table === undefined) return hazard;
  const rows = facts.rows?.get(hazard.table);
  if (rows === undefined || rows > TINY_TABLE_ROWS) return hazard;
  const size = rows <= 0 ? "the table is empty" : `the table holds about ${Math.round(rows)} rows`;
  return { ...hazard, severity: "low", message: `${hazard.message} (${size}, so this is brief)` };
}

/** Whether any finding is worth stopping for: a data loss, or a hazard above low. */
export function isBlocking(finding: OpFinding): boolean {
  return finding.dataLoss !== undefined || finding.hazards.some((h) => h.severity !== "low");
}
