import type { DatabaseConnection } from "../dialects/dialect.js";
import { analyseMigration, type OpFinding } from "../lint/analyse-migration.js";
import { existingTablesOf, liveTarget } from "../lint/lint-migrations.js";
import { describeOp } from "../lint/lint-report.js";
import type { MigrateOperation } from "../ops/index.js";
import { observeLocks, type ObservedOp } from "./lock-observer.js";

export interface LockCheck {
  readonly findings: readonly OpFinding[];
  readonly observed: readonly ObservedOp[];
  /** Where the static analysis was wrong, one sentence each; empty when it was right. */
  readonly disagreements: readonly string[];
}

/**
 * Runs ops on a scratch PostgreSQL database (see observeLocks) and holds the
 * hazard analysis to what happened: each hazard's lock must be the lock its
 * op took on the table, its rewrite the rewrite that happened (or not), and
 * no table that held rows before may be rewritten without a hazard saying so.
 */
export async function checkLockPredictions(connection: DatabaseConnection, observer: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<LockCheck> {
  const target = await liveTarget(connection);
  const existing = existingTablesOf(target) ?? new Set<string>();
  const findings = analyseMigration(ops, target.dialect, target.facts, { existingTables: existing });
  const observed = await observeLocks(connection, observer, ops);
  const disagreements: string[] = [];
  for (const seen of observed) {
    const finding = findings.find((f) => f.op === seen.op);
    const name = describeOp(seen.op);
    for (const hazard of finding?.hazards ?? []) {
      if (hazard.table === undefined) continue;
      const lock = seen.locks.get(hazard.table);
      if (hazard.lock && lock !== hazard.lock) disagreements.push(`${name}: ${hazard.code} says ${hazard.lock} on ${hazard.table}, the database took ${lock ?? "none"}`);
      const rewritten = seen.rewritten.includes(hazard.table);
      if (hazard.rewrite !== undefined && rewritten !== hazard.rewrite) {
        disagreements.push(`${name}: ${hazard.code} says ${hazard.table} is ${hazard.rewrite ? "" : "not "}rewritten, and it was ${rewritten ? "" : "not"}`.trimEnd());
      }
    }
    const reported = new Set((finding?.hazards ?? []).filter((h) => h.rewrite).map((h) => h.table));
    for (const table of seen.rewritten.filter((t) => existing.has(t) && !reported.has(t))) {
      disagreements.push(`${name}: rewrote ${table}, and no hazard says so`);
    }
  }
  return { findings, observed, disagreements };
}
