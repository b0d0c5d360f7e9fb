/**
 * Comparison of two in-memory models of 1,000, 5,000 and 10,000 tables
 * (8 columns, a primary key, a foreign key, an index and a unique constraint
 * each), where one table in a hundred differs: a column added, a type
 * widened, an index changed. Time should grow linearly with the table count.
 */
import { AutogenContext, compareModels, MigrationContext } from "../src/compare/index.js";
import {
  Column,
  defaults,
  ForeignKeyConstraint,
  Index,
  MetaData,
  PrimaryKeyConstraint,
  scalarType,
  Table,
  UniqueConstraint,
} from "../src/model/index.js";

function model(tables: number, changed: boolean): MetaData {
  const out: Table[] = [];
  for (let i = 0; i < tables; i++) {
    const differs = changed && i % 100 === 0;
    const columns = [
      new Column({ name: "id", type: scalarType("integer"), nullable: false }),
      new Column({ name: "parent_id", type: scalarType("integer"), nullable: true }),
      new Column({ name: "name", type: scalarType("varchar", [differs ? 200 : 100]), nullable: false }),
      new Column({ name: "email", type: scalarType("varchar", [255]), nullable: false }),
      new Column({ name: "balance", type: scalarType("decimal", [10, 2]), nullable: false, default: defaults.literal(0) }),
      new Column({ name: "active", type: scalarType("boolean"), nullable: false, default: defaults.literal(true) }),
      new Column({ name: "created_at", type: scalarType("timestamptz"), nullable: false, default: defaults.now() }),
      new Column({ name: "note", type: scalarType("text"), nullable: true }),
      ...(differs ? [new Column({ name: "extra", type: scalarType("text"), nullable: true })] : []),
    ];
    out.push(
      new Table({
        name: `t${String(i).padStart(5, "0")}`,
        columns,
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
        foreignKeys: i > 0 ? [new ForeignKeyConstraint({ name: `fk_${i}`, columns: ["parent_id"], target: { name: `t${String(i - 1).padStart(5, "0")}` }, targetColumns: ["id"] })] : [],
        uniqueConstraints: [new UniqueConstraint({ name: `uq_${i}`, columns: ["email"] })],
        indexes: [new Index({ name: `ix_${i}`, elements: [{ kind: "column", name: differs ? "email" : "name" }] })],
      }),
    );
  }
  return new MetaData({ database: { dialect: "postgresql" }, tables: out });
}

export async function run(): Promise<void> {
  const context = MigrationContext.configure({ dialect: "postgresql" });
  for (const size of [1_000, 5_000, 10_000]) {
    const database = model(size, false);
    const target = model(size, true);
    // Warm up once so the first size does not pay for JIT compilation.
    if (size === 1_000) await compareModels(new AutogenContext(context, target), database, target);
    const start = performance.now();
    const ops = await compareModels(new AutogenContext(context, target), database, target);
    const ms = performance.now() - start;
    const perTable = (ms * 1000) / size;
    console.log(`compare ${size.toLocaleString("en")} tables: ${ms.toFixed(0)} ms (${perTable.toFixed(1)} µs/table), ${ops.asDiffs().length} diffs`);
  }
}
