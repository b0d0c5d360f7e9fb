import type { MetaData, Table } from "../../../src/model/index.js";
import type { ReflectOptions } from "../../../src/dialects/reflect-options.js";
import { sqliteDialect } from "../../../src/dialects/sqlite/sqlite-dialect.js";
import { withTestDatabase } from "../../support/databases.js";

/** Runs a DDL script in a fresh SQLite file and reflects it; also says how many queries reflection sent. */
export async function reflectSql(sql: string, options?: ReflectOptions): Promise<{ metadata: MetaData; queries: number }> {
  return withTestDatabase("sqlite", async (db) => {
    if (sql.trim()) await db.run(sql);
    const connection = await sqliteDialect.connect(db.url);
    try {
      const before = connection.queryCount;
      const metadata = await sqliteDialect.reflect(connection, options);
      return { metadata, queries: connection.queryCount - before };
    } finally {
      await connection.close();
    }
  });
}

/** The one table a script creates, by name; fails loudly when it is missing. */
export async function reflectTable(sql: string, name: string): Promise<Table> {
  const { metadata } = await reflectSql(sql);
  const table = metadata.tables.get(name);
  if (!table) throw new Error(`table "${name}" was not reflected; got ${[...metadata.tables.keys()].join(", ")}`);
  return table;
}
