/**
 * drizzle-orm over each test database, with a generated fixture module as
 * its schema: the drivers the issue names (libsql, postgres-js, mysql2).
 */
import type { DialectName, TestDatabase } from "../support/databases.js";
import * as mysqlSchema from "../fixtures/drizzle/mysql/app.drizzle.js";
import * as postgresqlSchema from "../fixtures/drizzle/postgresql/app.drizzle.js";
import * as sqliteSchema from "../fixtures/drizzle/sqlite/app.drizzle.js";

export const FIXTURE_MODULES = { sqlite: sqliteSchema, postgresql: postgresqlSchema, mysql: mysqlSchema } as const;

/**
 * The calls the scenario makes, loosely typed: each dialect's drizzle
 * database has its own types, which the type-level test checks instead.
 */
export interface LooseDrizzle {
  insert(table: unknown): { values(rows: unknown): PromiseLike<unknown> };
  update(table: unknown): { set(values: unknown): { where(condition: unknown): PromiseLike<unknown> } };
  delete(table: unknown): { where(condition: unknown): PromiseLike<unknown> };
  select(): { from(table: unknown): { orderBy(...columns: unknown[]): PromiseLike<Array<Record<string, unknown>>> } };
  query: Record<string, { findMany(config?: unknown): PromiseLike<Array<Record<string, unknown>>> }>;
}

export interface DrizzleSession {
  readonly db: LooseDrizzle;
  readonly schema: Record<string, unknown>;
  /**
   * drizzle loads a `one` relation from a derived table that refers to the
   * outer row (or a LATERAL join); MariaDB supports neither, MySQL 8 does.
   */
  readonly oneRelations: boolean;
  close(): Promise<void>;
}

export async function openDrizzle(dialect: DialectName, database: TestDatabase): Promise<DrizzleSession> {
  const schema = FIXTURE_MODULES[dialect] as unknown as Record<string, unknown>;
  switch (dialect) {
    case "sqlite": {
      const { createClient } = await import("@libsql/client");
      const { drizzle } = await import("drizzle-orm/libsql");
      const client = createClient({ url: database.url });
      return {
        db: drizzle(client, { schema: sqliteSchema }) as unknown as LooseDrizzle,
        schema,
        oneRelations: true,
        close: async () => client.close(),
      };
    }
    case "postgresql": {
      const { default: postgres } = await import("postgres");
      const { drizzle } = await import("drizzle-orm/postgres-js");
      const client = postgres(database.url, { onnotice: () => {}, max: 1 });
      return {
        db: drizzle(client, { schema: postgresqlSchema }) as unknown as LooseDrizzle,
        schema,
        oneRelations: true,
        close: () => client.end(),
      };
    }
    case "mysql": {
      const mysql = await import("mysql2/promise");
      const { drizzle } = await import("drizzle-orm/mysql2");
      const connection = await mysql.createConnection({ uri: database.url });
      const [[{ version }]] = (await connection.query("select version() as version")) as unknown as [
        [{ version: string }],
      ];
      return {
        // "planetscale" mode loads `many` relations with correlated subqueries, which MariaDB runs; "default" needs LATERAL.
        db: drizzle(connection, { schema: mysqlSchema, mode: "planetscale" }) as unknown as LooseDrizzle,
        schema,
        oneRelations: !version.includes("MariaDB"),
        close: () => connection.end(),
      };
    }
  }
}
