import type { Dialect } from "../dialects/dialect.js";
import { tableKeyOf, type TableOp } from "../dialects/hazard-helpers.js";
import { TINY_TABLE_ROWS, type Hazard, type HazardSeverity, type LiveFacts } from "../dialects/hazards.js";
import { AlgorithmOp } from "../ops/algorithm-op.js";
import { BatchAlterTableOp } from "../ops/batch-alter-table-op.js";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import { OpContainer } from "../ops/op-containers.js";
import { CreateTableOp, RenameTableOp } from "../ops/table-ops.js";
import { appCompatHazards } from "./app-compat-hazards.js";
import { ValidChecks } from "./valid-checks.js";

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
  return analyseMigrations([ops], dialect, facts, options)[0]!;
}

/**
 * Several migrations that run one after the other (one upgrade): a table one
 * creates is new for the next ones too, and a check one validates is valid
 * for the next; a lock timeout set in one (its own transaction) is not.
 */
export function analyseMigrations(
  migrations: ReadonlyArray<readonly MigrateOperation[]>,
  dialect: Dialect,
  facts: LiveFacts = {},
  options: AnalyseOptions = {},
): OpFinding[][] {
  const newTables = new Set<string>();
  const validChecks = new ValidChecks(dialect, facts);
  const keyOf = (op: TableOp) => tableKeyOf(op.schema, op.tableName, dialect.defaultSchema);
  return migrations.map((ops) => {
    const findings: OpFinding[] = [];
    let lockTimeoutSet = false;
    const lockTimeoutReported = new Set<HazardSeverity>();
    const visit = (op: MigrateOperation): void => {
      if (op instanceof OpContainer) return op.ops.forEach(visit);
      // A table the live database already holds was created by a migration applied before: it is not new.
      const created = op instanceof CreateTableOp ? tableKeyOf(op.table.schema, op.table.name, dialect.defaultSchema) : undefined;
      if (created !== undefined && !options.existingTables?.has(created)) newTables.add(created);
      if (op instanceof RenameTableOp && newTables.has(tableKeyOf(op.schema, op.oldTableName, dialect.defaultSchema))) {
        newTables.add(tableKeyOf(op.schema, op.newTableName, dialect.defaultSchema));
        return;
      }
      if (dialect.hazards.setsLockTimeout(op)) lockTimeoutSet = true;
      const table = "tableName" in op && typeof op.tableName === "string" ? keyOf(op as TableOp) : undefined;
      const isNew = table !== undefined && (newTables.has(table) || (options.existingTables !== undefined && !options.existingTables.has(table)));
      const dataLoss = op.dataLoss();
      const scope = { facts, lockTimeoutSet, validChecks: (key: string) => validChecks.of(key) };
      validChecks.apply(op);
      if (isNew) {
        if (dataLoss !== undefined) findings.push({ op, hazards: [], dataLoss });
        return;
      }
      const wrapped = op instanceof AlgorithmOp ? op.ops : [op];
      let hazards = [...dialect.hazards.hazardsOf(op, scope), ...wrapped.flatMap(appCompatHazards)];
      if (op instanceof BatchAlterTableOp && hazards.length === 0) return op.ops.forEach(visit);
      // Said once per migration at each severity: the advice on a brief op does not hide the warning on a long one.
      hazards = hazards.filter((h) => h.code !== "missing-lock-timeout" || !lockTimeoutReported.has(h.severity));
      for (const h of hazards) if (h.code === "missing-lock-timeout") lockTimeoutReported.add(h.severity);
      hazards = hazards.map((h) => sized(h, facts));
      if (hazards.length || dataLoss !== undefined) findings.push({ op, hazards, ...(dataLoss !== undefined ? { dataLoss } : {}) });
    };
    ops.forEach(visit);
    return findings;
  });
}

/** A size-bound hazard on a table the catalog says is empty or tiny: low, and it says why. */
function sized(hazard: Hazard, facts: LiveFacts): Hazard {
  if (hazard.sizeIndependent || hazard.table === undefined) return hazard;
  const rows = facts.rows?.get(hazard.table);
  if (rows === undefined || rows > TINY_TABLE_ROWS) return hazard;
  const size = rows <= 0 ? "the table is empty" : `the table holds about ${Math.round(rows)} rows`;
  return { ...hazard, severity: "low", message: `${hazard.message} (${size}, so this is brief)` };
}
