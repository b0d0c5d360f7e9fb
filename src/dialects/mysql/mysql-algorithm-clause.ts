import type { AlgorithmClause } from "../../ops/algorithm-op.js";

/**
 * An ALTER TABLE, CREATE INDEX or DROP INDEX statement with the algorithm
 * (and lock) the server must use: given them, the server refuses a change it
 * cannot do that way instead of quietly copying the table or blocking writes.
 * Other statements come back as they are.
 */
export function withAlgorithm(sql: string, clause: AlgorithmClause): string {
  const clauses = [`ALGORITHM=${clause.algorithm}`, ...(clause.lock ? [`LOCK=${clause.lock}`] : [])];
  if (/^\s*ALTER\s+TABLE\b/i.test(sql)) return `${sql}, ${clauses.join(", ")}`;
  // MariaDB's DROP INDEX takes no ALGORITHM=INSTANT: ALTER TABLE ... DROP INDEX takes every clause.
  const drop = /^\s*DROP\s+INDEX\s+(`(?:[^`]|``)+`)\s+ON\s+((?:`(?:[^`]|``)+`\.)?`(?:[^`]|``)+`)\s*$/i.exec(sql);
  if (drop) return `ALTER TABLE ${drop[2]} DROP INDEX ${drop[1]}, ${clauses.join(", ")}`;
  if (/^\s*CREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\b/i.test(sql)) return `${sql} ${clauses.join(" ")}`;
  return sql;
}
