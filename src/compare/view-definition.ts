import type { MetaData } from "../model/index.js";
import { normalizeSql } from "./normalize-sql.js";

/**
 * A view's SELECT in canonical form. Besides normalizeSql, it undoes what
 * the databases do to a view: MySQL's `t.id AS id` and `count(0)`, and, in a
 * single-table view, the table name qualifying every column (`t.id`) and
 * `*` expanded to the columns the table had. Views
 * over several tables keep their qualifiers, which carry meaning there.
 */
export function normalizeViewDefinition(definition: string, model: MetaData, schema: string | undefined): string {
  const sql = normalizeSql(definition)
    // MySQL names every output column (`t.id AS id`) and counts `count(0)` for `count(*)`.
    .replace(/((?:\b[a-z_][a-z0-9_]*\.)?\b([a-z_][a-z0-9_]*)) as \2\b/g, "$1")
    .replace(/\bcount\(0\)/g, "count(*)");
  const single = sql.match(/^select(?: |\*)(?:(?!\bfrom\b).)*\bfrom ([a-z_][a-z0-9_]*)(?: (?:where|group|order|limit|having)\b.*)?$/);
  if (!single || /\bjoin\b/.test(sql)) return sql;
  const table = single[1];
  const unqualified = sql.replace(new RegExp(`\\b${table}\\.`, "g"), "");
  const columns = model.tables.get(schema ? `${schema}.${table}` : table)?.columns.map((c) => c.name);
  if (!columns?.every((c) => /^[a-z_][a-z0-9_]*$/.test(c)) || !unqualified.startsWith("select*from ")) return unqualified;
  return `select ${columns.join(",")} ${unqualified.slice("select*".length)}`;
}
