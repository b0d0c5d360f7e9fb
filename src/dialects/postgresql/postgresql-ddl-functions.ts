import { routineIdentity, type Routine, type RoutineKind } from "../../model/index.js";
import type { DdlWriter } from "../ddl/ddl-writer.js";
import type { Statement } from "../ddl-compiler.js";

/**
 * CREATE [OR REPLACE] FUNCTION / PROCEDURE. Only what the routine states is
 * written (an unstated volatility is CREATE's own VOLATILE), so the catalog
 * of the result is the catalog it was read from. The body goes between
 * dollar quotes whose tag does not occur in it. A body is not checked
 * against the database (SQL's statements, PL/pgSQL's declared types: check_function_bodies off for the rest of
 * the migration's transaction, as pg_dump does): the tables it reads may
 * be created after it, since a table's default or check may call it.
 */
export function pgCreateFunction(w: DdlWriter, routine: Routine, orReplace: boolean): Statement[] {
  if (routine.kind === "aggregate") return pgCreateAggregate(w, routine, orReplace);
  const kind = routine.kind === "procedure" ? "PROCEDURE" : "FUNCTION";
  let sql = `CREATE ${orReplace ? "OR REPLACE " : ""}${kind} ${w.name(routine.schema, routine.name)}(${routine.arguments})`;
  if (routine.returns !== undefined) sql += ` RETURNS ${routine.returns}`;
  sql += ` LANGUAGE ${w.q(routine.language)}`;
  if (routine.volatility && routine.volatility !== "volatile") sql += ` ${routine.volatility.toUpperCase()}`;
  if (routine.strict) sql += " STRICT";
  if (routine.security === "definer") sql += " SECURITY DEFINER";
  if (routine.parallel && routine.parallel !== "unsafe") sql += ` PARALLEL ${routine.parallel.toUpperCase()}`;
  if (routine.leakproof) sql += " LEAKPROOF";
  if (routine.cost !== undefined) sql += ` COST ${routine.cost}`;
  if (routine.rows !== undefined) sql += ` ROWS ${routine.rows}`;
  for (const setting of routine.config ?? []) sql += ` SET ${configClause(w, setting)}`;
  sql += ` AS ${dollarQuote(routine.body)}`;
  const statements: Statement[] = [{ sql: "SET LOCAL check_function_bodies = off" }, { sql }];
  if (routine.comment !== undefined) {
    statements.push({ sql: `COMMENT ON ${kind} ${signature(w, routine.schema, routine.name, routine.arguments, routine.kind)} IS ${w.string(routine.comment)}` });
  }
  return statements;
}

export function pgDropFunction(w: DdlWriter, schema: string | undefined, name: string, args: string, kind: RoutineKind): Statement {
  if (kind === "aggregate") return { sql: `DROP AGGREGATE ${w.name(schema, name)}(${args || "*"})` };
  return { sql: `DROP ${kind === "procedure" ? "PROCEDURE" : "FUNCTION"} ${signature(w, schema, name, args, kind)}` };
}

/** `name(identity arguments)`: what DROP and COMMENT ON name a routine by. */
function signature(w: DdlWriter, schema: string | undefined, name: string, args: string, kind: RoutineKind): string {
  return `${w.name(schema, name)}(${routineIdentity(args, kind)})`;
}

/**
 * A proconfig entry `name=value` as a SET clause. A list setting
 * (search_path) is stored as its elements joined by ", " and written back
 * as they are; any other value is written as a string literal.
 */
function configClause(w: DdlWriter, setting: string): string {
  const at = setting.indexOf("=");
  const name = setting.slice(0, at);
  const value = setting.slice(at + 1);
  return LIST_SETTINGS.has(name.toLowerCase()) ? `${name} TO ${value}` : `${name} TO ${w.string(value)}`;
}

const LIST_SETTINGS = new Set(["search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries"]);

/** `$$body$$`, or `$strata$...`, `$strata1$...` when the body holds `$$`. */
export function dollarQuote(body: string): string {
  let tag = "";
  for (let n = 0; body.includes(`$${tag}$`); n++) tag = n === 0 ? "strata" : `strata${n}`;
  return `$${tag}$${body}$${tag}$`;
}

/** CREATE [OR REPLACE] AGGREGATE name(arguments) (SFUNC = ..., STYPE = ..., ...), then its comment. */
export function pgCreateAggregate(w: DdlWriter, routine: Routine, orReplace: boolean): Statement[] {
  const options = [`SFUNC = ${routine.stateFunction}`, `STYPE = ${routine.stateType}`];
  if (routine.finalFunction !== undefined) options.push(`FINALFUNC = ${routine.finalFunction}`);
  if (routine.combineFunction !== undefined) options.push(`COMBINEFUNC = ${routine.combineFunction}`);
  if (routine.initialValue !== undefined) options.push(`INITCOND = ${w.string(routine.initialValue)}`);
  if (routine.parallel && routine.parallel !== "unsafe") options.push(`PARALLEL = ${routine.parallel.toUpperCase()}`);
  const name = w.name(routine.schema, routine.name);
  const statements: Statement[] = [{ sql: `CREATE ${orReplace ? "OR REPLACE " : ""}AGGREGATE ${name}(${routine.arguments || "*"}) (${options.join(", ")})` }];
  if (routine.comment !== undefined) statements.push({ sql: `COMMENT ON AGGREGATE ${name}(${routine.arguments || "*"}) IS ${w.string(routine.comment)}` });
  return statements;
}
