import { closest } from "../parse/suggest.js";
import type { StrataConfig } from "./define-config.js";

/** What a key's value must be, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined;

function check(expected: string, ok: (value: unknown) => boolean): Check {
  return (value) => (ok(value) ? undefined : `must be ${expected}, not ${describe(value)}`);
}

const isString = (value: unknown): boolean => typeof value === "string";
const isFunction = (value: unknown): boolean => typeof value === "function";
const isBoolean = (value: unknown): boolean => typeof value === "boolean";
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const text = (what: string) => check(`a string (${what})`, isString);
const flagOr = (what: string) => check(`true, false or ${what}`, (v) => isBoolean(v) || isFunction(v));

function databases(value: unknown): string | undefined {
  if (!isObject(value)) return `must be an object of { url, schema } by database name, not ${describe(value)}`;
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject(entry) || !isString(entry.url) || !isString(entry.schema) || (entry.devUrl !== undefined && !isString(entry.devUrl))) {
      return `.${name} must be { url: string, schema: string, devUrl?: string }, not ${describe(entry)}`;
    }
  }
  return undefined;
}

/**
 * Every key strata.config may have, with its check. Typed by StrataConfig's
 * keys, so a new option cannot be added without saying what it accepts.
 */
const CHECKS: { readonly [K in keyof Required<StrataConfig>]: Check } = {
  schema: text("a .schema file or folder"),
  migrations: text("the folder that holds the migrations"),
  url: text("a database URL"),
  devUrl: text("an empty database URL strata may use to verify migrations"),
  connectTimeout: check("a number of seconds", (v) => typeof v === "number" && v > 0),
  databases,
  versionTable: text("a table name"),
  includeSchemas: check("true, false or a list of schema names", (v) => isBoolean(v) || (Array.isArray(v) && v.every(isString))),
  includeName: check("a function", isFunction),
  includeObject: check("a function", isFunction),
  compareType: flagOr("a function"),
  compareServerDefault: flagOr("a function"),
  processRevisionDirectives: check("a function or a Rewriter", (v) => isFunction(v) || (isObject(v) && isFunction(v.processRevisionDirectives))),
  renderItem: check("a function", isFunction),
  renderAsBatch: check("true or false", isBoolean),
  userModulePrefix: text("the prefix written before user types"),
  writeEmptyRevisions: check("true or false", isBoolean),
  plugins: check("a list of functions", (v) => Array.isArray(v) && v.every(isFunction)),
};

/**
 * Every problem of a loaded config, one line each: a key strata does not
 * know (with the closest one it does: `schmea` is `schema`), or a value of
 * the wrong kind. An empty list means the config is a StrataConfig.
 */
export function configProblems(config: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = Object.keys(CHECKS);
  for (const [key, value] of Object.entries(config)) {
    if (!Object.hasOwn(CHECKS, key)) {
      const near = closest(key, known);
      problems.push(`unknown key ${key}${near ? `: did you mean ${near}?` : ` (strata knows ${known.join(", ")})`}`);
      continue;
    }
    if (value === undefined) continue;
    const problem = CHECKS[key as keyof StrataConfig](value);
    if (problem) problems.push(`${key}${problem.startsWith(".") ? "" : " "}${problem}`);
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
    case "boolean":
    case "bigint":
      return `the ${typeof value} ${String(value)}`;
    case "function":
      return "a function";
    default:
      return `an ${typeof value}`;
  }
}
