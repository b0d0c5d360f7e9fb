import { postgresqlDialect } from "../../../src/dialects/postgresql/postgresql-dialect.js";
import type { ReflectOptions } from "../../../src/dialects/reflect-options.js";
import type { MetaData, Table } from "../../../src/model/index.js";
import { availableDialects, withTestDatabase } from "../../support/databases.js";

/** True when the PostgreSQL server answered; says so loudly when it did not. */
export function postgresqlAvailable(suiteName: string): boolean {
  if (availableDialects(["postgresql"]).length) return true;
  console.warn(`SKIPPED ${suiteName}: the PostgreSQL server is down`);
  return false;
}

/** Runs `ddl` in a fresh database and reflects it; `queries` is how many statements reflection sent. */
export function reflectDdl(ddl: string, options: ReflectOptions = {}): Promise<{ metadata: MetaData; queries: number }> {
  return withTestDatabase("postgresql", async (db) => {
    await db.run(ddl);
    const connection = await postgresqlDialect.connect(db.url);
    try {
      const metadata = await postgresqlDialect.reflect(connection, options);
      return { metadata, queries: connection.queryCount };
    } finally {
      await connection.close();
    }
  });
}

export function tableOf(metadata: MetaData, key: string): Table {
  const table = metadata.tables.get(key);
  if (!table) throw new Error(`no table "${key}" in [${[...metadata.tables.keys()].join(", ")}]`);
  return table;
}
