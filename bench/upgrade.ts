/**
 * The migration runner end to end on SQLite: 200 migration files (a table,
 * a column and an index each) upgraded from base to head and downgraded
 * back, through the CLI entry. Measures what a migration costs beyond its
 * DDL: lock, version-table reads and writes, checksum, one transaction each.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.js";

const COUNT = 200;

function migration(i: number): string {
  const id = `m${String(i).padStart(4, "0")}`;
  const parent = i > 1 ? JSON.stringify(`m${String(i - 1).padStart(4, "0")}`) : "null";
  return `import { type Operations, s } from "strata";
export const revision = "${id}";
export const downRevision = ${parent};
export async function upgrade(op: Operations): Promise<void> {
  await op.createTable("t${i}", s.column("id", s.integer(), { nullable: false }), s.primaryKey("id"));
  await op.addColumn("t${i}", s.column("name", s.varchar(40), { nullable: true }));
  await op.createIndex("ix_t${i}_name", "t${i}", ["name"]);
}
export async function downgrade(op: Operations): Promise<void> {
  await op.dropIndex("ix_t${i}_name", { table: "t${i}" });
  await op.dropTable("t${i}");
}
`;
}

export async function run(): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), "strata-bench-upgrade-"));
  try {
    writeFileSync(join(cwd, "package.json"), '{ "type": "module" }\n');
    mkdirSync(join(cwd, "node_modules"));
    symlinkSync(fileURLToPath(new URL("..", import.meta.url)), join(cwd, "node_modules", "strata"), "dir");
    mkdirSync(join(cwd, "migrations"));
    for (let i = 1; i <= COUNT; i++)
      writeFileSync(join(cwd, "migrations", `m${String(i).padStart(4, "0")}.ts`), migration(i));
    const url = `file:${join(cwd, "bench.db")}`;
    // Data-loss warnings (every downgrade drops a table) are expected here, so nothing is printed.
    const quiet = { cwd, out: () => {}, err: () => {} };
    for (const [verb, target] of [
      ["upgrade", "head"],
      ["downgrade", "base"],
    ]) {
      const started = performance.now();
      const code = await main([verb, target, "--url", url], quiet);
      const ms = performance.now() - started;
      if (code !== 0) throw new Error(`${verb} ${target} exited ${code}`);
      console.log(
        `${verb} ${target}: ${COUNT} migrations in ${ms.toFixed(0)} ms (${(ms / COUNT).toFixed(1)} ms each, files loaded included)`,
      );
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
