import type { Column, DefaultValue } from "../../model/index.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import { defaultProbeKey, type DatabaseConnection } from "../dialect.js";
import { pgDefault } from "./postgresql-ddl-columns.js";
import { defaultFromCatalog } from "./postgresql-defaults.js";

interface StoredRow {
  readonly expression: string;
  readonly spelling: string;
  readonly bare: string;
  readonly category: string;
}

/**
 * PostgreSQL keeps a default as an expression tree and prints it back its own
 * way (`interval '1 day'` is `'1 day'::interval`, a jsonb literal is
 * reformatted). So each default is given to the server on a temporary
 * table's column, which only this session sees and which is dropped at once,
 * and read back with the query and reader reflection uses. One the server
 * refuses (its type does not exist yet) is left out; inside a transaction of
 * the caller's, a savepoint keeps a refusal from aborting it.
 */
export async function postgresqlStoredDefaults(connection: DatabaseConnection, columns: readonly Column[]): Promise<Map<string, DefaultValue>> {
  const stored = new Map<string, DefaultValue>();
  if (columns.length === 0) return stored;
  const w = new DdlWriter(connection.dialect, "postgresql", (n) => `$${n}`);
  const [{ in_transaction: inTransaction }] = await connection.query<{ in_transaction: boolean }>(
    "select transaction_timestamp() < statement_timestamp() as in_transaction",
  );
  for (const [i, column] of columns.entries()) {
    const value = column.default;
    if (value === undefined || value.kind === "autoincrement") continue;
    const name = `strata_stored_default_${i}`;
    if (inTransaction) await connection.execute("savepoint strata_stored_default");
    try {
      const type = connection.dialect.spellType(column.type);
      await connection.execute(`create temporary table ${name} (c ${type} default ${pgDefault(w, value)})`);
      const [row] = await connection.query<StoredRow>(
        `select pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) as expression, pg_catalog.format_type(a.atttypid, a.atttypmod) as spelling,
                pg_catalog.format_type(a.atttypid, null) as bare, t.typcategory as category
           from pg_catalog.pg_attribute a join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
           join pg_catalog.pg_type t on t.oid = a.atttypid
          where a.attrelid = $1::regclass and a.attname = 'c'`,
        [`pg_temp.${name}`],
      );
      await connection.execute(`drop table pg_temp.${name}`);
      if (inTransaction) await connection.execute("release savepoint strata_stored_default");
      if (row) stored.set(defaultProbeKey(column), defaultFromCatalog(row.expression, { typeSpellings: [row.spelling, row.bare], category: row.category }));
    } catch {
      if (inTransaction) await connection.execute("rollback to savepoint strata_stored_default");
      else await connection.execute(`drop table if exists pg_temp.${name}`).catch(() => {});
    }
  }
  return stored;
}
