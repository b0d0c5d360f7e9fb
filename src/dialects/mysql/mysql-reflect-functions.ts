import { Routine, type DataAccess } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";

interface RoutineRow {
  readonly type: "FUNCTION" | "PROCEDURE";
  readonly name: string;
  readonly returns: string | null;
  readonly body: string | null;
  readonly is_deterministic: string;
  readonly access: string;
  readonly security: string;
  readonly comment: string;
  readonly sql_mode: string;
}

interface ParameterRow {
  readonly routine: string;
  readonly type: string;
  readonly mode: string | null;
  readonly name: string;
  readonly dtd: string;
}

const ROUTINES_SQL = `
SELECT routine_type AS type, routine_name AS name, dtd_identifier AS \`returns\`, routine_definition AS body,
       is_deterministic AS is_deterministic, sql_data_access AS access, security_type AS security, routine_comment AS comment,
       sql_mode
FROM information_schema.routines WHERE routine_schema = ? ORDER BY routine_name, routine_type`;

const PARAMETERS_SQL = `
SELECT specific_name AS routine, routine_type AS type, parameter_mode AS mode, parameter_name AS name, dtd_identifier AS dtd
FROM information_schema.parameters WHERE specific_schema = ? AND ordinal_position > 0 ORDER BY specific_name, routine_type, ordinal_position`;

const DATA_ACCESS: Record<string, DataAccess | undefined> = {
  "NO SQL": "noSql",
  "READS SQL DATA": "readsSqlData",
  "MODIFIES SQL DATA": "modifiesSqlData",
};

/**
 * The stored functions and procedures of the database in two queries. The
 * argument list is rebuilt from information_schema.parameters (`IN id int(11)`;
 * a function's arguments are all IN and written without it); characteristics
 * are kept only where they differ from CREATE's defaults, the sql_mode only
 * where it is not the server's.
 */
export async function readMysqlRoutines(connection: DatabaseConnection, db: string, globalSqlMode: string): Promise<Routine[]> {
  const [rows, parameters] = await Promise.all([
    connection.query<RoutineRow>(ROUTINES_SQL, [db]),
    connection.query<ParameterRow>(PARAMETERS_SQL, [db]),
  ]);
  const argumentsOf = new Map<string, string[]>();
  for (const p of parameters) {
    const key = `${p.type} ${p.routine}`;
    const mode = p.type === "PROCEDURE" && p.mode ? `${p.mode} ` : "";
    argumentsOf.set(key, [...(argumentsOf.get(key) ?? []), `${mode}${p.name} ${p.dtd}`]);
  }
  return rows.map(
    (row) =>
      new Routine({
        name: row.name,
        kind: row.type === "PROCEDURE" ? "procedure" : "function",
        arguments: (argumentsOf.get(`${row.type} ${row.name}`) ?? []).join(", "),
        returns: row.type === "FUNCTION" ? (row.returns ?? undefined) : undefined,
        body: row.body ?? "",
        deterministic: row.is_deterministic === "YES" || undefined,
        dataAccess: DATA_ACCESS[row.access],
        security: row.security === "INVOKER" ? "invoker" : undefined,
        sqlMode: row.sql_mode === globalSqlMode ? undefined : row.sql_mode,
        comment: row.comment || undefined,
      }),
  );
}
