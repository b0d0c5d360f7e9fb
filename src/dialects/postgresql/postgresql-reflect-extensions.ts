import { Extension } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema } from "./postgresql-catalog-scope.js";

// plpgsql is in every database PostgreSQL creates: not a choice of the schema.
const EXTENSIONS_SQL = `
select e.extname as name, n.nspname as schema, e.extversion as version, a.default_version
from pg_catalog.pg_extension e
join pg_catalog.pg_namespace n on n.oid = e.extnamespace
left join pg_catalog.pg_available_extensions a on a.name = e.extname
where e.extname <> 'plpgsql'
order by e.extname`;

/**
 * Every extension of the database, in one query: extensions are not in a
 * schema, so the scope does not narrow them. The installed version is read
 * as it is; `info.defaultVersion` keeps the version the server would install
 * today, so `pull` writes a version only where it differs (where it was pinned).
 */
export async function readExtensions(connection: DatabaseConnection): Promise<Extension[]> {
  const rows = await connection.query<{ name: string; schema: string; version: string; default_version: string | null }>(EXTENSIONS_SQL);
  return rows.map(
    (row) =>
      new Extension({
        name: row.name,
        schema: modelSchema(row.schema),
        version: row.version,
        ...(row.default_version !== null ? { info: { defaultVersion: row.default_version } } : {}),
      }),
  );
}
