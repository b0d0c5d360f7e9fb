/**
 * Rows for the property test's tables: most tables hold a row, and every
 * column of it a value (foreign key columns stay NULL), so nullability and type
 * changes run over data and the row must survive every step both ways.
 */
import type { DialectName, TestDatabase } from "../support/databases.js";
import type { SchemaModel } from "./random-schema.js";

function valueOf(model: SchemaModel, type: string): string {
  const e = model.enums.find((x) => x.name === type);
  if (e) return `'${e.values[0]}'`;
  if (type.startsWith("varchar") || type === "text") return "'v'";
  if (type.startsWith("decimal")) return "2.5";
  if (type.startsWith("integer(")) return "3";
  const bytes: Record<DialectName, string> = { postgresql: "'\\x01'::bytea", mysql: "X'01'", sqlite: "X'01'" };
  const values: Record<string, string> = {
    smallint: "3",
    integer: "3",
    bigint: "3",
    boolean: "TRUE",
    date: "'2024-01-02'",
    timestamp: "'2024-01-02 03:04:05'",
    json: "'{}'",
    uuid: "'00000000-0000-0000-0000-000000000001'",
    bytes: bytes[model.dialect],
  };
  return values[type];
}

/** A row with id 1 in every table meant to hold one that has none, and a value in every column that holds NULL. */
export async function fillRows(db: TestDatabase, model: SchemaModel): Promise<void> {
  for (const table of model.tables.filter((t) => t.rows)) {
    const [{ n }] = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table.name}`);
    const filled = table.columns.filter((c) => !c.foreignKeyColumn);
    if (Number(n) === 0) {
      const names = ["id", ...filled.map((c) => c.name)];
      const values = ["1", ...filled.map((c) => valueOf(model, c.type))];
      await db.run(`INSERT INTO ${table.name} (${names.join(", ")}) VALUES (${values.join(", ")})`);
      continue;
    }
    for (const c of filled) await db.run(`UPDATE ${table.name} SET ${c.name} = ${valueOf(model, c.type)} WHERE ${c.name} IS NULL`);
  }
}
