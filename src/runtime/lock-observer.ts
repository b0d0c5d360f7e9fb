import type { Statement } from "../dialects/ddl-compiler.js";
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
  /** The strongest lock its statements held, by table (`name`, or `schema.name` outside public). */
  readonly locks: ReadonlyMap<string, PgLockMode>;
  /** Tables whose storage was replaced (a new relfilenode: a rewrite). */
  readonly rewritten: readonly string[];
}

/**
 * Runs ops on a scratch PostgreSQL database and records, per op, the locks
 * its statements took and the tables it rewrote. `connection` runs the
 * statements; `observer` is a second connection to the same database that
 * reads pg_locks. A transactional statement runs in a transaction of its own
 * and is observed before COMMIT, when every lock it took is still held; a
 * statement that cannot run in a transaction (CONCURRENTLY) is watched while
 * it runs. The ops are really applied: use a scratch database.
 */
export async function observeLocks(
  connection: DatabaseConnection,
  observer: DatabaseConnection,
  ops: readonly MigrateOperation[],
): Promise<ObservedOp[]> {
  const [{ pid }] = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const observed: ObservedOp[] = [];
  let current = new Map<string, PgLockMode>();
  let rewritten = new Set<string>();
  const operations = executingOperations(connection.dialect, liveDdlContext(connection), async (statement) => {
    const before = await storage(connection);
    const held = statement.transactional === false ? await watch(connection, observer, pid, statement) : await hold(connection, observer, pid, statement);
    for (const [table, mode] of held) current.set(table, strongest(current.get(table), mode));
    for (const [table, file] of await storage(connection)) if (before.has(table) && before.get(table) !== file) rewritten.add(table);
  });
  for (const op of ops) {
    await operations.invoke(op);
    observed.push({ op, locks: current, rewritten: [...rewritten] });
    current = new Map();
    rewritten = new Set();
  }
  return observed;
}

async function hold(connection: DatabaseConnection, observer: DatabaseConnection, pid: number, statement: Statement): Promise<Map<string, PgLockMode>> {
  await connection.execute("BEGIN");
  try {
    await executeStatement(connection, statement);
    const held = await locksOf(observer, pid);
    await connection.execute("COMMIT");
    return held;
  } catch (error) {
    await connection.execute("ROLLBACK").catch(() => {});
    throw error;
  }
}

/** Polls pg_locks while the statement runs outside a transaction. */
async function watch(connection: DatabaseConnection, observer: DatabaseConnection, pid: number, statement: Statement): Promise<Map<string, PgLockMode>> {
  const held = new Map<string, PgLockMode>();
  let done = false;
  const running = executeStatement(connection, statement).finally(() => (done = true));
  while (!done) {
    for (const [table, mode] of await locksOf(observer, pid)) held.set(table, strongest(held.get(table), mode));
  }
  await running;
  return held;
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
