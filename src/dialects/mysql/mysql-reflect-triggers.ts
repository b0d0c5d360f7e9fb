import { Trigger, type TriggerEvent, type TriggerTiming } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";

interface TriggerRow {
  readonly name: string;
  readonly table: string;
  readonly timing: string;
  readonly event: string;
  readonly body: string;
  readonly sql_mode: string;
}

const TRIGGERS_SQL = `
SELECT trigger_name AS name, event_object_table AS \`table\`, action_timing AS timing, event_manipulation AS event,
       action_statement AS body, sql_mode
FROM information_schema.triggers WHERE trigger_schema = ? ORDER BY event_object_table, action_timing, event_manipulation, action_order`;

/**
 * The triggers of the database in one query; MySQL's are always per row,
 * with one event. Of several with the same table, timing and event, each
 * after the first FOLLOWS the one before it, so they fire in the same order
 * when created again.
 */
export async function readMysqlTriggers(connection: DatabaseConnection, db: string, globalSqlMode: string): Promise<Trigger[]> {
  const rows = await connection.query<TriggerRow>(TRIGGERS_SQL, [db]);
  const slot = (row: TriggerRow) => `${row.table}\0${row.timing}\0${row.event}`;
  return rows.map(
    (row, i) =>
      new Trigger({
        name: row.name,
        table: row.table,
        timing: row.timing.toLowerCase() as TriggerTiming,
        events: [row.event.toLowerCase() as TriggerEvent],
        forEach: "row",
        follows: i > 0 && slot(rows[i - 1]) === slot(row) ? rows[i - 1].name : undefined,
        body: row.body,
        sqlMode: row.sql_mode === globalSqlMode ? undefined : row.sql_mode,
      }),
  );
}
