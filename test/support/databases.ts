/**
 * Real databases for tests: every test gets its own database (PostgreSQL,
 * MySQL) or file (SQLite), dropped afterwards, so tests never see each
 * other's tables. Uses the drivers directly, not strata's dialects, so a
 * broken dialect cannot hide behind its own test setup.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type DialectName = "sqlite" | "postgresql" | "mysql";
export const ALL_DIALECTS: readonly DialectName[] = ["sqlite", "postgresql", "mysql"];

const PG_ADMIN_URL = process.env.STRATA_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const MYSQL_ADMIN_URL = process.env.STRATA_TEST_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test";

/** Dialects whose server answered when `npm test` started (test/run.js). */
export function isAvailable(dialect: DialectName): boolean {
  const skipped = (process.env.STRATA_TEST_SKIP ?? "").split(",");
  return !skipped.includes(dialect);
}

export function availableDialects(wanted: readonly DialectName[] = ALL_DIALECTS): DialectName[] {
  return wanted.filter(isAvailable);
}

export interface TestDatabase {
  readonly dialect: DialectName;
  readonly url: string;
  /** Runs a script of several statements (a corpus file, a fixture). */
  run(sql: string): Promise<void>;
  /** One query through the raw driver, for assertions that must not trust strata. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const name = `strata_t_${randomBytes(6).toString("hex")}`;
  switch (dialect) {
    case "sqlite":
      return sqliteDatabase(name);
    case "postgresql":
      return postgresDatabase(name);
    case "mysql":
      return mysqlDatabase(name);
  }
}

/** Creates a database, runs `fn` with it and always drops it. */
export async function withTestDatabase<T>(dialect: DialectName, fn: (db: TestDatabase) => Promise<T>): Promise<T> {
  const db = await createTestDatabase(dialect);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

async function sqliteDatabase(name: string): Promise<TestDatabase> {
  const { createClient } = await import("@libsql/client");
  const dir = mkdtempSync(join(tmpdir(), "strata-"));
  const url = `file:${join(dir, `${name}.db`)}`;
  const client = createClient({ url });
  return {
    dialect: "sqlite",
    url,
    run: async (sql) => void (await client.executeMultiple(sql)),
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await client.execute({ sql, args: params as never })).rows.map((r) => ({ ...r }) as Row),
    drop: async () => {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(name: string): Promise<TestDatabase> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(PG_ADMIN_URL, { onnotice: () => {}, max: 1 });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const sql = postgres(url, { onnotice: () => {}, max: 1 });
  return {
    dialect: "postgresql",
    url,
    run: async (text) => void (await sql.unsafe(text).simple()),
    query: async <Row>(text: string, params: unknown[] = []) => [...(await sql.unsafe(text, params as never[]))] as Row[],
    drop: async () => {
      await sql.end();
      const admin = postgres(PG_ADMIN_URL, { onnotice: () => {}, max: 1 });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function mysqlDatabase(name: string): Promise<TestDatabase> {
  const mysql = await import("mysql2/promise");
  const admin = await mysql.createConnection(MYSQL_ADMIN_URL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.end();
  const url = MYSQL_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  return {
    dialect: "mysql",
    url,
    run: async (text) => void (await conn.query(text)),
    query: async <Row>(text: string, params: unknown[] = []) => {
      const [rows] = await conn.query(text, params);
      return rows as Row[];
    },
    drop: async () => {
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
