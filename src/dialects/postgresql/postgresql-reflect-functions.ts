import { Routine } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { modelSchema, schemaPredicate, scopeParams, type CatalogScope } from "./postgresql-catalog-scope.js";
import { NOT_FROM_EXTENSION } from "./postgresql-reflect-relations.js";

export interface RoutineRow {
  readonly schema: string;
  readonly name: string;
  /** f function, p procedure, a aggregate, w window function. */
  readonly kind: string;
  readonly arguments: string;
  readonly returns: string | null;
  readonly language: string;
  readonly body: string;
  readonly sql_body: boolean;
  readonly volatility: string;
  readonly strict: boolean;
  readonly definer: boolean;
  readonly parallel: string;
  readonly leakproof: boolean;
  readonly cost: number;
  readonly rows: number;
  readonly returns_set: boolean;
  readonly config: string[] | null;
  readonly comment: string | null;
  /** Aggregates: n normal, o ordered-set, h hypothetical-set. */
  readonly aggregate_kind: string | null;
  readonly state_function: string | null;
  readonly state_type: string | null;
  readonly final_function: string | null;
  readonly initial_value: string | null;
  readonly combine_function: string | null;
  /** Aggregate options the model does not hold: a moving-aggregate mode, a sort operator, serialization functions. */
  readonly aggregate_extras: boolean | null;
}

/** What a routine is, read from ROUTINE_SOURCES. */
export const ROUTINE_COLUMNS = `n.nspname as schema, p.proname as name, p.prokind as kind,
       pg_catalog.pg_get_function_arguments(p.oid) as arguments,
       case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as returns,
       l.lanname as language, p.prosrc as body, p.prosqlbody is not null as sql_body,
       p.provolatile as volatility, p.proisstrict as strict, p.prosecdef as definer, p.proparallel as parallel,
       p.proleakproof as leakproof, p.procost::float8 as cost, p.prorows::float8 as rows, p.proretset as returns_set,
       p.proconfig as config, pg_catalog.obj_description(p.oid, 'pg_proc') as comment,
       a.aggkind as aggregate_kind, a.aggtransfn::regproc::text as state_function,
       pg_catalog.format_type(a.aggtranstype, null) as state_type,
       case when a.aggfinalfn <> 0 then a.aggfinalfn::regproc::text end as final_function, a.agginitval as initial_value,
       case when a.aggcombinefn <> 0 then a.aggcombinefn::regproc::text end as combine_function,
       a.aggmtransfn <> 0 or a.aggsortop <> 0 or a.aggserialfn <> 0 or a.aggfinalextra or a.aggfinalmodify <> 'r' as aggregate_extras`;

/** pg_proc `p` with its namespace `n`, language `l` and, for an aggregate, pg_aggregate `a`. */
export const ROUTINE_SOURCES = `pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
join pg_catalog.pg_language l on l.oid = p.prolang
left join pg_catalog.pg_aggregate a on a.aggfnoid = p.oid`;

const ROUTINES_SQL = `
select ${ROUTINE_COLUMNS}
from ${ROUTINE_SOURCES}
where ${schemaPredicate("n")} and ${NOT_FROM_EXTENSION("pg_catalog.pg_proc", "p")}
order by n.nspname, p.proname, 4`;

const VOLATILITY = { i: "immutable", s: "stable" } as const;
const PARALLEL = { s: "safe", r: "restricted" } as const;

/**
 * Every function, procedure and aggregate of the wanted schemas in one
 * query, with only what CREATE would not pick on its own (VOLATILE,
 * PARALLEL UNSAFE, COST 100, ROWS 1000 for a set and 0 otherwise). What the
 * model cannot hold yet is named in `unsupported`: ordered-set, moving and
 * serialized aggregates, window functions, bodies in the SQL-standard form
 * (BEGIN ATOMIC) and C functions.
 */
export async function readRoutines(
  connection: DatabaseConnection,
  scope: CatalogScope,
): Promise<{ routines: Routine[]; unsupported: string[] }> {
  const rows = await connection.query<RoutineRow>(ROUTINES_SQL, scopeParams(scope));
  const routines: Routine[] = [];
  const unsupported: string[] = [];
  for (const row of rows) {
    const schema = modelSchema(row.schema);
    const label = `${schema !== undefined ? `${schema}.` : ""}${row.name}(${row.arguments})`;
    if (row.kind === "w" || (row.kind === "a" && (row.aggregate_kind !== "n" || row.aggregate_extras))) {
      unsupported.push(`${row.kind === "a" ? "aggregate" : "window function"} ${label}${row.kind === "a" ? " (ordered-set, moving or serialized)" : ""}`);
      continue;
    }
    if (row.kind !== "a" && (row.sql_body || row.language === "c" || row.language === "internal")) {
      unsupported.push(`function ${label} (${row.sql_body ? "a SQL-standard body" : `language ${row.language}`})`);
      continue;
    }
    routines.push(routineFromRow(row, row.name, schema));
  }
  return { routines, unsupported };
}

/** The routine a pg_proc row describes, under the given name, with only what CREATE would not pick on its own. */
export function routineFromRow(row: RoutineRow, name: string, schema: string | undefined): Routine {
  if (row.kind === "a") {
    return new Routine({
      name,
      schema,
      kind: "aggregate",
      arguments: row.arguments,
      body: "",
      parallel: PARALLEL[row.parallel as keyof typeof PARALLEL],
      stateFunction: row.state_function ?? undefined,
      stateType: row.state_type ?? undefined,
      finalFunction: row.final_function ?? undefined,
      initialValue: row.initial_value ?? undefined,
      combineFunction: row.combine_function ?? undefined,
      comment: row.comment ?? undefined,
    });
  }
  const defaultCost = 100;
  const defaultRows = row.returns_set ? 1000 : 0;
  return new Routine({
    name,
    schema,
    kind: row.kind === "p" ? "procedure" : "function",
    arguments: row.arguments,
    returns: row.returns ?? undefined,
    language: row.language,
    body: row.body,
    volatility: VOLATILITY[row.volatility as keyof typeof VOLATILITY],
    strict: row.strict || undefined,
    security: row.definer ? "definer" : undefined,
    parallel: PARALLEL[row.parallel as keyof typeof PARALLEL],
    leakproof: row.leakproof || undefined,
    cost: row.kind === "p" || row.cost === defaultCost ? undefined : row.cost,
    rows: row.rows === defaultRows || row.kind === "p" ? undefined : row.rows,
    config: row.config ?? undefined,
    comment: row.comment ?? undefined,
  });
}
