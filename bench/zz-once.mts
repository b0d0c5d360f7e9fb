import { s } from "../src/migration-api/index.js";
import * as ops from "../src/ops/index.js";
import { renderMigrationFile } from "../src/render/index.js";
import { performance } from "node:perf_hooks";
const list: any[] = [];
for (let i = 0; list.length < 10000; i++) {
  const table = `t${i}`;
  list.push(
    new ops.CreateTableOp(s.table(table, s.column("id", s.bigint(), { nullable: false }), s.column("name", s.varchar(100), { nullable: false, default: "" }), s.column("created_at", s.timestamptz(), { nullable: false, default: s.now() }), s.primaryKey("id"))),
    new ops.AddColumnOp(table, s.column("note", s.text(), { comment: "free text" })),
    new ops.CreateIndexOp(table, s.index(`ix_${table}_name`, ["name"], { unique: true })),
    new ops.AlterColumnOp(table, "name", { modifyType: { from: s.varchar(100), to: s.text() }, existingNullable: false }),
    new ops.CreateForeignKeyOp(table, s.foreignKey(["id"], `t${i + 1}`, ["id"], { name: `fk_${table}`, onDelete: "cascade" })),
  );
}
const upgrade = new ops.UpgradeOps(list.slice(0, 10000));
const script = new ops.MigrationScript("0123456789ab", upgrade, upgrade.reverse(), { message: "bench" });
const t = performance.now();
await renderMigrationFile(script, { filePath: "/tmp/x/migration.ts" });
console.log(Math.round(performance.now() - t), "ms");
