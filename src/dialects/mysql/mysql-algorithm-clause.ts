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
  if (/^\s*(CREATE\s+(UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX|DROP\s+INDEX)\b/i.test(sql)) return `${sql} ${clauses.join(" ")}`;
  return sql;
}
