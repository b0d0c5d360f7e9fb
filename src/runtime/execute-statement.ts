import type { Statement } from "../dialects/ddl-compiler.js";
import type { DatabaseConnection } from "../dialects/dialect.js";

/** A check statement (`expectNoRows`) returned rows: the message plus the offending rows. */
export class DdlCheckFailedError extends Error {
  override readonly name = "DdlCheckFailedError";
  constructor(
    message: string,
    readonly rows: ReadonlyArray<Record<string, unknown>>,
  ) {
    super(`${message}: ${JSON.stringify(rows.slice(0, 10))}${rows.length > 10 ? ` and ${rows.length - 10} more` : ""}`);
  }
}

/** Runs one compiled statement: executes it, or for a check, queries it and fails on any row. */
export async function executeStatement(connection: DatabaseConnection, statement: Statement): Promise<void> {
  if (statement.expectNoRows === undefined) return connection.execute(statement.sql, statement.params ?? []);
  const rows = await connection.query(statement.sql, statement.params ?? []);
  if (rows.length) throw new DdlCheckFailedError(statement.expectNoRows, rows);
}
