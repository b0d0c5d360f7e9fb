/**
 * A scratch database of the same dialect as a project's database, where
 * strata can run migrations to prove them without touching the real one:
 * SQLite gets an in-memory database; PostgreSQL and MySQL a temporary
 * database created on the same server (dropped afterwards), or the
 * `devUrl` the user gives when they cannot create databases (emptied
 * afterwards, and required to be empty before).
 */
import { randomBytes } from "node:crypto";
import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";

export interface ScratchDatabase {
  readonly connection: DatabaseConnection;
  /** Where a second connection reaches it (none for an in-memory database, which only its one connection sees). */
  readonly url?: string;
  /** Drops (or empties) the scratch database and closes every connection it opened. */
  dispose(): Promise<void>;
}

/** Why no scratch database could be had: the message says what to do. */
export class ScratchDatabaseError extends Error {
  override readonly name = "ScratchDatabaseError";
}

/** The server facts a scratch database needs, per dialect. */
interface ScratchServer {
  /** Statements that create and drop a database named `name`. */
  create(name: string): string;
  drop(name: string): string;
  /** Names of the objects a `devUrl` database holds (it must hold none before use). */
  objects(connection: DatabaseConnection): Promise<string[]>;
  /** Statements that remove every object of a `devUrl` database. */
  empty(connection: DatabaseConnection): Promise<string[]>;
}

const PG_USER_SCHEMAS = "nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'";

const postgresql: ScratchServer = {
  create: (name) => `CREATE DATABASE "${name}"`,
  drop: (name) => `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
  async objects(connection) {
    const rows = await connection.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${PG_USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       UNION ALL
       SELECT n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE ${PG_USER_SCHEMAS} AND t.typtype IN ('e', 'd')`,
    );
    return rows.map((r) => r.name);
  },
  async empty(connection) {
    const rows = await connection.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE ${PG_USER_SCHEMAS} ORDER BY nspname`,
    );
    const q = connection.dialect.quoteIdentifier;
    return [...rows.map((r) => `DROP SCHEMA ${q(r.name)} CASCADE`), "CREATE SCHEMA public"];
  },
};

const mysql: ScratchServer = {
  create: (name) => `CREATE DATABASE \`${name}\``,
  drop: (name) => `DROP DATABASE IF EXISTS \`${name}\``,
  async objects(connection) {
    const rows = await connection.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()",
    );
    return rows.map((r) => r.name);
  },
  async empty(connection) {
    const rows = await connection.query<{ name: string; kind: string }>(
      "SELECT table_name AS name, table_type AS kind FROM information_schema.tables WHERE table_schema = DATABASE()",
    );
    const q = connection.dialect.quoteIdentifier;
    const drops = rows.map((r) => `DROP ${r.kind === "VIEW" ? "VIEW" : "TABLE"} IF EXISTS ${q(r.name)}`);
    return ["SET FOREIGN_KEY_CHECKS = 0", ...drops, "SET FOREIGN_KEY_CHECKS = 1"];
  },
};

const SERVERS: Readonly<Record<string, ScratchServer>> = { postgresql, mysql };

/** The URL of database `name` on the server `url` points at (same user, host and options). */
function urlOfDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Opens a scratch database beside `url`. With `devUrl`, that database is
 * used (it must be empty) and emptied afterwards; otherwise SQLite opens an
 * in-memory database and the servers get a temporary database.
 */
export async function openScratchDatabase(dialect: Dialect, url: string, devUrl?: string): Promise<ScratchDatabase> {
  const server = SERVERS[dialect.name];
  if (!server) {
    // An embedded database: a fresh in-memory one is the scratch database.
    const connection = await dialect.connect(":memory:");
    return { connection, dispose: () => connection.close() };
  }
  return devUrl === undefined ? temporaryDatabase(dialect, server, url) : devDatabase(dialect, server, devUrl);
}

async function temporaryDatabase(dialect: Dialect, server: ScratchServer, url: string): Promise<ScratchDatabase> {
  const name = `strata_verify_${randomBytes(6).toString("hex")}`;
  const admin = await dialect.connect(url);
  try {
    await admin.execute(server.create(name));
  } catch (error) {
    await admin.close().catch(() => {});
    throw new ScratchDatabaseError(
      `cannot create a scratch database on ${admin.displayUrl}'s server to verify migrations on (${(error as Error).message}); ` +
        "give strata.config.ts a `devUrl` naming an empty database it may use, or pass --no-verify",
    );
  }
  try {
    const scratchUrl = urlOfDatabase(url, name);
    const connection = await dialect.connect(scratchUrl);
    return {
      connection,
      url: scratchUrl,
      async dispose() {
        await connection.close().catch(() => {});
        await admin.execute(server.drop(name));
        await admin.close();
      },
    };
  } catch (error) {
    await admin.execute(server.drop(name)).catch(() => {});
    await admin.close().catch(() => {});
    throw error;
  }
}

async function devDatabase(dialect: Dialect, server: ScratchServer, devUrl: string): Promise<ScratchDatabase> {
  const connection = await dialect.connect(devUrl);
  const objects = await server.objects(connection);
  if (objects.length) {
    await connection.close();
    throw new ScratchDatabaseError(
      `the devUrl database ${connection.displayUrl} is not empty (${objects.slice(0, 5).join(", ")}${objects.length > 5 ? ", ..." : ""}); ` +
        "strata fills it and empties it again to verify migrations, so give it a database of its own",
    );
  }
  return {
    connection,
    url: devUrl,
    async dispose() {
      try {
        for (const statement of await server.empty(connection)) await connection.execute(statement);
      } finally {
        await connection.close();
      }
    },
  };
}
