import { Policy, type PolicyCommand } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema, schemaPredicate, scopeParams, type CatalogScope } from "./postgresql-catalog-scope.js";

interface PolicyRow {
  readonly table_oid: number;
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly command: string;
  readonly permissive: boolean;
  readonly roles: string[];
  readonly using: string | null;
  readonly check: string | null;
  readonly comment: string | null;
}

/**
 * Role 0 is PUBLIC. The expressions are printed by the server (pretty, as
 * other expressions are read), which is also what comparison asks it for
 * when the model's are written differently.
 */
export const POLICY_COLUMNS = `
p.polrelid as table_oid, n.nspname as schema, c.relname as table, p.polname as name, p.polcmd as command, p.polpermissive as permissive,
array(select case when r.oid = 0 then 'public' else pg_catalog.pg_get_userbyid(r.oid) end
        from unnest(p.polroles) r(oid) order by 1) as roles,
pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) as using,
pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) as check,
pg_catalog.obj_description(p.oid, 'pg_policy') as comment`;

export const POLICY_SOURCES = `
pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace`;

const POLICIES_SQL = `
select ${POLICY_COLUMNS}
from ${POLICY_SOURCES}
where ${schemaPredicate("n")}
order by n.nspname, c.relname, p.polname`;

const COMMANDS: Readonly<Record<string, PolicyCommand>> = { "*": "all", r: "select", a: "insert", w: "update", d: "delete" };

/** The policies of the wanted schemas in one query, with their table's oid (the caller keeps those of the tables it keeps). */
export async function readPolicies(connection: DatabaseConnection, scope: CatalogScope): Promise<Array<{ tableOid: number; policy: Policy }>> {
  const rows = await connection.query<PolicyRow>(POLICIES_SQL, scopeParams(scope));
  return rows.map((row) => ({ tableOid: row.table_oid, policy: policyFromRow(row, modelSchema(row.schema)) }));
}

export function policyFromRow(row: PolicyRow, schema: string | undefined): Policy {
  return new Policy({
    name: row.name,
    schema,
    table: row.table,
    command: COMMANDS[row.command],
    roles: row.roles,
    restrictive: !row.permissive,
    using: row.using ?? undefined,
    check: row.check ?? undefined,
    comment: row.comment ?? undefined,
  });
}

export type { PolicyRow };
