import type { DatabaseConnection } from "../dialects/dialect.js";
import type { PgLockMode } from "../dialects/hazards.js";
import type { MigrateOperation } from "../ops/index.js";
import { executeStatement } from "./execute-statement.js";
import { liveDdlContext } from "./live-ddl-context.js";
import { executingOperations } from "./op-executor.js";

/** From weakest to strongest, as PostgreSQL's conflict table orders them. */
const MODES: readonly PgLockMode[] = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock",
];

/** What one op did to the tables that existed before it, on a real PostgreSQL database. */
export interface ObservedOp {
  readonly op: MigrateOperation;
  /** The strongest lock held on each table (`name`, or `schema.name` outside public) once its statements ran. */
  readonly locks: ReadonlyMap<string, PgLockMode>;
  /**
   * The locks its transaction held before its first statement (taken by the
   * ops before it in the same migration): a lock the op takes on such a table
   * that is no stronger cannot be seen.
   */
  readonly heldBefore: ReadonlyMap<string, PgLockMode>;
  /** Tables whose storage was replaced (a new relfilenode: a rewrite). */
  readonly rewritten: readonly string[];
}

/**
 * Watches the statements of ops on a PostgreSQL database from a second
 * connection (`observer`, which reads pg_locks) and records, per op, the
 * locks they took and the tables they rewrote. A statement inside a
 * transaction is looked at after it ran, when every lock it took is still
 * held; one outside (CONCURRENTLY, or one that commits on its own) is
 * watched while it runs.
 */
export class LockRecorder {
  readonly observed: ObservedOp[] = [];
  private current?: { op: MigrateOperation; locks: Map<string, PgLockMode>; heldBefore: ReadonlyMap<string, PgLockMode>; rewritten: string[] };

  private constructor(
    private readonly connection: DatabaseConnection,
    private readonly observer: DatabaseConnection,
    private readonly pid: number,
  ) {}

  static async watching(connection: DatabaseConnection, observer: DatabaseConnection): Promise<LockRecorder> {
    const [{ pid }] = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return new LockRecorder(connection, observer, pid);
  }

  /** Runs one statement of `op` (`run` executes it), recording what it locked and rewrote. */
  async statement(op: MigrateOperation, inTransaction: boolean, run: () => Promise<void>): Promise<void> {
    const before = await storage(this.connection);
    const heldBefore = inTransaction ? await locksOf(this.observer, this.pid) : new Map<string, PgLockMode>();
    if (this.current?.op !== op) {
      this.current = { op, locks: new Map(), heldBefore, rewritten: [] };
      this.observed.push(this.current);
    }
    const held = inTransaction ? (await run(), await locksOf(this.observer, this.pid)) : await this.watch(run);
    const { locks, rewritten } = this.current;
    for (const [table, mode] of held) locks.set(table, strongest(locks.get(table), mode));
    for (const [table, file] of await storage(this.connection)) {
      if (before.has(table) && before.get(table) !== file && !rewritten.includes(table)) rewritten.push(table);
    }
  }

  /** Polls pg_locks while a statement runs outside a transaction. */
  private async watch(run: () => Promise<void>): Promise<Map<string, PgLockMode>> {
    const held = new Map<string, PgLockMode>();
    let done = false;
    const running = run().finally(() => (done = true));
    while (!done) {
      for (const [table, mode] of await locksOf(this.observer, this.pid)) held.set(table, strongest(held.get(table), mode));
    }
    await running;
    return held;
  }
}

/**
 * Runs ops on a scratch PostgreSQL database, each statement that can run in
 * a transaction in one of its own (so each op's locks are seen apart from
 * the others'), and records what each op locked and rewrote (see
 * LockRecorder). The ops are really applied: use a scratch database.
 */
export async function observeLocks(
  connection: DatabaseConnection,
  observer: DatabaseConnection,
  ops: readonly MigrateOperation[],
): Promise<ObservedOp[]> {
  const recorder = await LockRecorder.watching(connection, observer);
  let op: MigrateOperation | undefined;
  const operations = executingOperations(connection.dialect, liveDdlContext(connection), async (statement) => {
    if (statement.transactional === false) return recorder.statement(op!, false, () => executeStatement(connection, statement));
    await inTransaction(connection, () => recorder.statement(op!, true, () => executeStatement(connection, statement)));
  });
  for (op of ops) await operations.invoke(op);
  return recorder.observed;
}

async function inTransaction(connection: DatabaseConnection, run: () => Promise<void>): Promise<void> {
  await connection.execute("BEGIN");
  try {
    await run();
    await connection.execute("COMMIT");
  } catch (error) {
    await connection.execute("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Whether lock `a` is at least as strong as `b`. */
export function atLeastAsStrong(a: PgLockMode | undefined, b: PgLockMode): boolean {
  return a !== undefined && MODES.indexOf(a) >= MODES.indexOf(b);
}

async function locksOf(observer: DatabaseConnection, pid: number): Promise<Map<string, PgLockMode>> {
  const rows = await observer.query<{ schema: string; name: string; mode: PgLockMode }>(
    `SELECT n.nspname AS schema, c.relname AS name, l.mode
       FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted AND c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    [pid],
  );
  const held = new Map<string, PgLockMode>();
  for (const row of rows) {
    const table = row.schema === "public" ? row.name : `${row.schema}.${row.name}`;
    held.set(table, strongest(held.get(table), row.mode));
  }
  return held;
}

/** Each user table's relfilenode, as this connection sees it (inside its transaction, the new one). */
async function storage(connection: DatabaseConnection): Promise<Map<string, string>> {
  const rows = await connection.query<{ schema: string; name: string; file: string }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relfilenode::text AS file
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  return new Map(rows.map((r) => [r.schema === "public" ? r.name : `${r.schema}.${r.name}`, r.file]));
}

function strongest(a: PgLockMode | undefined, b: PgLockMode): PgLockMode {
  return a === undefined || MODES.indexOf(b) > MODES.indexOf(a) ? b : a;
}
