/**
 * Whole commands as a user runs them, each in a new process through
 * bin/strata.js, on PostgreSQL (STRATA_BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres):
 * - `revision --autogenerate` of the initial migration of 1,000 tables,
 *   without and with its verification on a scratch database;
 * - `upgrade head` of that migration, against psql running the same DDL
 *   (what `upgrade head --sql` prints) on an empty database;
 * - `diff` of 1,000 and of 10,000 tables against a database one table in a
 *   hundred away from the schema: wall time, peak memory, and the growth.
 *   psql builds those databases from the same tables as DDL, 500 tables a
 *   transaction: one transaction of 10,000 tables exceeds the server's lock
 *   table (max_locks_per_transaction), and the diff's change count checks
 *   that the DDL and the schema agree.
 * Wall and peak RSS come from /usr/bin/time, as the peer harness takes them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = process.env.STRATA_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const STRATA = fileURLToPath(new URL("../bin/strata.js", import.meta.url));

function tableSchema(i: number, changed: boolean): string {
  return `table t${i} {
  id         bigint         @id
  name       varchar(100)
  email      varchar(255)   @unique
  amount     decimal(10, 2) @default(0)
  active     boolean        @default(true)
  note       text?${changed ? "\n  extra      integer?" : ""}
  created_at timestamptz    @default(now())
  parent_id  bigint?${i > 0 ? ` @references(t${i - 1}.id)` : ""}

  @@index([name])
}
`;
}

/** tableSchema(i, false) as PostgreSQL DDL. */
function tableDdl(i: number): string {
  const parent = i > 0 ? `, foreign key (parent_id) references t${i - 1} (id)` : "";
  return `create table t${i} (id bigint primary key, name varchar(100) not null, email varchar(255) not null unique,
  amount numeric(10, 2) not null default 0, active boolean not null default true, note text,
  created_at timestamptz not null default current_timestamp, parent_id bigint${parent});
create index t${i}_name_idx on t${i} (name);`;
}

const TABLES_PER_TRANSACTION = 500;

function ddl(tables: number): string {
  const parts: string[] = [];
  for (let i = 0; i < tables; i++) {
    if (i % TABLES_PER_TRANSACTION === 0) parts.push("begin;");
    parts.push(tableDdl(i));
    if (i % TABLES_PER_TRANSACTION === TABLES_PER_TRANSACTION - 1 || i === tables - 1) parts.push("commit;");
  }
  return parts.join("\n");
}

function schema(tables: number, changedEvery = 0): string {
  const parts = [`database {\n  dialect = "postgresql"\n}\n`];
  for (let i = 0; i < tables; i++) parts.push(tableSchema(i, changedEvery > 0 && i % changedEvery === 0));
  return parts.join("\n");
}

function urlOf(database: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  return url.href;
}

function psql(database: string, ...args: string[]): void {
  execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", urlOf(database), ...args], { stdio: ["ignore", "ignore", "inherit"] });
}

interface Timed {
  readonly exitCode: number;
  readonly seconds: number;
  readonly peakMb: number;
  readonly stdout: string;
}

/** Runs a command under /usr/bin/time: its wall time and peak resident memory. */
function timed(command: string, args: readonly string[], cwd: string, okCodes: readonly number[] = [0]): Timed {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (!okCodes.includes(result.status ?? -1)) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  const [seconds, kb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { exitCode: result.status!, seconds: seconds!, peakMb: kb! / 1024, stdout: result.stdout };
}

function withDatabase<T>(name: string, fn: (database: string) => T): T {
  psql("postgres", "-c", `drop database if exists ${name}`, "-c", `create database ${name}`);
  try {
    return fn(name);
  } finally {
    psql("postgres", "-c", `drop database if exists ${name} with (force)`);
  }
}

export async function run(): Promise<void> {
  const project = mkdtempSync(join(tmpdir(), "strata-e2e-"));
  const pid = process.pid;
  try {
    mkdirSync(join(project, "migrations"));
    writeFileSync(join(project, "app.schema"), schema(1000));
    const strata = (args: string[], database: string, okCodes?: readonly number[]) =>
      timed(process.execPath, [STRATA, ...args, "--url", urlOf(database), "--schema", "app.schema"], project, okCodes);

    withDatabase(`strata_e2e_${pid}`, (database) => {
      const verified = strata(["revision", "--autogenerate", "-m", "initial", "--rev-id", "000000000001"], database, [0, 1]);
      const outcome = verified.exitCode === 0 ? "verified" : "its verification failed";
      console.log(`revision --autogenerate, initial 1,000 tables, verified on a scratch database: ${verified.seconds.toFixed(2)} s (${outcome})`);
      rmSync(join(project, "migrations"), { recursive: true, force: true });
      mkdirSync(join(project, "migrations"));
      const revision = strata(["revision", "--autogenerate", "--no-verify", "-m", "initial", "--rev-id", "000000000001"], database);
      console.log(`revision --autogenerate --no-verify, initial 1,000 tables: ${revision.seconds.toFixed(2)} s, ${revision.peakMb.toFixed(0)} MB`);

      const sql = timed(process.execPath, [STRATA, "upgrade", "head", "--sql", "--url", urlOf(database)], project).stdout;
      writeFileSync(join(project, "initial.sql"), sql);
      const upgrade = strata(["upgrade", "head"], database);
      withDatabase(`strata_e2e_psql_${pid}`, (plain) => {
        const viaPsql = timed("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-f", "initial.sql", urlOf(plain)], project);
        console.log(
          `upgrade head of it: ${upgrade.seconds.toFixed(2)} s; psql -1 -f of the same DDL: ${viaPsql.seconds.toFixed(2)} s (${(upgrade.seconds / viaPsql.seconds).toFixed(2)}x)`,
        );
      });
    });

    const diffs: Timed[] = [];
    for (const tables of [1000, 10_000]) {
      withDatabase(`strata_e2e_diff_${pid}`, (database) => {
        // The database holds the schema minus one column in a hundred tables.
        writeFileSync(join(project, "tables.sql"), ddl(tables));
        psql(database, "-f", join(project, "tables.sql"));
        writeFileSync(join(project, "app.schema"), schema(tables, 100));
        const diff = strata(["diff", "--json"], database, [0, 1]);
        const changes = (JSON.parse(diff.stdout) as unknown[]).length;
        if (changes !== tables / 100) throw new Error(`diff of ${tables} tables found ${changes} changes, not ${tables / 100}: the DDL and the schema disagree`);
        diffs.push(diff);
        console.log(`diff, ${tables.toLocaleString("en")} tables (${changes} changes): ${diff.seconds.toFixed(2)} s, peak ${diff.peakMb.toFixed(0)} MB`);
      });
    }
    console.log(`growth from 1,000 to 10,000 tables: ${(diffs[1]!.seconds / diffs[0]!.seconds).toFixed(1)}x the time (10x is linear)`);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
