import { Rewriter } from "../compare/rewriter.js";
import type { Dialect } from "../dialects/dialect.js";
import { analyseMigration } from "../lint/analyse-migration.js";
import { ExecuteSQLOp, type OpContainer } from "../ops/index.js";

export interface LockTimeoutsOptions {
  /** How long a statement may wait for its lock before the migration fails (and can be retried). Default 2000. */
  readonly lockTimeoutMs?: number;
  /** PostgreSQL: how long a statement may run. */
  readonly statementTimeoutMs?: number;
}

/**
 * A migration that takes a lock which stops reads or writes gets a limit on
 * how long it waits for that lock: waiting behind a long transaction, it
 * would make every query on the table queue behind it. With the limit, it
 * fails after the wait instead (nothing is applied where DDL is
 * transactional) and can be run again at a quieter moment.
 *
 *   processRevisionDirectives: lockTimeouts({ lockTimeoutMs: 2000 })
 */
export function lockTimeouts(options: LockTimeoutsOptions = {}): Rewriter {
  const limits = { lockTimeoutMs: options.lockTimeoutMs ?? 2000, statementTimeoutMs: options.statementTimeoutMs };
  return new Rewriter().chain((context, _revision, directives) => {
    for (const script of directives) {
      const transactional = script.transactional !== false && context.dialect.capabilities.transactionalDdl;
      for (const list of [...script.upgradeOpsList, ...script.downgradeOpsList]) limitWaits(list, context.dialect, { ...limits, transactional });
    }
  });
}

function limitWaits(list: OpContainer, dialect: Dialect, limits: Parameters<Dialect["hazards"]["limitLockWaits"]>[0]): void {
  const waits = analyseMigration(list.ops, dialect).some((f) => f.hazards.some((h) => h.code === "missing-lock-timeout"));
  if (!waits) return;
  const { before, after } = dialect.hazards.limitLockWaits(limits);
  // Each statement is its own reverse: the downgrade of a limit is the same limit.
  const statements = (sqls: readonly string[]) => sqls.map((sql) => new ExecuteSQLOp(sql, { reverseSql: sql }));
  list.ops = [...statements(before), ...list.ops, ...statements(after)];
}
