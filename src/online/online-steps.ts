import { tableKeyOf } from "../dialects/hazard-helpers.js";
import type { Dialect } from "../dialects/dialect.js";
import { newRevisionId } from "../revisions/index.js";
import {
  DowngradeOps,
  MigrationScript,
  ModifyTableOps,
  OpContainer,
  UpgradeOps,
  CreateTableOp,
  IrreversibleOperationError,
  type MigrateOperation,
} from "../ops/index.js";

/** The scripts a rewriter split off a script, in order: each is placed after the one before. */
const stepsOf = new WeakMap<MigrationScript, MigrationScript[]>();

/**
 * Adds `step` to run after `base` and after the steps already split off it:
 * its own migration file, placed right after them, so that what must not
 * share a transaction with `base` (a CONCURRENTLY build, a validation that
 * must not hold the lock the constraint was added under) commits apart.
 */
export function addStepAfter(directives: MigrationScript[], base: MigrationScript, upgrade: MigrateOperation[], downgrade: MigrateOperation[], options: { message: string; transactional?: boolean }): void {
  const steps = stepsOf.get(base) ?? [];
  const previous = steps.at(-1) ?? base;
  const step = new MigrationScript(
    newRevisionId(),
    new UpgradeOps(upgrade, { upgradeToken: base.upgradeOps.upgradeToken }),
    new DowngradeOps(downgrade, { downgradeToken: base.downgradeOps.downgradeToken }),
    { message: `${base.message ?? ""} (${options.message})`.trim(), head: previous.revId, imports: base.imports },
  );
  if (options.transactional === false) step.transactional = false;
  steps.push(step);
  stepsOf.set(base, steps);
  directives.splice(directives.indexOf(previous) + 1, 0, step);
}

/** The scripts a rewriter may split: one database (one upgrade list), as the CLI writes them for a single URL. */
export function splittable(directives: readonly MigrationScript[]): MigrationScript[] {
  return directives.filter((script) => script.upgradeOpsList.length === 1 && script.downgradeOpsList.length === 1);
}

/** The keys of the tables the script creates itself (changing them online is pointless: nobody uses them yet). */
export function createdTables(script: MigrationScript, dialect: Dialect): Set<string> {
  const created = new Set<string>();
  for (const op of leafOps(script.upgradeOps.ops)) {
    if (op instanceof CreateTableOp) created.add(tableKeyOf(op.table.schema, op.table.name, dialect.defaultSchema));
  }
  return created;
}

export function tableKey(op: { tableName: string; schema?: string }, dialect: Dialect): string {
  return tableKeyOf(op.schema, op.tableName, dialect.defaultSchema);
}

/** Every op, with table groups (ModifyTableOps) opened. */
function leafOps(ops: readonly MigrateOperation[]): MigrateOperation[] {
  return ops.flatMap((op) => (op instanceof OpContainer ? leafOps(op.ops) : [op]));
}

/**
 * Removes the ops `take` picks from the script's upgrade (inside table
 * groups too, dropping groups left empty), replaces others as `keep` says,
 * and rebuilds the downgrade as the reverse of what is left.
 */
export function extractOps(
  script: MigrationScript,
  take: (op: MigrateOperation) => boolean,
  keep: (op: MigrateOperation) => MigrateOperation[] = (op) => [op],
): MigrateOperation[] {
  const taken: MigrateOperation[] = [];
  const walk = (ops: readonly MigrateOperation[]): MigrateOperation[] =>
    ops.flatMap((op) => {
      if (op instanceof ModifyTableOps) {
        const inner = walk(op.ops);
        if (inner.length === 0) return [];
        op.ops = inner;
        return [op];
      }
      if (take(op)) {
        taken.push(op);
        return [];
      }
      return keep(op);
    });
  script.upgradeOps.ops = walk(script.upgradeOps.ops);
  try {
    script.upgradeOps.reverseInto(script.downgradeOps);
  } catch (error) {
    // An op written by hand without its inverse: the downgrade stays as it was written.
    if (!(error instanceof IrreversibleOperationError)) throw error;
  }
  return taken;
}
