import type { Dialect } from "../dialects/dialect.js";
import { splitArguments, type Routine } from "../model/index.js";

/**
 * Whether two routines are the same once each field's unstated default is
 * filled in (VOLATILE, PARALLEL UNSAFE, CONTAINS SQL, the dialect's SQL
 * SECURITY) and SQL text is compared as routineText reads it. Bodies are
 * compared as written but for surrounding blank space and line endings: a
 * body is code, and the server keeps it as given.
 */
export function sameRoutine(dialect: Dialect, a: Routine, b: Routine): boolean {
  const security = (r: Routine) => r.security ?? dialect.capabilities.defaultSqlSecurity;
  return (
    a.kind === b.kind &&
    argumentsText(a.arguments) === argumentsText(b.arguments) &&
    routineText(a.returns ?? "") === routineText(b.returns ?? "") &&
    a.language.toLowerCase() === b.language.toLowerCase() &&
    bodyText(a.body) === bodyText(b.body) &&
    (a.volatility ?? "volatile") === (b.volatility ?? "volatile") &&
    !!a.strict === !!b.strict &&
    security(a) === security(b) &&
    (a.parallel ?? "unsafe") === (b.parallel ?? "unsafe") &&
    !!a.leakproof === !!b.leakproof &&
    a.cost === b.cost &&
    a.rows === b.rows &&
    (a.config ?? []).join("\n") === (b.config ?? []).join("\n") &&
    !!a.deterministic === !!b.deterministic &&
    (a.dataAccess ?? "containsSql") === (b.dataAccess ?? "containsSql") &&
    routineText(a.stateFunction ?? "") === routineText(b.stateFunction ?? "") &&
    routineText(a.stateType ?? "") === routineText(b.stateType ?? "") &&
    routineText(a.finalFunction ?? "") === routineText(b.finalFunction ?? "") &&
    a.initialValue === b.initialValue &&
    routineText(a.combineFunction ?? "") === routineText(b.combineFunction ?? "") &&
    a.sqlMode === b.sqlMode &&
    (!dialect.capabilities.comments || a.comment === b.comment)
  );
}

/**
 * An argument list as routineText reads it, each argument without the IN
 * mode it has when none is written.
 */
export function argumentsText(args: string): string {
  return routineText(
    splitArguments(args)
      .map((arg) => arg.replace(/^in\s+/i, ""))
      .join(", "),
  );
}

/**
 * Argument lists and types: blanks collapsed, case folded outside quotes,
 * MySQL integer display widths and character sets dropped (information_schema
 * gives neither for a routine's parameters and result, so neither can be
 * compared).
 */
export function routineText(sql: string): string {
  return sql
    .replace(/\s+(charset|character\s+set|collate)\s+\w+/gi, "")
    .replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|[^'"]+/g, (part) => (part.startsWith("'") || part.startsWith('"') ? part : part.toLowerCase()))
    .replace(/\b((?:tiny|small|medium|big)?int)\(\d+\)/g, "$1")
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1")
    .trim();
}

export function bodyText(body: string): string {
  return body.replace(/\r\n?/g, "\n").trim();
}
