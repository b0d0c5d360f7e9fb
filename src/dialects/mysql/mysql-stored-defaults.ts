import { Column, type DefaultValue, Table } from "../../model/index.js";
import { DdlWriter } from "../ddl/ddl-writer.js";
import { defaultProbeKey, type DatabaseConnection } from "../dialect.js";
import { queryInTransaction } from "./mysql-catalog.js";
import { mysqlCreateTable } from "./mysql-ddl-columns.js";

/**
 * MySQL and MariaDB store an expression default rewritten (`CURRENT_DATE`
 * is `curdate()`), beyond what the normalizer can know. So each default is
 * created on a one-column table of strata's own, read back by reflection
 * and dropped at once. DDL commits any open transaction here, so nothing is
 * asked inside one (nor on MySQL, where the session cannot tell); a default
 * the server refuses is left out.
 */
export async function mysqlStoredDefaults(connection: DatabaseConnection, columns: readonly Column[]): Promise<Map<string, DefaultValue>> {
  const stored = new Map<string, DefaultValue>();
  if (columns.length === 0) return stored;
  if (await queryInTransaction(connection).catch(() => true)) return stored;
  const dialect = connection.dialect;
  const w = new DdlWriter(dialect, "mysql", () => "?");
  for (const [i, column] of columns.entries()) {
    if (column.default === undefined || column.default.kind === "autoincrement") continue;
    // The process id keeps two strata processes on one database apart.
    const name = `strata_stored_default_${process.pid}_${i}`;
    const probe = new Table({ name, columns: [new Column({ name: "c", type: column.type, nullable: true, default: column.default })] });
    try {
      const [create] = mysqlCreateTable(w, probe, { dialect });
      await connection.execute(create.sql);
    } catch {
      continue;
    }
    try {
      const reflected = await dialect.reflect(connection, {
        includeName: (objectName, type, parent) => (type === "table" ? objectName === name : type === "schema" || parent.tableName === name),
      });
      const value = reflected.tables.get(name)?.column("c")?.default;
      if (value !== undefined) stored.set(defaultProbeKey(column), value);
    } finally {
      await connection.execute(`DROP TABLE IF EXISTS ${w.q(name)}`);
    }
  }
  return stored;
}
