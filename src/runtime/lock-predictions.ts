import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import { analyseMigration, type OpFinding } from "../lint/analyse-migration.js";
import { existingTablesOf, liveTarget, type LintTarget } from "../lint/lint-migrations.js";
import { describeOp } from "../lint/lint-report.js";
import type { MigrateOperation } from "../ops/index.js";
import { atLeastAsStrong, LockRecorder, observeLocks, type ObservedOp } from "./lock-observer.js";
import type { StatementHook } from "./migration-runner.js";

export interface LockCheck {
  readonly findings: readonly OpFinding[];
  readonly observed: readonly ObservedOp[];
  /** The tables that held rows before the ops ran (the ones the analysis is about). */
  readonly existing: ReadonlySet<string>;
  /** Where the static analysis was wrong, one sentence each; empty when it was right. */
  readonly disagreements: readonly string[];
}

/**
 * Runs ops on a scratch PostgreSQL database (see observeLocks) and holds the
 * hazard analysis to what happened (see lockDisagreements).
 */
export async function checkLockPredictions(connection: DatabaseConnection, observer: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<LockCheck> {
  const target = await liveTarget(connection);
  const existing = existingTablesOf(target) ?? new Set<string>();
  const findings = analyseMigration(ops, target.dialect, target.facts, { existingTables: existing });
  const observed = await observeLocks(connection, observer, ops);
  return { findings, observed, existing, disagreements: lockDisagreements(findings, observed, existing) };
}

/** Whether locks can be watched on this dialect's databases (PostgreSQL's pg_locks). */
export function observesLocks(dialect: Dialect): boolean {
  return dialect.name === "postgresql";
}

/**
 * Watches one migration's upgrade as the runner runs it (`onStatement`, in
 * the migration's transaction), for `strata verify`; `check()` then holds
 * the analysis of the state before the upgrade to what the upgrade did.
 */
export class UpgradeLockCheck {
  private constructor(
    private readonly target: LintTarget,
    private readonly existing: ReadonlySet<string>,
    private readonly recorder: LockRecorder,
  ) {}

  /** Reads the database as it is before the upgrade (sizes, tables, catalog) for the analysis; `ignore` is a table to leave out (the version table). */
  static async before(connection: DatabaseConnection, observer: DatabaseConnection, ignore: string): Promise<UpgradeLockCheck> {
    const target = await liveTarget(connection);
    const existing = existingTablesOf(target) ?? new Set<string>();
    existing.delete(ignore);
    return new UpgradeLockCheck(target, existing, await LockRecorder.watching(connection, observer));
  }

  /**
   * With no table there before the upgrade (an initial migration), no lock can
   * stop anyone: the statements run unwatched, or a thousand-table migration
   * would read pg_locks and pg_class around each of its thousands of statements.
   */
  readonly onStatement: StatementHook = ({ op, inTransaction }, run) => (this.existing.size === 0 ? run() : this.recorder.statement(op, inTransaction, run));

  check(): LockCheck {
    const observed = this.recorder.observed;
    const ops = observed.map((o) => o.op);
    const findings = analyseMigration(ops, this.target.dialect, this.target.facts, { existingTables: this.existing });
    return { findings, observed, existing: this.existing, disagreements: lockDisagreements(findings, observed, this.existing) };
  }
}

/**
 * Where the hazard analysis was wrong about what ops did: each hazard's lock
 * must be the lock its op took on the table (unless its transaction already
 * held one as strong, which hides it), its rewrite the rewrite that happened
 * (or not), and no table of `existing` may be rewritten without a hazard
 * saying so.
 */
export function lockDisagreements(findings: readonly OpFinding[], observed: readonly ObservedOp[], existing: ReadonlySet<string>): string[] {
  const disagreements: string[] = [];
  for (const seen of observed) {
    const finding = findings.find((f) => f.op === seen.op);
    const name = describeOp(seen.op);
    for (const hazard of finding?.hazards ?? []) {
      if (hazard.table === undefined) continue;
      const lock = seen.locks.get(hazard.table);
      const hidden = hazard.lock !== undefined && atLeastAsStrong(seen.heldBefore.get(hazard.table), hazard.lock);
      if (hazard.lock && !hidden && lock !== hazard.lock) disagreements.push(`${name}: ${hazard.code} says ${hazard.lock} on ${hazard.table}, the database took ${lock ?? "none"}`);
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
  return disagreements;
}
