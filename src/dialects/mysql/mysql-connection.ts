import { ConnectTimeoutError, DEFAULT_CONNECT_TIMEOUT, type ConnectOptions } from "../connect-options.js";
import type { DatabaseConnection, Dialect } from "../dialect.js";
import { redactUrl } from "../redact-url.js";

/**
 * One mysql2 connection (not a pool), so that a migration's statements, its
 * session variables and its locks all live in one session. mysql2 is imported
 * here, lazily, so parsing and formatting never load a driver.
 */
export async function connectMysql(dialect: Dialect, url: string, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  const mysql = await import("mysql2/promise");
  const seconds = options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  const connectOptions = {
    // mysql2 only understands mysql://; mariadb:// is the same protocol.
    uri: url.replace(/^mariadb:/i, "mysql:"),
    // Catalog values and defaults are compared as text: no Date objects, no
    // rounded BIGINTs or DECIMALs.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: "utf8mb4",
    // Runs until the handshake ends, so it covers a server that accepts TCP and says nothing.
    connectTimeout: seconds * 1000,
  };
  const connection = await mysql.createConnection(connectOptions).catch((error: { code?: string }) => {
    throw error.code === "ETIMEDOUT" ? new ConnectTimeoutError(seconds) : error;
  });
  // Strict mode for this session whatever the server's default: a value that does not fit is an error, never truncated.
  await connection.query("SET SESSION sql_mode = TRIM(BOTH ',' FROM CONCAT(@@SESSION.sql_mode, ',STRICT_ALL_TABLES'))");
  let queryCount = 0;
  const run = async (sql: string, params?: readonly unknown[]): Promise<unknown> => {
    queryCount++;
    // Client-side `?` substitution (`query`, not `execute`): DDL cannot be a
    // prepared statement, and arrays expand into `IN (?)` lists.
    const [result] = await connection.query(sql, params === undefined ? undefined : [...params]);
    return result;
  };
  return {
    dialect,
    displayUrl: redactUrl(url),
    get queryCount() {
      return queryCount;
    },
    query: async <Row>(sql: string, params?: readonly unknown[]) => (await run(sql, params)) as Row[],
    execute: async (sql: string, params?: readonly unknown[]) => void (await run(sql, params)),
    // A session's statement is stopped from another session: KILL QUERY ends the statement, not the connection.
    async cancel() {
      const killer = await mysql.createConnection(connectOptions);
      try {
        await killer.query(`KILL QUERY ${connection.threadId}`);
      } finally {
        await killer.end();
      }
    },
    close: () => connection.end(),
  };
}
