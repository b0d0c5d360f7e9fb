import { CheckConstraint, Domain } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema, schemaPredicate, scopeParams, type CatalogScope } from "./postgresql-catalog-scope.js";
import { defaultFromCatalog } from "./postgresql-defaults.js";
import { NOT_FROM_EXTENSION } from "./postgresql-reflect-relations.js";
import { tidySql } from "./postgresql-sql-text.js";
import { typeFromCatalog } from "./postgresql-types.js";

interface DomainRow {
  readonly schema: string;
  readonly name: string;
  readonly not_null: boolean;
  readonly type_spelling: string;
  readonly type_spelling_bare: string;
  readonly domain_spelling: string;
  readonly category: string;
  readonly base_formatted: string;
  readonly base_typtype: string;
  readonly base_name: string;
  readonly base_schema: string;
  readonly array_dims: number;
  readonly default_expr: string | null;
  readonly collation: string | null;
  readonly checks: Array<{ name: string; definition: string }>;
}

// The base type is read as a column's type is (an array's element type,
// its modifiers); NOT NULL constraints of PostgreSQL 17+ (contype `n`)
// are typnotnull, not checks.
const DOMAINS_SQL = `
select n.nspname as schema, d.typname as name, d.typnotnull as not_null,
       pg_catalog.format_type(t.oid, d.typtypmod) as type_spelling,
       pg_catalog.format_type(t.oid, null) as type_spelling_bare,
       pg_catalog.format_type(d.oid, null) as domain_spelling,
       t.typcategory as category,
       pg_catalog.format_type(b.oid, d.typtypmod) as base_formatted,
       b.typtype as base_typtype, b.typname as base_name, bn.nspname as base_schema,
       case when b.oid <> t.oid then greatest(d.typndims, 1) else 0 end as array_dims,
       pg_catalog.pg_get_expr(d.typdefaultbin, 0, true) as default_expr,
       case when d.typcollation <> t.typcollation then co.collname end as collation,
       coalesce((select json_agg(json_build_object('name', c.conname, 'definition', pg_catalog.pg_get_constraintdef(c.oid, true))
                                 order by c.conname)
                 from pg_catalog.pg_constraint c where c.contypid = d.oid and c.contype = 'c'), '[]'::json) as checks
from pg_catalog.pg_type d
join pg_catalog.pg_namespace n on n.oid = d.typnamespace
join pg_catalog.pg_type t on t.oid = d.typbasetype
join pg_catalog.pg_type b on b.oid = case when t.typelem <> 0 and t.typlen = -1 then t.typelem else t.oid end
join pg_catalog.pg_namespace bn on bn.oid = b.typnamespace
left join pg_catalog.pg_collation co on co.oid = d.typcollation
where d.typtype = 'd' and ${schemaPredicate("n")} and ${NOT_FROM_EXTENSION("pg_catalog.pg_type", "d")}
order by n.nspname, d.typname`;

/** Every domain of the wanted schemas, with its checks, in one query. */
export async function readDomains(connection: DatabaseConnection, scope: CatalogScope): Promise<Domain[]> {
  const rows = await connection.query<DomainRow>(DOMAINS_SQL, scopeParams(scope));
  return rows.map((row) => {
    const type = typeFromCatalog({
      formatted: row.base_formatted,
      typtype: row.base_typtype,
      typname: row.base_name,
      schema: modelSchema(row.base_schema),
      arrayDims: row.array_dims,
    });
    const checks = row.checks.map(
      (c) => new CheckConstraint({ name: c.name, expression: tidySql(c.definition.replace(/^CHECK\s*/, "").replace(/\s+NOT VALID$/, "")) }),
    );
    return new Domain({
      name: row.name,
      schema: modelSchema(row.schema),
      type,
      nullable: !row.not_null,
      checks,
      ...(row.default_expr !== null
        ? {
            default: defaultFromCatalog(row.default_expr, {
              typeSpellings: [row.type_spelling, row.type_spelling_bare, row.domain_spelling],
              category: row.category,
            }),
          }
        : {}),
      ...(row.collation !== null ? { collation: row.collation } : {}),
    });
  });
}
