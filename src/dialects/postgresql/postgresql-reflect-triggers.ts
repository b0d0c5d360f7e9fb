import { Trigger, type TriggerEvent } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema, schemaPredicate, scopeParams, type CatalogScope } from "./postgresql-catalog-scope.js";

interface TriggerRow {
  readonly table_oid: number;
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly type: number;
  readonly is_constraint: boolean;
  readonly deferrable: boolean;
  readonly initially_deferred: boolean;
  readonly definition: string;
  readonly enabled: string;
  readonly columns: string[] | null;
  readonly old_table: string | null;
  readonly new_table: string | null;
  readonly from_table: string | null;
  readonly comment: string | null;
}

// Triggers a partition inherits from its parent's (tgparentid) are the parent's: creating that one makes them.
const TRIGGERS_SQL = `
select t.tgrelid as table_oid, n.nspname as schema, c.relname as table, t.tgname as name, t.tgtype::int as type,
       t.tgconstraint <> 0 as is_constraint, t.tgdeferrable as deferrable, t.tginitdeferred as initially_deferred,
       pg_catalog.pg_get_triggerdef(t.oid) as definition, t.tgenabled as enabled,
       (select array_agg(a.attname::text order by k.ord)
          from unnest(t.tgattr::int2[]) with ordinality k(attnum, ord)
          join pg_catalog.pg_attribute a on a.attrelid = t.tgrelid and a.attnum = k.attnum) as columns,
       t.tgoldtable as old_table, t.tgnewtable as new_table,
       case when t.tgconstrrelid <> 0 then t.tgconstrrelid::regclass::text end as from_table,
       pg_catalog.obj_description(t.oid, 'pg_trigger') as comment
from pg_catalog.pg_trigger t
join pg_catalog.pg_class c on c.oid = t.tgrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where not t.tgisinternal and t.tgparentid = 0 and ${schemaPredicate("n")}
order by n.nspname, c.relname, t.tgname`;

const ROW = 1;
const BEFORE = 2;
const INSTEAD = 64;
const EVENT_BITS: ReadonlyArray<[number, TriggerEvent]> = [
  [4, "insert"],
  [16, "update"],
  [8, "delete"],
  [32, "truncate"],
];

/**
 * The triggers of the wanted schemas in one query, with their table's oid
 * (the caller keeps those of the tables it keeps). The WHEN condition
 * and the function call are read from pg_get_triggerdef, the rest from
 * pg_trigger's columns. A disabled trigger is named in `unsupported`.
 */
export async function readTriggers(
  connection: DatabaseConnection,
  scope: CatalogScope,
): Promise<{ triggers: Array<{ tableOid: number; trigger: Trigger }>; unsupported: string[] }> {
  const rows = await connection.query<TriggerRow>(TRIGGERS_SQL, scopeParams(scope));
  const triggers: Array<{ tableOid: number; trigger: Trigger }> = [];
  const unsupported: string[] = [];
  for (const row of rows) {
    const schema = modelSchema(row.schema);
    if (row.enabled !== "O") unsupported.push(`the enabled state (${row.enabled}) of trigger "${row.name}" on "${schema ? `${schema}.` : ""}${row.table}"`);
    const { when, execute } = clausesOf(row.definition);
    triggers.push({
      tableOid: row.table_oid,
      trigger: new Trigger({
        name: row.name,
        schema,
        table: row.table,
        timing: row.type & INSTEAD ? "insteadOf" : row.type & BEFORE ? "before" : "after",
        events: EVENT_BITS.filter(([bit]) => row.type & bit).map(([, event]) => event),
        columns: row.columns?.length ? row.columns : undefined,
        forEach: row.type & ROW ? "row" : undefined,
        when,
        execute,
        constraint: row.is_constraint || undefined,
        deferrable: row.deferrable || undefined,
        initiallyDeferred: row.initially_deferred || undefined,
        from: row.from_table ?? undefined,
        oldTable: row.old_table ?? undefined,
        newTable: row.new_table ?? undefined,
        comment: row.comment ?? undefined,
      }),
    });
  }
  return { triggers, unsupported };
}

/** `... WHEN (cond) EXECUTE FUNCTION f(args)` → `cond` and `f(args)`. */
function clausesOf(definition: string): { when?: string; execute: string } {
  const marker = " EXECUTE FUNCTION ";
  const at = definition.lastIndexOf(marker);
  const execute = definition.slice(at + marker.length);
  const whenAt = definition.indexOf(" WHEN (");
  if (whenAt < 0 || whenAt > at) return { execute };
  return { when: definition.slice(whenAt + " WHEN (".length, at - 1), execute };
}
