import { mysqlDialect } from "../../../src/dialects/mysql/mysql-dialect.js";
import type { ReflectOptions } from "../../../src/dialects/reflect-options.js";
import type { MetaData, Table } from "../../../src/model/index.js";
import { availableDialects, withTestDatabase, type TestDatabase } from "../../support/databases.js";

/** The MySQL suites run once per available server; none when MariaDB is down (test/run.js says so loudly). */
export const MYSQL_DIALECTS = availableDialects(["mysql"]);

export interface Reflected {
  readonly metadata: MetaData;
  readonly queries: number;
}

/** Reflects the database `db` currently holds through strata's own connection. */
export async function reflectDatabase(db: TestDatabase, options?: ReflectOptions): Promise<Reflected> {
  const connection = await mysqlDialect.connect(db.url);
  try {
    const metadata = await mysqlDialect.reflect(connection, options);
    return { metadata, queries: connection.queryCount };
  } finally {
    await connection.close();
  }
}

/** Runs `script` in a fresh database and reflects it. */
export function reflectScript(script: string, options?: ReflectOptions): Promise<Reflected> {
  return withTestDatabase("mysql", async (db) => {
    await db.run(script);
    return reflectDatabase(db, options);
  });
}

export async function reflectTable(script: string, name = "t"): Promise<Table> {
  const { metadata } = await reflectScript(script);
  const table = metadata.tables.get(name);
  if (!table) throw new Error(`table ${name} was not reflected; got ${[...metadata.tables.keys()].join(", ")}`);
  return table;
}
