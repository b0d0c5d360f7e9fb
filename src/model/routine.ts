import { tableKey } from "./constraints.js";
import { HasInfo, type Info } from "./info.js";
import { setFields } from "./set-fields.js";

export type RoutineKind = "function" | "procedure" | "aggregate";
export type Volatility = "immutable" | "stable" | "volatile";
export type Parallel = "safe" | "restricted" | "unsafe";
export type SqlSecurity = "definer" | "invoker";
/** MySQL's statement of what a routine does with data (`CONTAINS SQL` is the default). */
export type DataAccess = "containsSql" | "noSql" | "readsSqlData" | "modifiesSqlData";

export interface RoutineProps {
  readonly name: string;
  readonly schema?: string;
  readonly kind?: RoutineKind;
  /** The parameter list as SQL, without parentheses: `a integer, b text DEFAULT 'x'`. */
  readonly arguments?: string;
  /** A function's return type as SQL (`integer`, `SETOF app.user`, `TABLE(a int)`, `trigger`); procedures have none. */
  readonly returns?: string;
  /** PostgreSQL's `LANGUAGE` (`plpgsql`, `sql`, ...); MySQL's is always `sql`. */
  readonly language?: string;
  /** The body as written: PostgreSQL's text between the dollar quotes, MySQL's statement (`BEGIN ... END`). */
  readonly body: string;
  /** Undefined is the default, VOLATILE. */
  readonly volatility?: Volatility;
  readonly strict?: boolean;
  /** Undefined is the dialect's default (PostgreSQL: invoker; MySQL: definer). */
  readonly security?: SqlSecurity;
  /** Undefined is the default, UNSAFE. */
  readonly parallel?: Parallel;
  readonly leakproof?: boolean;
  readonly cost?: number;
  readonly rows?: number;
  /** `SET` clauses as `name=value` (PostgreSQL's proconfig): `search_path=pg_catalog, public`. */
  readonly config?: readonly string[];
  /** MySQL `DETERMINISTIC`. */
  readonly deterministic?: boolean;
  readonly dataAccess?: DataAccess;
  /** An aggregate's state transition function (PostgreSQL `SFUNC`). */
  readonly stateFunction?: string;
  /** An aggregate's state type (`STYPE`). */
  readonly stateType?: string;
  readonly finalFunction?: string;
  /** An aggregate's initial state (`INITCOND`), as text. */
  readonly initialValue?: string;
  readonly combineFunction?: string;
  /** MySQL: the sql_mode the routine runs under, when not the server's own. */
  readonly sqlMode?: string;
  readonly comment?: string;
  readonly info?: Info;
}

/** A routine's fields are its props' (declaration merging), with the defaults filled in. */
export interface Routine extends Omit<RoutineProps, "info" | "kind" | "arguments" | "language"> {
  readonly kind: RoutineKind;
  readonly arguments: string;
  readonly language: string;
}

/**
 * A stored function or procedure, or a PostgreSQL aggregate (its body is
 * empty: it is its state function and type). Its key is its name with its identity
 * argument list (routineIdentity), so PostgreSQL overloads are different
 * objects; a dialect without overloading compares routines by name.
 */
export class Routine extends HasInfo {
  /** `schema.name(identity arguments)`. */
  readonly key: string;
  /** `schema.name`: what other objects' SQL calls it by, and how a dialect without overloads keys it. */
  readonly nameKey: string;

  constructor(props: RoutineProps) {
    super(props.info);
    Object.assign(this, setFields(props, ALL_FIELDS), { kind: props.kind ?? "function", arguments: props.arguments ?? "", language: props.language ?? "sql" });
    this.nameKey = tableKey(this);
    this.key = `${this.nameKey}(${routineIdentity(this.arguments, this.kind)})`;
    Object.freeze(this);
  }

  with(changes: Partial<RoutineProps>): Routine {
    return new Routine({ ...(setFields(this, ALL_FIELDS) as RoutineProps), info: this.info, ...changes });
  }
}

const OPTIONAL_FIELDS = [
  "schema",
  "returns",
  "volatility",
  "strict",
  "security",
  "parallel",
  "leakproof",
  "cost",
  "rows",
  "config",
  "deterministic",
  "dataAccess",
  "stateFunction",
  "stateType",
  "finalFunction",
  "initialValue",
  "combineFunction",
  "sqlMode",
  "comment",
] as const;

const ALL_FIELDS = ["name", "kind", "arguments", "returns", "language", "body", ...OPTIONAL_FIELDS.filter((f) => f !== "returns")] as const;

/** Every field of a routine but its name and schema, in a fixed order: what comparing and rendering walk. */
export const ROUTINE_FIELDS = ALL_FIELDS.filter((f) => f !== "name" && f !== "schema");

/**
 * The arguments that tell overloads apart, as PostgreSQL's
 * pg_get_function_identity_arguments spells a list: modes other than IN and
 * names kept, defaults dropped, a function's OUT arguments dropped (they are
 * part of its result), blanks collapsed. Type spellings are compared as the
 * server stores them when they differ (see Dialect.storedRoutines).
 */
export function routineIdentity(args: string, kind: RoutineKind): string {
  return splitArguments(args)
    .map((arg) => arg.replace(/\s+(default\b|=)[\s\S]*$/i, "").replace(/^in\s+/i, ""))
    .filter((arg) => kind === "procedure" || !/^out\s/i.test(arg))
    .join(", ");
}

/** The arguments of a list, split at top-level commas (not inside parentheses or quotes), trimmed, blanks collapsed. */
export function splitArguments(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      out.push(args.slice(start, i));
      start = i + 1;
    }
  }
  out.push(args.slice(start));
  return out.map((a) => a.trim().replace(/\s+/g, " ")).filter((a) => a !== "");
}
