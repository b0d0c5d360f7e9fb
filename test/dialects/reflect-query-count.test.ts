/**
 * Reflection costs a constant number of catalog queries per database, with
 * functions and triggers present: the same count at 1, 50 and 1,000 tables,
 * each table with a trigger (and, where the dialect has them, a function of
 * its own the trigger calls; on PostgreSQL also a domain its column uses,
 * row-level security with a policy, and an extension in the database).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { dialectNamed } from "../../src/dialects/registry.js";
import { availableDialects, withTestDatabase, type DialectName } from "../support/databases.js";

const test = suite("reflection: a constant number of queries with functions, triggers, domains, extensions and policies");

/** The DDL of `n` tables, each with a trigger and what it needs. */
const SCRIPTS: Record<DialectName, (n: number) => string> = {
  postgresql: (n) =>
    "create extension citext;\n" +
    Array.from(
      { length: n },
      (_, i) => `create domain d${i} as int check (value > 0);
create table t${i} (id d${i} primary key, at timestamptz);
create function touch_${i}() returns trigger language plpgsql as $$ begin new.at := now(); return new; end; $$;
create trigger t${i}_touch before update on t${i} for each row execute function touch_${i}();
alter table t${i} enable row level security;
create policy t${i}_positive on t${i} using (id > 0);`,
    ).join("\n"),
  mysql: (n) =>
    Array.from(
      { length: n },
      (_, i) => `CREATE TABLE t${i} (id INT PRIMARY KEY, v INT NOT NULL DEFAULT 0);
CREATE FUNCTION bump_${i}(x INT) RETURNS INT DETERMINISTIC RETURN x + 1;
CREATE TRIGGER t${i}_bi BEFORE INSERT ON t${i} FOR EACH ROW SET NEW.v = bump_${i}(NEW.v);`,
    ).join("\n"),
  sqlite: (n) =>
    Array.from(
      { length: n },
      (_, i) => `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, v INTEGER);
CREATE TRIGGER t${i}_ai AFTER INSERT ON t${i} BEGIN UPDATE t${i} SET v = 1 WHERE id = NEW.id; END;`,
    ).join("\n"),
};

const EXPECTED: Record<DialectName, number> = { postgresql: 13, mysql: 9, sqlite: 4 };

interface Counted {
  readonly queries: number;
  readonly tables: number;
  readonly triggers: number;
  readonly routines: number;
  readonly domains: number;
  readonly policies: number;
  readonly extensions: number;
}

async function reflectCount(dialect: DialectName, n: number): Promise<Counted> {
  return withTestDatabase(dialect, async (db) => {
    // A thousand objects at a time keeps each script within what every driver sends in one go.
    const script = SCRIPTS[dialect](n);
    const statements = dialect === "postgresql" ? [script] : chunks(script, 300);
    for (const part of statements) await db.run(part);
    const d = dialectNamed(dialect)!;
    const connection = await d.connect(db.url);
    try {
      const before = connection.queryCount;
      const metadata = await d.reflect(connection);
      return {
        queries: connection.queryCount - before,
        tables: metadata.tables.size,
        triggers: metadata.triggers.size,
        routines: metadata.routines.size,
        domains: metadata.domains.size,
        policies: metadata.policies.size,
        extensions: metadata.extensions.size,
      };
    } finally {
      await connection.close();
    }
  });
}

/** The script in runs of `size` tables' worth of lines (three lines a table). */
function chunks(script: string, size: number): string[] {
  const lines = script.split("\n");
  const per = lines.length / (script.match(/CREATE TABLE/g)?.length ?? 1);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += size * per) out.push(lines.slice(i, i + size * per).join("\n"));
  return out;
}

for (const dialect of availableDialects()) {
  test(`${dialect}: ${EXPECTED[dialect]} queries at 1, 50 and 1,000 tables with a trigger each`, async () => {
    for (const n of [1, 50, 1000]) {
      const got = await reflectCount(dialect, n);
      assert.equal(
        got,
        {
          queries: EXPECTED[dialect],
          tables: n,
          triggers: n,
          routines: dialect === "sqlite" ? 0 : n,
          domains: dialect === "postgresql" ? n : 0,
          policies: dialect === "postgresql" ? n : 0,
          extensions: dialect === "postgresql" ? 1 : 0,
        },
        `${n} tables`,
      );
    }
  });
}

test.run();
