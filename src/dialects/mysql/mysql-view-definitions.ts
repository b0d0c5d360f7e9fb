import type { View } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { queryInTransaction, queryServer, queryViewDefinition } from "./mysql-catalog.js";
import { unqualifyViewDefinition } from "./mysql-reflect.js";

/**
 * MySQL and MariaDB store a view rewritten (USING and comma joins spelled
 * as ON and JOIN, literals named, CTE columns qualified), beyond what
 * comparing normalized text can undo. So each definition is created as a
 * view of a name of strata's own, read back from information_schema as
 * reflection reads it, and dropped at once. DDL commits any open
 * transaction here, so nothing is asked inside one (nor on MySQL, where
 * the session cannot tell); a definition the server refuses (a table the
 * database does not have yet, no CREATE VIEW privilege) is left out.
 */
export async function mysqlStoredViewDefinitions(connection: DatabaseConnection, views: readonly View[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  if (views.length === 0) return stored;
  const inTransaction = await queryInTransaction(connection).catch(() => true);
  if (inTransaction) return stored;
  const { db } = await queryServer(connection);
  for (const [i, view] of views.entries()) {
    // The process id keeps two strata processes on one database apart.
    const name = `strata_view_definition_${process.pid}_${i}`;
    const quoted = connection.dialect.quoteIdentifier(name);
    try {
      await connection.execute(`CREATE VIEW ${quoted} AS ${view.definition}`);
    } catch {
      continue;
    }
    try {
      const [row] = await queryViewDefinition(connection, db, name);
      if (row) stored.set(view.key, unqualifyViewDefinition(row.definition, db));
    } finally {
      await connection.execute(`DROP VIEW IF EXISTS ${quoted}`);
    }
  }
  return stored;
}
