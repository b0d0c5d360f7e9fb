import type { Client, InArgs, ResultSet, Transaction } from "@libsql/client";
import { ConnectTimeoutError, DEFAULT_CONNECT_TIMEOUT, type ConnectOptions } from "../connect-options.js";
import type { DatabaseConnection, Dialect } from "../dialect.js";

/**
 * A strata connection over `@libsql/client` (`file:` databases and remote
 * `libsql://` servers).
 *
 * The client is created with a single connection: SQLite pragmas such as
 * `foreign_keys` belong to a connection, and a script of `BEGIN ... COMMIT`
 * must run on one. The client rolls back a transaction left open by a plain
 * `execute`, so `BEGIN`/`COMMIT`/`ROLLBACK` sent as statements are mapped onto
 * the client's own transaction object, and everything in between runs in it.
 */
export async function connectSqlite(url: string, dialect: Dialect, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  // A local file (or memory) needs only the embedded SQLite: the full client
  // also loads the remote protocol (hrana, WebSockets), some 50 modules and
  // 0.1 s of startup every `strata diff` of a dev.db would pay for nothing.
  const local = /^file:/i.test(url) || url === ":memory:";
  const { createClient } = local ? await import("@libsql/client/sqlite3") : await import("@libsql/client");
  const seconds = options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  // A remote libSQL server is spoken to over HTTP: its requests carry a
  // deadline until the first statement has an answer. Local files need none.
  const deadline = new AbortController();
  let connecting = true;
  const fetchUntilConnected = (request: Request) => fetch(request, connecting ? { signal: deadline.signal } : {});
  const client = createClient({ url, concurrency: 1, fetch: fetchUntilConnected });
  const connection = new SqliteConnection(client, dialect, redactSqliteUrl(url));
  const timer = setTimeout(() => deadline.abort(), seconds * 1000);
  try {
    await connection.execute("PRAGMA foreign_keys = ON");
  } catch (error) {
    client.close();
    throw deadline.signal.aborted ? new ConnectTimeoutError(seconds) : error;
  } finally {
    clearTimeout(timer);
    connecting = false;
  }
  return connection;
}

/** Hides the `authToken` query parameter and any password of a libSQL URL. */
export function redactSqliteUrl(url: string): string {
  return url
    .replace(/([?&]authToken=)[^&#]*/gi, "$1***")
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, "$1***@");
}

const BEGIN = /^\s*BEGIN(?:\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\s+TRANSACTION)?\s*;?\s*$/i;
const COMMIT = /^\s*(?:COMMIT|END)(?:\s+TRANSACTION)?\s*;?\s*$/i;
const ROLLBACK = /^\s*ROLLBACK(?:\s+TRANSACTION)?\s*;?\s*$/i;

class SqliteConnection implements DatabaseConnection {
  readonly dialect: Dialect;
  readonly displayUrl: string;
  readonly #client: Client;
  #transaction: Transaction | undefined;
  #count = 0;

  constructor(client: Client, dialect: Dialect, displayUrl: string) {
    this.#client = client;
    this.dialect = dialect;
    this.displayUrl = displayUrl;
  }

  get queryCount(): number {
    return this.#count;
  }

  async query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.#run(sql, params);
    return result ? plainRows<Row>(result) : [];
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.#run(sql, params);
  }

  async close(): Promise<void> {
    if (this.#transaction) {
      this.#transaction.close();
      this.#transaction = undefined;
    }
    this.#client.close();
  }

  async #run(sql: string, params: readonly unknown[]): Promise<ResultSet | undefined> {
    this.#count++;
    const begin = BEGIN.exec(sql);
    if (begin) {
      if (this.#transaction) throw new Error("sqlite: BEGIN while a transaction is already open");
      this.#transaction = await this.#client.transaction(begin[1]?.toUpperCase() === "DEFERRED" || !begin[1] ? "deferred" : "write");
      return undefined;
    }
    const tx = this.#transaction;
    if (tx && (COMMIT.test(sql) || ROLLBACK.test(sql))) {
      this.#transaction = undefined;
      await (COMMIT.test(sql) ? tx.commit() : tx.rollback());
      return undefined;
    }
    const target = tx ?? this.#client;
    // A script (no parameters, possibly several statements) goes through
    // executeMultiple, which returns no rows; single statements return rows.
    if (params.length === 0 && hasSeveralStatements(sql)) {
      await target.executeMultiple(sql);
      return undefined;
    }
    return target.execute({ sql, args: params as InArgs });
  }
}

/** True when a `;` ends a statement before the end of the text (outside strings, identifiers and comments). */
function hasSeveralStatements(sql: string): boolean {
  const code = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?\*\//g, " ");
  return /;/.test(code.replace(/[\s;]+$/, ""));
}

function plainRows<Row>(result: ResultSet): Row[] {
  const { columns, rows } = result;
  return rows.map((row) => {
    const plain: Record<string, unknown> = {};
    columns.forEach((column, i) => (plain[column] = row[i]));
    return plain as Row;
  });
}
