import { Enum } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema, schemaPredicate, scopeParams, type CatalogScope } from "./postgresql-catalog-scope.js";

/** A table, view or sequence as the first, cheap listing query sees it: names only, no details. */
export interface RelationRow {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
  /** `r` table, `p` partitioned table, `v` view, `m` materialized view, `S` sequence, `c` composite type, `f` foreign table (not in the model). */
  readonly kind: string;
  /** `p` permanent, `u` unlogged. */
  readonly persistence: string;
  /** False for a materialized view created (or refreshed) WITH NO DATA. */
  readonly populated: boolean;
  /** Tables: ENABLE and FORCE ROW LEVEL SECURITY. */
  readonly row_security: boolean;
  readonly force_row_security: boolean;
  /** A partitioned table's key, as `PARTITION BY` writes it: `RANGE (sold_on)`. */
  readonly partition_key: string | null;
  /** A partition's `FOR VALUES ...` or `DEFAULT`. */
  readonly partition_bound: string | null;
  /** The tables this one is a partition or an inheriting child of, in order. */
  readonly parents: Array<{ schema: string; name: string }> | null;
  /** Rules of a table or view besides a view's own (`CREATE RULE`): not in the model. */
  readonly rules: string[] | null;
  /** A foreign table's server. */
  readonly foreign_server: string | null;
  /** Sequences: how `nextval('…'::regclass)` names this one. */
  readonly regclass: string | null;
  /** Sequences owned by a column: `a` (serial, OWNED BY) or `i` (identity). */
  readonly owner_deptype: string | null;
  readonly owner_oid: number | null;
  readonly owner_schema: string | null;
  readonly owner_table: string | null;
  readonly owner_column: string | null;
  /**
   * Sequences owned by a column (`a`): true when the sequence is exactly what
   * `serial`/`smallserial`/`bigserial` on that column creates (its name, the
   * column's type, start 1, increment 1, default bounds, cache 1, no cycle),
   * so the column can read as autoincrement and rebuild the same catalog.
   */
  readonly serial_shaped: boolean | null;
}

/** Objects an extension created belong to the extension, not to the schema. */
export const NOT_FROM_EXTENSION = (catalog: string, alias: string) =>
  `not exists (select 1 from pg_catalog.pg_depend x where x.classid = '${catalog}'::regclass and x.objid = ${alias}.oid and x.deptype = 'e')`;

const RELATIONS_SQL = `
select c.oid, n.nspname as schema, c.relname as name, c.relkind as kind, c.relpersistence as persistence, c.relispopulated as populated,
       c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security,
       case when c.relkind = 'S' then c.oid::regclass::text end as regclass,
       case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       (select json_agg(json_build_object('schema', pn.nspname, 'name', pc.relname) order by i.inhseqno)
          from pg_catalog.pg_inherits i join pg_catalog.pg_class pc on pc.oid = i.inhparent
          join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
         where i.inhrelid = c.oid and c.relkind in ('r', 'p')) as parents,
       (select array_agg(r.rulename::text order by r.rulename) from pg_catalog.pg_rewrite r
         where r.ev_class = c.oid and r.rulename <> '_RETURN') as rules,
       case when c.relkind = 'f' then (select s.srvname from pg_catalog.pg_foreign_table ft
         join pg_catalog.pg_foreign_server s on s.oid = ft.ftserver where ft.ftrelid = c.oid) end as foreign_server,
       own.deptype as owner_deptype, own.refobjid as owner_oid,
       own_ns.nspname as owner_schema, own_rel.relname as owner_table, own_att.attname as owner_column,
       case when own.deptype = 'a' then exists (
         select 1 from pg_catalog.pg_sequence s
          where s.seqrelid = c.oid and s.seqtypid = own_att.atttypid
            and s.seqstart = 1 and s.seqincrement = 1 and s.seqmin = 1 and s.seqcache = 1 and not s.seqcycle
            and s.seqmax = case own_att.atttypid when 'pg_catalog.int2'::regtype then 32767
                                                 when 'pg_catalog.int4'::regtype then 2147483647
                                                 when 'pg_catalog.int8'::regtype then 9223372036854775807 end
            and c.relnamespace = own_rel.relnamespace and c.relname = own_rel.relname || '_' || own_att.attname || '_seq')
       end as serial_shaped
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_depend own
  on c.relkind = 'S' and own.classid = 'pg_catalog.pg_class'::regclass and own.objid = c.oid
 and own.refclassid = 'pg_catalog.pg_class'::regclass and own.deptype in ('a', 'i')
left join pg_catalog.pg_class own_rel on own_rel.oid = own.refobjid
left join pg_catalog.pg_namespace own_ns on own_ns.oid = own_rel.relnamespace
left join pg_catalog.pg_attribute own_att on own_att.attrelid = own.refobjid and own_att.attnum = own.refobjsubid
where c.relkind in ('r', 'p', 'v', 'm', 'S', 'c', 'f') and ${schemaPredicate("n")}
  and ${NOT_FROM_EXTENSION("pg_catalog.pg_class", "c")}
order by n.nspname, c.relname`;

export function listRelations(connection: DatabaseConnection, scope: CatalogScope): Promise<RelationRow[]> {
  return connection.query<RelationRow>(RELATIONS_SQL, scopeParams(scope));
}

const ENUMS_SQL = `
select n.nspname as schema, t.typname as name,
       array_agg(e.enumlabel::text order by e.enumsortorder) as labels
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
join pg_catalog.pg_enum e on e.enumtypid = t.oid
where ${schemaPredicate("n")} and ${NOT_FROM_EXTENSION("pg_catalog.pg_type", "t")}
group by n.nspname, t.typname
order by n.nspname, t.typname`;

/** Every enum type of the wanted schemas, values in their sort order. */
export async function listEnums(connection: DatabaseConnection, scope: CatalogScope): Promise<Enum[]> {
  const rows = await connection.query<{ schema: string; name: string; labels: string[] }>(ENUMS_SQL, scopeParams(scope));
  return rows.map((row) => new Enum({ name: row.name, schema: modelSchema(row.schema), values: row.labels }));
}

const SCHEMAS_SQL = `
select n.nspname as name, ${schemaPredicate("n")} as in_scope, pg_catalog.obj_description(n.oid, 'pg_namespace') as comment,
       exists (select 1 from pg_catalog.pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'c')
                 and ${NOT_FROM_EXTENSION("pg_catalog.pg_class", "c")})
       or exists (select 1 from pg_catalog.pg_type t where t.typnamespace = n.oid and t.typtype in ('e', 'd', 'r', 'm')
                 and ${NOT_FROM_EXTENSION("pg_catalog.pg_type", "t")})
       or exists (select 1 from pg_catalog.pg_proc p where p.pronamespace = n.oid
                 and ${NOT_FROM_EXTENSION("pg_catalog.pg_proc", "p")}) as has_objects,
       (select array_agg(format('cast (%s as %s)', pg_catalog.format_type(k.castsource, null), pg_catalog.format_type(k.casttarget, null)) order by 1)
          from pg_catalog.pg_cast k left join pg_catalog.pg_proc kp on kp.oid = k.castfunc
          join pg_catalog.pg_type st on st.oid = k.castsource
         where coalesce(kp.pronamespace, st.typnamespace) = n.oid and k.oid >= 16384
           and ${NOT_FROM_EXTENSION("pg_catalog.pg_cast", "k")}) as casts
from pg_catalog.pg_namespace n
where n.nspname !~ '^pg_' and n.nspname <> 'information_schema' and ${NOT_FROM_EXTENSION("pg_catalog.pg_namespace", "n")}
order by n.nspname`;

export interface SchemaRow {
  readonly name: string;
  /** Read by this reflection (`includeSchemas`). */
  readonly in_scope: boolean;
  /** Holds a table, view, sequence, type or function of its own (not an extension's). */
  readonly has_objects: boolean;
  readonly comment: string | null;
  /** User-defined casts whose function (or source type) is in this schema: not in the model. */
  readonly casts: string[] | null;
}

/**
 * Every non-system schema, in scope or not: the model only knows schemas
 * through their objects, so comparison needs the list not to create a schema
 * that is there already, and the commands name the schemas they skip.
 */
export function listSchemas(connection: DatabaseConnection, scope: CatalogScope): Promise<SchemaRow[]> {
  return connection.query<SchemaRow>(SCHEMAS_SQL, scopeParams(scope));
}

export interface RelationDetailRow {
  readonly oid: number;
  readonly comment: string | null;
  readonly definition: string | null;
}

const DETAILS_SQL = `
select c.oid, pg_catalog.obj_description(c.oid, 'pg_class') as comment,
       case when c.relkind in ('v', 'm') then pg_catalog.pg_get_viewdef(c.oid, true) end as definition
from pg_catalog.pg_class c
where c.oid = any($1::oid[])`;

/** Comments of the kept tables and views, and the views' SELECTs. */
export async function readRelationDetails(
  connection: DatabaseConnection,
  oids: readonly number[],
): Promise<Map<number, RelationDetailRow>> {
  const rows = await connection.query<RelationDetailRow>(DETAILS_SQL, [oids]);
  return new Map(rows.map((row) => [row.oid, row]));
}
