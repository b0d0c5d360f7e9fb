import type { Dialect } from "./dialect.js";
export { redactUrl } from "./redact-url.js";
import { mysqlDialect } from "./mysql/mysql-dialect.js";
import { postgresqlDialect } from "./postgresql/postgresql-dialect.js";
import { sqliteDialect } from "./sqlite/sqlite-dialect.js";

/** Every dialect strata speaks. Adding one is a folder plus one line here. */
export const DIALECTS: readonly Dialect[] = [sqliteDialect, postgresqlDialect, mysqlDialect];

export function dialectNamed(name: string): Dialect | undefined {
  return DIALECTS.find((d) => d.name === name);
}

export function dialectForUrl(url: string): Dialect | undefined {
  const scheme = url.slice(0, Math.max(0, url.indexOf(":"))).toLowerCase();
  return DIALECTS.find((d) => d.urlSchemes.includes(scheme));
}
