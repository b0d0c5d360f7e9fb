import { createHash } from "node:crypto";
import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";

/**
 * What the runner needs from each database beyond DDL: how to tell whether
 * the version table exists without creating it, how to keep two `upgrade`
 * processes from applying the same migration, and how a migration's
 * transaction begins.
 *
 * Keyed by dialect name because these are facts about each server, like a
 * dialect's DDL; they would sit on the Dialect interface if it had a slot.
 */
export interface RuntimeSupport {
  tableExists(connection: DatabaseConnection, table: string): Promise<boolean>;
  /**
   * Takes the migration lock for the whole run, calling `onWait` once if
   * another process holds it. Dialects without a session lock (SQLite) take
   * nothing here: their `beginStatement` is the lock, held per migration.
   */
  acquireLock(connection: DatabaseConnection, table: string, onWait: () => void): Promise<void>;
  releaseLock(connection: DatabaseConnection, table: string): Promise<void>;
  /** Opens a migration's transaction (and, on SQLite, waits for the write lock). */
  readonly beginStatement: string;
}

/** How long a process waits for another one's migration lock before giving up. */
export const LOCK_TIMEOUT_SECONDS = 600;

const STRATA_LOCK_CLASS = 0x5354; // "ST": the first half of every strata advisory lock key

/** A 31-bit number for the lock of one version table. */
function lockKey(table: string): number {
  return createHash("sha256").update(`strata:${table}`).digest().readUInt32BE(0) & 0x7fffffff;
}

const postgresql: RuntimeSupport = {
  async tableExists(connection, table) {
    const rows = await connection.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [
      connection.dialect.quoteIdentifier(table),
    ]);
    return rows[0]?.present === true;
  },
  async acquireLock(connection, table, onWait) {
    const [row] = await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [
      STRATA_LOCK_CLASS,
      lockKey(table),
    ]);
    if (row?.locked === true) return;
    onWait();
    await connection.execute(`SET lock_timeout = '${LOCK_TIMEOUT_SECONDS}s'`);
    await connection.query("SELECT pg_advisory_lock($1, $2)", [STRATA_LOCK_CLASS, lockKey(table)]);
    await connection.execute("RESET lock_timeout");
  },
  async releaseLock(connection, table) {
    await connection.query("SELECT pg_advisory_unlock($1, $2)", [STRATA_LOCK_CLASS, lockKey(table)]);
  },
  beginStatement: "BEGIN",
};

/** GET_LOCK names are server-wide: the database name goes into the key. */
const MYSQL_LOCK_NAME = (table: string) => `CONCAT('strata:', SHA1(CONCAT(DATABASE(), '.', ${mysqlString(table)})))`;

function mysqlString(value: string): string {
  return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

const mysql: RuntimeSupport = {
  async tableExists(connection, table) {
    const rows = await connection.query(
      "SELECT 1 AS present FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
      [table],
    );
    return rows.length > 0;
  },
  async acquireLock(connection, table, onWait) {
    const get = async (seconds: number) =>
      Number(
        (await connection.query<{ got: unknown }>(`SELECT GET_LOCK(${MYSQL_LOCK_NAME(table)}, ${seconds}) AS got`))[0]
          ?.got,
      );
    if ((await get(0)) === 1) return;
    onWait();
    if ((await get(LOCK_TIMEOUT_SECONDS)) !== 1) {
      throw new Error(`another strata process held the migration lock for more than ${LOCK_TIMEOUT_SECONDS} seconds`);
    }
  },
  async releaseLock(connection, table) {
    await connection.query(`SELECT RELEASE_LOCK(${MYSQL_LOCK_NAME(table)})`);
  },
  beginStatement: "BEGIN",
};

const sqlite: RuntimeSupport = {
  async tableExists(connection, table) {
    const rows = await connection.query(
      "SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE",
      [table],
    );
    return rows.length > 0;
  },
  async acquireLock(connection) {
    // A writer waits for another writer's BEGIN IMMEDIATE instead of failing with SQLITE_BUSY.
    await connection.execute(`PRAGMA busy_timeout = ${LOCK_TIMEOUT_SECONDS * 1000}`);
  },
  async releaseLock() {},
  beginStatement: "BEGIN IMMEDIATE",
};

const SUPPORT: Readonly<Record<string, RuntimeSupport>> = {
  postgresql,
  mysql,
  sqlite,
};

export function runtimeSupportFor(dialect: Dialect): RuntimeSupport {
  const support = SUPPORT[dialect.name];
  if (!support)
    throw new Error(`strata cannot run migrations on dialect "${dialect.name}": no runtime support registered`);
  return support;
}
