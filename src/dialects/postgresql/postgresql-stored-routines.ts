import type { Routine } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { pgCreateFunction } from "./postgresql-ddl-functions.js";
import { ROUTINE_COLUMNS, ROUTINE_SOURCES, routineFromRow, type RoutineRow } from "./postgresql-reflect-functions.js";
import { DdlWriter } from "../ddl/ddl-writer.js";

/**
 * How PostgreSQL would store the model's routines: each is created as a
 * temporary function (pg_temp, seen by this session only) with its body
 * unchecked, read back with the query reflection uses, and undone by
 * rolling back, so `x int` reads `x integer` and `returns setof
 * "user"` reads `SETOF "user"`. A routine the server refuses (a type the
 * database has not got yet) is left out. The map is keyed by the model
 * routine's key; the stored routine keeps the model's name and schema.
 */
export async function postgresqlStoredRoutines(connection: DatabaseConnection, routines: readonly Routine[]): Promise<Map<string, Routine>> {
  const stored = new Map<string, Routine>();
  if (routines.length === 0) return stored;
  const [{ in_transaction: inTransaction }] = await connection.query<{ in_transaction: boolean }>(
    "select transaction_timestamp() < statement_timestamp() as in_transaction",
  );
  const w = new DdlWriter(connection.dialect, "postgresql", (n) => `$${n}`);
  await connection.execute(inTransaction ? "savepoint strata_stored_routines" : "begin");
  try {
    await connection.execute("set local check_function_bodies = off");
    for (const [i, routine] of routines.entries()) {
      const probe = routine.with({ name: `strata_routine_${i}`, schema: "pg_temp", comment: undefined });
      await connection.execute("savepoint strata_stored_routine");
      try {
        for (const { sql } of pgCreateFunction(w, probe, false)) await connection.execute(sql);
        const [row] = await connection.query<RoutineRow>(
          `select ${ROUTINE_COLUMNS}
             from ${ROUTINE_SOURCES}
            where p.pronamespace = pg_catalog.pg_my_temp_schema() and p.proname = $1`,
          [probe.name],
        );
        await connection.execute("release savepoint strata_stored_routine");
        if (row) stored.set(routine.key, routineFromRow(row, routine.name, routine.schema).with({ comment: routine.comment }));
      } catch {
        await connection.execute("rollback to savepoint strata_stored_routine");
      }
    }
  } finally {
    await connection.execute(inTransaction ? "rollback to savepoint strata_stored_routines" : "rollback");
  }
  return stored;
}
