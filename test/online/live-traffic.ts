/**
 * Traffic for the online tests: a writer that keeps writing on its own
 * connection while a monitor asks the server, every few milliseconds, whether
 * that connection is waiting for a lock, and a transaction that holds a lock
 * for a while (a long report, a slow job) so that DDL waiting behind it shows
 * whether it makes the writer queue too. The wait is the server's account of
 * lock waits, not the writer's round trip: on a busy machine a write can take
 * long without waiting for anyone. Raw drivers, not strata's connections, so
 * strata cannot hide behind them.
 */
import type { DialectName } from "../support/databases.js";

export interface Writer {
  /** How many writes have completed so far. */
  writes(): number;
  /** Stops writing; the longest the writer waited for a lock without a break, in milliseconds, and how many writes there were. */
  stop(): Promise<{ readonly longestLockWaitMs: number; readonly writes: number }>;
}

interface RawConnection {
  run(sql: string): Promise<void>;
  /** The first column of the first row. */
  value(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

async function connect(dialect: DialectName, url: string): Promise<RawConnection> {
  if (dialect === "postgresql") {
    const { default: postgres } = await import("postgres");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    return {
      run: async (text) => void (await sql.unsafe(text)),
      value: async (text) => Object.values((await sql.unsafe(text))[0] ?? {})[0],
      close: () => sql.end({ timeout: 1 }),
    };
  }
  const mysql = await import("mysql2/promise");
  const conn = await mysql.createConnection(url);
  return {
    run: async (text) => void (await conn.query(text)),
    value: async (text) => Object.values(((await conn.query(text))[0] as Record<string, unknown>[])[0] ?? {})[0],
    close: () => conn.end(),
  };
}

/** The server's own id of a connection, and the query that says whether that connection is waiting for a lock now. */
const LOCK_WAIT = {
  postgresql: {
    id: "SELECT pg_backend_pid()",
    waiting: (id: unknown) => `SELECT count(*)::int FROM pg_stat_activity WHERE pid = ${Number(id)} AND wait_event_type = 'Lock'`,
  },
  // A metadata lock shows in the process list's state; a row lock in InnoDB's transaction list.
  mysql: {
    id: "SELECT CONNECTION_ID()",
    waiting: (id: unknown) =>
      `SELECT (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ${Number(id)} AND STATE LIKE 'Waiting for%lock%') + ` +
      `(SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = ${Number(id)} AND trx_state = 'LOCK WAIT')`,
  },
} as const;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `write(i)` over and over, 5 ms apart, until stopped, and watches it wait. */
export async function startWriter(dialect: DialectName, url: string, write: (i: number) => string): Promise<Writer> {
  if (dialect === "sqlite") throw new Error("the online tests need a server: SQLite has no concurrent writer to watch");
  const [connection, monitor] = [await connect(dialect, url), await connect(dialect, url)];
  const waiting = LOCK_WAIT[dialect].waiting(await connection.value(LOCK_WAIT[dialect].id));
  let running = true;
  let writes = 0;
  // A failed write fails the test when it stops (not the process, as an unhandled rejection would).
  const loop = (async () => {
    while (running) {
      await connection.run(write(writes));
      writes++;
      await pause(5);
    }
  })();
  loop.catch(() => {});
  // A wait runs from the first poll that sees it to the last one before a poll that does not.
  let longestLockWaitMs = 0;
  const watch = (async () => {
    let since: number | undefined;
    while (running) {
      const now = performance.now();
      if (Number(await monitor.value(waiting)) > 0) {
        since ??= now;
        longestLockWaitMs = Math.max(longestLockWaitMs, now - since);
      } else since = undefined;
      await pause(10);
    }
  })();
  watch.catch(() => {});
  return {
    writes: () => writes,
    async stop() {
      running = false;
      await loop;
      await watch;
      await Promise.all([connection.close(), monitor.close()]);
      return { longestLockWaitMs, writes };
    },
  };
}

/** Opens a transaction, runs `sql` in it, keeps it open `ms` milliseconds, commits. Resolves once the lock is held. */
export async function holdLock(dialect: DialectName, url: string, sql: string, ms: number): Promise<{ readonly released: Promise<void> }> {
  const connection = await connect(dialect, url);
  await connection.run(dialect === "postgresql" ? "BEGIN" : "START TRANSACTION");
  await connection.run(sql);
  const released = (async () => {
    await pause(ms);
    await connection.run("COMMIT");
    await connection.close();
  })();
  return { released };
}
