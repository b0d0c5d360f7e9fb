/**
 * The schema objects beside tables (functions, procedures, aggregates,
 * triggers, policies) as the database's own catalog describes them, one line each:
 * PostgreSQL's pg_get_functiondef, pg_aggregate, pg_get_triggerdef and pg_policies, MySQL's information_schema,
 * SQLite's sqlite_master text with blanks and identifier quotes normalized.
 */
import type { DialectName, TestDatabase } from "../support/databases.js";

type Row = Record<string, unknown>;
const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

export const OBJECT_READERS: Record<DialectName, (db: TestDatabase) => Promise<string[]>> = {
  async postgresql(db) {
    const where = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";
    const routines = await db.query<Row>(
      `SELECT p.oid, pg_get_functiondef(p.oid) AS def, obj_description(p.oid, 'pg_proc') AS comment
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE ${where} AND p.prokind IN ('f', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    );
    const aggregates = await db.query<Row>(
      `SELECT format('AGGREGATE %s(%s) SFUNC %s STYPE %s FINALFUNC %s COMBINEFUNC %s INITCOND %s KIND %s PARALLEL %s -- comment: %s',
                     p.oid::regproc, pg_get_function_arguments(p.oid), a.aggtransfn::regproc, format_type(a.aggtranstype, null),
                     a.aggfinalfn::regproc, a.aggcombinefn::regproc, a.agginitval, a.aggkind, p.proparallel, obj_description(p.oid, 'pg_proc')) AS def
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_aggregate a ON a.aggfnoid = p.oid
        WHERE ${where}`,
    );
    const triggers = await db.query<Row>(
      `SELECT pg_get_triggerdef(t.oid) AS def, t.tgenabled AS enabled, obj_description(t.oid, 'pg_trigger') AS comment
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${where} AND NOT t.tgisinternal`,
    );
    const policies = await db.query<Row>(
      `SELECT format('POLICY %s ON %I.%I AS %s FOR %s TO %s USING %s WITH CHECK %s -- comment: %s', p.policyname, p.schemaname, p.tablename,
                     p.permissive, p.cmd, p.roles, p.qual, p.with_check, obj_description(pol.oid, 'pg_policy')) AS def
         FROM pg_policies p JOIN pg_namespace n ON n.nspname = p.schemaname JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = p.tablename
         JOIN pg_policy pol ON pol.polrelid = c.oid AND pol.polname = p.policyname
        WHERE ${where}`,
    );
    return [
      ...routines.map((r) => `${text(r.def)} -- comment: ${text(r.comment)}`),
      ...policies.map((p) => text(p.def)),
      ...aggregates.map((a) => text(a.def)),
      ...triggers.map((t) => `${text(t.def)} -- enabled: ${text(t.enabled)} -- comment: ${text(t.comment)}`),
    ];
  },

  async mysql(db) {
    const routines = await db.query<Row>(
      `SELECT r.routine_type AS type, r.routine_name AS name, r.dtd_identifier AS returns, r.routine_definition AS body,
              r.is_deterministic AS det, r.sql_data_access AS access, r.security_type AS security, r.routine_comment AS comment, r.sql_mode AS mode,
              (SELECT GROUP_CONCAT(CONCAT_WS(' ', p.parameter_mode, p.parameter_name, p.dtd_identifier) ORDER BY p.ordinal_position SEPARATOR ', ')
                 FROM information_schema.parameters p
                WHERE p.specific_schema = r.routine_schema AND p.specific_name = r.routine_name AND p.routine_type = r.routine_type
                  AND p.ordinal_position > 0) AS params
         FROM information_schema.routines r WHERE r.routine_schema = DATABASE()`,
    );
    const triggers = await db.query<Row>(
      `SELECT trigger_name AS name, event_object_table AS t, action_timing AS timing, event_manipulation AS event,
              action_order AS ord, action_statement AS body, sql_mode AS mode
         FROM information_schema.triggers WHERE trigger_schema = DATABASE()`,
    );
    return [
      ...routines.map(
        (r) =>
          `${r.type} ${r.name}(${text(r.params)}) RETURNS ${text(r.returns)} ${r.det} ${r.access} ${r.security} COMMENT ${JSON.stringify(text(r.comment))} SQL_MODE ${r.mode}: ${text(r.body)}`,
      ),
      ...triggers.map((t) => `TRIGGER ${t.name} ${t.timing} ${t.event} ON ${t.t} ORDER ${t.ord} SQL_MODE ${t.mode}: ${text(t.body)}`),
    ];
  },

  async sqlite(db) {
    const triggers = await db.query<Row>("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'");
    return triggers.map((t) => `TRIGGER ${t.name} ON ${t.tbl_name}: ${normalize(text(t.sql))}`);
  },
};

function normalize(sql: string): string {
  return sql
    .replace(/["`[\]]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
