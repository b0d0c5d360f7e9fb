import { ConnectTimeoutError, DEFAULT_CONNECT_TIMEOUT, type ConnectOptions } from "../connect-options.js";
import type { DatabaseConnection, Dialect } from "../dialect.js";
import { redactUrl } from "../redact-url.js";

/**
 * A postgres.js client behind strata's `DatabaseConnection`. One connection
 * only (`max: 1`): migrations rely on a single session for BEGIN/COMMIT,
 * advisory locks and `SET` to apply to every later statement. Notices
 * (`NOTICE: table does not exist, skipping`) are dropped; server errors come
 * through as postgres.js raises them, message intact.
 */
export async function connectPostgresql(dialect: Dialect, url: string, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  // Lazy: parsing a schema must never load a driver.
  const { default: postgres } = await import("postgres");
  const seconds = options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
  // connect_timeout runs until the server is ready for queries, so it covers a server that accepts TCP and says nothing.
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: seconds, connection: { application_name: "strata" } });
  try {
    // postgres.js connects lazily; fail here, with the server's message, not on first use.
    await sql.unsafe("select 1");
  } catch (error) {
    await sql.end({ timeout: 0 });
    throw (error as { code?: string }).code === "CONNECT_TIMEOUT" ? new ConnectTimeoutError(seconds) : error;
  }
  let queryCount = 0;
  // The statement in flight, so that cancel() can stop it (postgres.js sends the server a cancel request).
  let running: { cancel(): unknown } | undefined;
  const send = async <T>(query: Promise<T> & { cancel(): unknown }): Promise<T> => {
    queryCount++;
    running = query;
    try {
      return await query.catch(withDetailAndHint);
    } finally {
      running = undefined;
    }
  };
  return {
    dialect,
    displayUrl: redactUrl(url),
    get queryCount() {
      return queryCount;
    },
    async query<Row>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
      return [...(await send(sql.unsafe(text, params as never[])))] as Row[];
    },
    async execute(text: string, params: readonly unknown[] = []): Promise<void> {
      // Without parameters, the simple protocol lets one call carry a script of several statements.
      await send(params.length ? sql.unsafe(text, params as never[]) : sql.unsafe(text).simple());
    },
    async cancel(): Promise<void> {
      await running?.cancel();
    },
    async close(): Promise<void> {
      await sql.end({ timeout: 5 });
    },
  };
}

/**
 * The server's DETAIL and HINT belong to its message: they name the
 * duplicate key of a failed unique index, the function that would match.
 * postgres.js keeps them in fields of their own, which nothing prints.
 */
function withDetailAndHint(error: unknown): never {
  const { detail, hint } = error as { detail?: string; hint?: string };
  if (error instanceof Error && (detail || hint)) {
    error.message = [error.message, detail && `DETAIL: ${detail}`, hint && `HINT: ${hint}`].filter(Boolean).join("\n");
  }
  throw error;
}
