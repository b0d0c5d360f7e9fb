/**
 * Rendering a migration of 10,000 ops: the renderers alone (renderMigrationSource),
 * the file as written (bodies laid out through Prettier's document printer,
 * see src/render/format-migration.ts), and, for comparison in the same run,
 * the same file formatted by Prettier whole, in milliseconds.
 */
import { performance } from "node:perf_hooks";
import { s } from "../src/migration-api/index.js";
import * as ops from "../src/ops/index.js";
import { formatSource, renderMigrationFile, renderMigrationSource } from "../src/render/index.js";

function bigScript(count: number): ops.MigrationScript {
  const list: ops.MigrateOperation[] = [];
  for (let i = 0; list.length < count; i++) {
    const table = `t${i}`;
    list.push(
      new ops.CreateTableOp(
        s.table(
          table,
          s.column("id", s.bigint(), { nullable: false }),
          s.column("name", s.varchar(100), { nullable: false, default: "" }),
          s.column("created_at", s.timestamptz(), { nullable: false, default: s.now() }),
          s.primaryKey("id"),
        ),
      ),
      new ops.AddColumnOp(table, s.column("note", s.text(), { comment: "free text" })),
      new ops.CreateIndexOp(table, s.index(`ix_${table}_name`, ["name"], { unique: true })),
      new ops.AlterColumnOp(table, "name", { modifyType: { from: s.varchar(100), to: s.text() }, existingNullable: false }),
      new ops.CreateForeignKeyOp(table, s.foreignKey(["id"], `t${i + 1}`, ["id"], { name: `fk_${table}`, onDelete: "cascade" })),
    );
  }
  const upgrade = new ops.UpgradeOps(list.slice(0, count));
  return new ops.MigrationScript("0123456789ab", upgrade, upgrade.reverse(), { message: "bench" });
}

const createdAt = new Date("2026-12-07T00:00:00Z");

export async function run(): Promise<void> {
  const script = bigScript(10_000);
  const times: number[] = [];
  let raw = { source: "" };
  for (let i = 0; i < 4; i++) {
    const start = performance.now();
    raw = renderMigrationSource(script, { createdAt });
    times.push(performance.now() - start);
  }
  const [cold, ...warm] = times;
  const filePath = "/tmp/strata-bench/migration.ts";
  let start = performance.now();
  const file = await renderMigrationFile(script, { createdAt, filePath });
  const fileMs = performance.now() - start;
  start = performance.now();
  const whole = await formatSource(raw.source, filePath);
  const wholeMs = performance.now() - start;
  if (whole !== file.source) throw new Error("the file as written differs from Prettier's formatting of the whole file");
  console.log(
    `render 10,000 ops (upgrade + downgrade): first ${cold.toFixed(0)} ms, best warm ${Math.min(...warm).toFixed(0)} ms, ${(raw.source.length / 1024).toFixed(0)} KiB`,
  );
  console.log(`render + format (the file as written):   ${fileMs.toFixed(0)} ms, ${file.source.split("\n").length} lines`);
  console.log(`Prettier over the whole file, same text:  ${wholeMs.toFixed(0)} ms (${(wholeMs / fileMs).toFixed(1)}x the file as written)`);
}
