/**
 * `strata generate drizzle` on in-memory PostgreSQL models of 250 and
 * 1,000 tables (8 columns, a primary key, a foreign key to the previous
 * table, a unique constraint and an index each): building the module text,
 * which should grow linearly, and formatting it with Prettier, which
 * dominates.
 */
import { drizzleSource, generateDrizzle } from "../src/generate/drizzle/index.js";
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

function model(tables: number): MetaData {
  const name = (i: number) => `t${String(i).padStart(5, "0")}`;
  const out: Table[] = [];
  for (let i = 0; i < tables; i++) {
    out.push(
      new Table({
        name: name(i),
        columns: [
          new Column({ name: "id", type: scalarType("integer"), nullable: false, default: defaults.autoincrement() }),
          new Column({ name: "parent_id", type: scalarType("integer"), nullable: true }),
          new Column({ name: "name", type: scalarType("varchar", [100]), nullable: false }),
          new Column({ name: "email", type: scalarType("varchar", [255]), nullable: false }),
          new Column({
            name: "balance",
            type: scalarType("decimal", [10, 2]),
            nullable: false,
            default: defaults.literal(0),
          }),
          new Column({ name: "active", type: scalarType("boolean"), nullable: false, default: defaults.literal(true) }),
          new Column({ name: "created_at", type: scalarType("timestamptz"), nullable: false, default: defaults.now() }),
          new Column({ name: "note", type: scalarType("text"), nullable: true }),
        ],
        primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
        foreignKeys:
          i > 0
            ? [
                new ForeignKeyConstraint({
                  name: `fk_${i}`,
                  columns: ["parent_id"],
                  target: { name: name(i - 1) },
                  targetColumns: ["id"],
                  onDelete: "cascade",
                }),
              ]
            : [],
        uniqueConstraints: [new UniqueConstraint({ name: `uq_${i}`, columns: ["email"] })],
        indexes: [new Index({ name: `ix_${i}`, elements: [{ kind: "column", name: "name" }] })],
      }),
    );
  }
  return new MetaData({ database: { dialect: "postgresql" }, tables: out });
}

export async function run(): Promise<void> {
  drizzleSource(model(100)); // warm up
  for (const size of [250, 1_000]) {
    const metadata = model(size);
    let start = performance.now();
    const { source } = drizzleSource(metadata);
    const build = performance.now() - start;
    start = performance.now();
    const { code } = await generateDrizzle(metadata);
    const total = performance.now() - start;
    console.log(
      `generate drizzle ${size.toLocaleString("en")} tables: module text ${build.toFixed(0)} ms (${((build * 1000) / size).toFixed(1)} µs/table), ` +
        `with Prettier ${total.toFixed(0)} ms; ${(source.length / 1e6).toFixed(1)} MB unformatted, ${code.split("\n").length.toLocaleString("en")} lines`,
    );
  }
}
