/**
 * PostgreSQL reflection at scale: builds databases of 100 and 1,000 tables
 * (a serial key, several column types and defaults, an enum column, a unique
 * constraint, a check, a foreign key, a two-column index and a partial index
 * each), reflects them, and prints the number of catalog queries (which must
 * not grow with the table count) and the time. Needs the server of
 * STRATA_BENCH_PG_URL (default postgres@127.0.0.1:5432).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { postgresqlDialect } from "../src/dialects/postgresql/postgresql-dialect.js";

const SERVER_URL = process.env.STRATA_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function tableDdl(i: number): string {
  const parent = i === 0 ? "" : `,\n    parent_id integer references t${i - 1} (id) on delete cascade`;
  return `create table t${i} (
    id serial primary key,
    email varchar(255) not null constraint uq_t${i}_email unique,
    status status not null default 'new',
    balance numeric(10, 2) not null default 0 check (balance >= 0),
    note text,
    deleted_at timestamptz,
    created_at timestamptz not null default now()${parent}
  );
  create index ix_t${i}_created on t${i} (created_at desc, email);
  create index ix_t${i}_live on t${i} (email) where deleted_at is null;`;
}

async function measure(tableCount: number): Promise<void> {
  const admin = await postgresqlDialect.connect(SERVER_URL);
  const name = `strata_bench_${randomBytes(4).toString("hex")}`;
  await admin.execute(`create database ${postgresqlDialect.quoteIdentifier(name)}`);
  try {
    const connection = await postgresqlDialect.connect(SERVER_URL.replace(/\/[^/]*$/, `/${name}`));
    const built = performance.now();
    const ddl = Array.from({ length: tableCount }, (_, i) => tableDdl(i)).join("\n");
    await connection.execute(`begin; create type status as enum ('new', 'active', 'gone'); ${ddl} commit;`);
    const setup = performance.now() - built;
    const before = connection.queryCount;
    const start = performance.now();
    const metadata = await postgresqlDialect.reflect(connection);
    const elapsed = performance.now() - start;
    const queries = connection.queryCount - before;
    await connection.close();
    if (metadata.tables.size !== tableCount) throw new Error(`reflected ${metadata.tables.size} of ${tableCount} tables`);
    console.log(
      `${String(tableCount).padStart(5)} tables: ${queries} queries, ` +
        `reflect ${elapsed.toFixed(0)} ms (${(elapsed / tableCount).toFixed(2)} ms/table); setup ${(setup / 1000).toFixed(1)} s`,
    );
  } finally {
    await admin.execute(`drop database if exists ${postgresqlDialect.quoteIdentifier(name)} with (force)`);
    await admin.close();
  }
}

export async function run(): Promise<void> {
  for (const count of [100, 1000]) await measure(count);
}
