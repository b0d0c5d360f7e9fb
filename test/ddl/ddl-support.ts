/**
 * Helpers for the DDL suites: the compiler of each dialect, a runner that
 * applies compiled statements as the migration runtime does (a transaction
 * where the dialect has transactional DDL, SQLite's foreign keys off before
 * BEGIN, `expectNoRows` checks), and raw catalog reads that do not go
 * through strata's reflection.
 */
import type { DdlCompiler, DdlContext, Statement } from "../../src/dialects/ddl-compiler.js";
import type { DatabaseConnection, Dialect } from "../../src/dialects/dialect.js";
import { mysqlDdl } from "../../src/dialects/mysql/mysql-ddl.js";
import { mysqlDialect } from "../../src/dialects/mysql/mysql-dialect.js";
import { postgresqlDdl } from "../../src/dialects/postgresql/postgresql-ddl.js";
import { postgresqlDialect } from "../../src/dialects/postgresql/postgresql-dialect.js";
import { sqliteDdl } from "../../src/dialects/sqlite/sqlite-ddl.js";
import { sqliteDialect } from "../../src/dialects/sqlite/sqlite-dialect.js";
import type { MetaData } from "../../src/model/index.js";
import type { MigrateOperation } from "../../src/ops/migrate-operation.js";
import { executeStatement } from "../../src/runtime/execute-statement.js";
import { liveDdlContext } from "../../src/runtime/live-ddl-context.js";
import { withTestDatabase, type DialectName, type TestDatabase } from "../support/databases.js";

export const DIALECT: Readonly<Record<DialectName, { dialect: Dialect; ddl: DdlCompiler }>> = {
  sqlite: { dialect: sqliteDialect, ddl: sqliteDdl },
  postgresql: { dialect: postgresqlDialect, ddl: postgresqlDdl },
  mysql: { dialect: mysqlDialect, ddl: mysqlDdl },
};

/** An offline context: no live database, as for `--sql`. */
export function offline(name: DialectName, extra: Partial<DdlContext> = {}): DdlContext {
  return { dialect: DIALECT[name].dialect, ...extra };
}

export async function compileOffline(name: DialectName, op: MigrateOperation, extra: Partial<DdlContext> = {}): Promise<string[]> {
  return (await DIALECT[name].ddl.compile(op, offline(name, extra))).map((s) => s.sql);
}

export interface Harness {
  readonly db: TestDatabase;
  readonly connection: DatabaseConnection;
  /** Compiles each op against the live database and runs its statements, one migration per call. */
  apply(ops: MigrateOperation | MigrateOperation[], options?: ApplyOptions): Promise<Statement[]>;
}

export interface ApplyOptions {
  readonly metadata?: MetaData;
  /** Skip the compiler's `boundary` (SQLite: leave foreign keys enforced during the migration). */
  readonly keepForeignKeys?: boolean;
}

export async function withHarness(name: DialectName, fn: (h: Harness) => Promise<void>): Promise<void> {
  await withTestDatabase(name, async (db) => {
    const { dialect, ddl } = DIALECT[name];
    const connection = await dialect.connect(db.url);
    try {
      const apply = async (input: MigrateOperation | MigrateOperation[], options: ApplyOptions = {}) => {
        const ops = Array.isArray(input) ? input : [input];
        const boundary = options.keepForeignKeys ? { beforeBegin: [], beforeCommit: [], afterEnd: [] } : ddl.boundary;
        const transactional = dialect.capabilities.transactionalDdl;
        for (const statement of boundary.beforeBegin) await executeStatement(connection, statement);
        if (transactional) await connection.execute(name === "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
        const ran: Statement[] = [];
        try {
          for (const op of ops) {
            const statements = await ddl.compile(op, liveDdlContext(connection, { metadata: options.metadata }));
            for (const statement of statements) {
              await executeStatement(connection, statement);
              ran.push(statement);
            }
          }
          for (const statement of boundary.beforeCommit) await executeStatement(connection, statement);
          if (transactional) await connection.execute("COMMIT");
        } catch (error) {
          if (transactional) await connection.execute("ROLLBACK");
          throw error;
        } finally {
          for (const statement of boundary.afterEnd) await executeStatement(connection, statement);
        }
        return ran;
      };
      await fn({ db, connection, apply });
    } finally {
      await connection.close();
    }
  });
}

export interface RawColumn {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
}

/** Columns in order, straight from information_schema / pragma_table_xinfo. */
export async function rawColumns(db: TestDatabase, table: string, schema?: string): Promise<RawColumn[]> {
  switch (db.dialect) {
    case "sqlite":
      return (
        await db.query<{ name: string; type: string; notnull: number; dflt_value: string | null }>(
          "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_xinfo(?) ORDER BY cid",
          [table],
        )
      ).map((r) => ({ name: r.name, type: r.type, nullable: Number(r.notnull) === 0, default: r.dflt_value }));
    case "postgresql":
      return (
        await db.query<{ name: string; type: string; nullable: string; default: string | null }>(
          `SELECT column_name AS name, format_type(a.atttypid, a.atttypmod) AS type, is_nullable AS nullable, column_default AS default
             FROM information_schema.columns c
             JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
            WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
          [schema ?? "public", table],
        )
      ).map((r) => ({ name: r.name, type: r.type, nullable: r.nullable === "YES", default: r.default }));
    case "mysql":
      return (
        await db.query<{ name: string; type: string; nullable: string; def: string | null }>(
          `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS def
             FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
          [table],
        )
      ).map((r) => ({ name: r.name, type: r.type, nullable: r.nullable === "YES", default: r.def }));
  }
}

/** Table names of the database (PostgreSQL: of one schema), sorted. */
export async function rawTables(db: TestDatabase, schema?: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    db.dialect === "sqlite"
      ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : db.dialect === "postgresql"
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1"
        : "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1",
    db.dialect === "postgresql" ? [schema ?? "public"] : [],
  );
  return rows.map((r) => r.name);
}

/** Index names of a table (primary keys excluded), sorted. */
export async function rawIndexes(db: TestDatabase, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    db.dialect === "sqlite"
      ? "SELECT name FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name"
      : db.dialect === "postgresql"
        ? "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 AND indexname NOT LIKE '%_pkey' ORDER BY 1"
        : "SELECT DISTINCT INDEX_NAME AS name FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY 1",
    [table],
  );
  return rows.map((r) => r.name);
}

/**
 * Rows as plain objects ordered by the given column, numbers normalized. The
 * columns are listed (and aliased) by name: the raw libSQL client labels a
 * column added by another connection `undefined` in a `SELECT *`.
 */
export async function rawRows(db: TestDatabase, table: string, orderBy: string): Promise<Array<Record<string, unknown>>> {
  const q = (n: string) => (db.dialect === "mysql" ? `\`${n.replaceAll("`", "``")}\`` : `"${n.replaceAll('"', '""')}"`);
  const columns = (await rawColumns(db, table)).map((c) => `${q(c.name)} AS ${q(c.name)}`);
  const rows = await db.query(`SELECT ${columns.join(", ")} FROM ${q(table)} ORDER BY ${q(orderBy)}`);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
}

/** Resolves when `promise` rejects (and its message matches), fails the test when it resolves. */
export async function rejects(promise: Promise<unknown>, message?: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (message && !message.test(String((error as Error).message))) {
      throw new Error(`expected an error matching ${message}, got: ${(error as Error).message}`);
    }
    return;
  }
  throw new Error("expected a rejection, but the promise resolved");
}
