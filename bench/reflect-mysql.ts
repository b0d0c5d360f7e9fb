/**
 * MySQL/MariaDB reflection at scale: builds databases of 100 and 1,000
 * tables (columns of several types, an ENUM, a unique key, an index, a
 * check and a foreign key each), reflects them, and prints the number of
 * catalog queries (which must not grow with the table count) and the time.
 * Needs the server of STRATA_BENCH_MYSQL_URL (default root@127.0.0.1:3306).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { mysqlDialect } from "../src/dialects/mysql/mysql-dialect.js";

const SERVER_URL = process.env.STRATA_BENCH_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/mysql";

function tableDdl(i: number): string {
  const parent = i === 0 ? "" : `, parent_id INT REFERENCES t${i - 1} (id) ON DELETE CASCADE`;
  return `CREATE TABLE t${i} (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    status ENUM('new','active','gone') NOT NULL DEFAULT 'new',
    balance DECIMAL(10,2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    note TEXT,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)${parent},
    UNIQUE KEY uq_email (email),
    KEY ix_status_created (status, created_at DESC)
  )`;
}

async function measure(tableCount: number): Promise<void> {
  const admin = await mysqlDialect.connect(SERVER_URL);
  const db = `strata_bench_${randomBytes(4).toString("hex")}`;
  await admin.execute(`CREATE DATABASE ${mysqlDialect.quoteIdentifier(db)}`);
  try {
    const connection = await mysqlDialect.connect(SERVER_URL.replace(/\/[^/]*$/, `/${db}`));
    const built = performance.now();
    for (let i = 0; i < tableCount; i++) await connection.execute(tableDdl(i));
    const setup = performance.now() - built;
    const before = connection.queryCount;
    const start = performance.now();
    const metadata = await mysqlDialect.reflect(connection);
    const elapsed = performance.now() - start;
    await connection.close();
    if (metadata.tables.size !== tableCount) throw new Error(`reflected ${metadata.tables.size} of ${tableCount} tables`);
    console.log(
      `${String(tableCount).padStart(5)} tables: ${connection.queryCount - before} queries, ` +
        `reflect ${elapsed.toFixed(0)} ms (${(elapsed / tableCount).toFixed(2)} ms/table); setup ${(setup / 1000).toFixed(1)} s`,
    );
  } finally {
    await admin.execute(`DROP DATABASE IF EXISTS ${mysqlDialect.quoteIdentifier(db)}`);
    await admin.close();
  }
}

export async function run(): Promise<void> {
  for (const count of [100, 1000]) await measure(count);
}
