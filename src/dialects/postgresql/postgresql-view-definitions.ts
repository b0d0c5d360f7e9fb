import type { View } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";

/**
 * PostgreSQL keeps a view as a parse tree and prints it back its own way
 * (joins in parentheses, casts, a CTE or a UNION laid out anew), beyond
 * what comparing normalized text can undo. So each definition is given to
 * the server as a temporary view, which only this session sees and which
 * is dropped at once, and read back with the same pg_get_viewdef that
 * reflection uses. A definition the server refuses (it names a table the
 * database does not have yet) is left out. Inside a transaction of the
 * caller's, each attempt is wrapped in a savepoint, so a refusal does not
 * abort it.
 */
export async function postgresqlStoredViewDefinitions(connection: DatabaseConnection, views: readonly View[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  if (views.length === 0) return stored;
  const [{ in_transaction: inTransaction }] = await connection.query<{ in_transaction: boolean }>(
    "select transaction_timestamp() < statement_timestamp() as in_transaction",
  );
  for (const [i, view] of views.entries()) {
    // A name of its own for each: one left behind by a failure cannot block the next (and goes with the session).
    const name = `pg_temp.strata_view_definition_${i}`;
    if (inTransaction) await connection.execute("savepoint strata_view_definition");
    try {
      await connection.execute(`create temporary view ${name.slice("pg_temp.".length)} as ${view.definition}`);
      const [row] = await connection.query<{ definition: string }>("select pg_catalog.pg_get_viewdef($1::regclass, true) as definition", [name]);
      await connection.execute(`drop view ${name}`);
      if (inTransaction) await connection.execute("release savepoint strata_view_definition");
      stored.set(view.key, row.definition);
    } catch {
      if (inTransaction) await connection.execute("rollback to savepoint strata_view_definition");
    }
  }
  return stored;
}
