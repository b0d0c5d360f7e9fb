import type { Routine } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";

const DATA_ACCESS = { containsSql: "CONTAINS SQL", noSql: "NO SQL", readsSqlData: "READS SQL DATA", modifiesSqlData: "MODIFIES SQL DATA" } as const;

/**
 * CREATE FUNCTION / PROCEDURE with the characteristics the routine states
 * (MySQL's own defaults otherwise: NOT DETERMINISTIC, CONTAINS SQL, SQL
 * SECURITY DEFINER). The body is one statement, sent as it is (no DELIMITER:
 * that is the command-line client's, not the server's).
 */
export function mysqlCreateRoutine(w: DdlWriter, routine: Routine): Statement[] {
  const kind = routine.kind === "procedure" ? "PROCEDURE" : "FUNCTION";
  let sql = `CREATE ${kind} ${w.name(routine.schema, routine.name)}(${routine.arguments})`;
  if (routine.returns !== undefined) sql += ` RETURNS ${routine.returns}`;
  if (routine.comment !== undefined) sql += `\nCOMMENT ${w.string(routine.comment)}`;
  if (routine.deterministic) sql += "\nDETERMINISTIC";
  if (routine.dataAccess && routine.dataAccess !== "containsSql") sql += `\n${DATA_ACCESS[routine.dataAccess]}`;
  if (routine.security === "invoker") sql += "\nSQL SECURITY INVOKER";
  return underSqlMode(w, routine.sqlMode, { sql: `${sql}\n${routine.body}` });
}

/**
 * A routine or trigger keeps the sql_mode of the session that creates it.
 * strata's sessions add strict mode, so the statement runs under the mode
 * the object states, else the server's own (what a plain client gives it),
 * and the session's mode is put back after.
 */
export function underSqlMode(w: DdlWriter, sqlMode: string | undefined, statement: Statement): Statement[] {
  return [
    { sql: "SET @strata_sql_mode = @@SESSION.sql_mode" },
    { sql: `SET SESSION sql_mode = ${sqlMode === undefined ? "@@GLOBAL.sql_mode" : w.string(sqlMode)}` },
    statement,
    { sql: "SET SESSION sql_mode = @strata_sql_mode" },
  ];
}

export function mysqlDropRoutine(w: DdlWriter, schema: string | undefined, name: string, kind: Routine["kind"]): Statement {
  return { sql: `DROP ${kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${w.name(schema, name)}` };
}
