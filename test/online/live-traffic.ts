/**
 * Traffic for the online tests: a writer that keeps writing on its own
 * connection and records how long its longest statement waited, and a
 * transaction that holds a lock for a while (a long report, a slow job) so
 * that DDL waiting behind it shows whether it makes the writer queue too.
 * Raw drivers, not strata's connections, so strata cannot hide behind them.
 */
import type { DialectName } from "../support/databases.js";

export interface Writer {
  /** How many writes have completed so far. */
  writes(): number;
  /** Stops writing; the longest time one write took, in milliseconds, and how many writes there were. */
  stop(): Promise<{ readonly longestMs: number; readonly writes: number }>;
}

interface RawConnection {
  run(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function connect(dialect: DialectName, url: string): Promise<RawConnection> {
  if (dialect === "postgresql") {
    const { default: postgres } = await import("postgres");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    return { run: async (text) => void (await sql.unsafe(text)), close: () => sql.end({ timeout: 1 }) };
  }
  const mysql = await import("mysql2/promise");
  const conn = await mysql.createConnection(url);
  return { run: async (text) => void (await conn.query(text)), close: () => conn.end() };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `write(i)` over and over, 5 ms apart, until stopped. */
export async function startWriter(dialect: DialectName, url: string, write: (i: number) => string): Promise<Writer> {
  const connection = await connect(dialect, url);
  let running = true;
  let longestMs = 0;
  let writes = 0;
  // A failed write fails the test when it stops (not the process, as an unhandled rejection would).
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      await connection.run(write(writes));
      longestMs = Math.max(longestMs, performance.now() - start);
      writes++;
      await pause(5);
    }
  })();
  loop.catch(() => {});
  return {
    writes: () => writes,
    async stop() {
      running = false;
      await loop;
      await connection.close();
      return { longestMs, writes };
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
