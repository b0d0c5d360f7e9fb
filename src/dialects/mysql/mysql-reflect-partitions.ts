import type { PartitionRow } from "./mysql-catalog.js";

/**
 * A partitioned table's clause, rebuilt from its information_schema.PARTITIONS
 * rows in the server's own terms (the expression as it stores it), so the
 * same clause creates the same partitions: `PARTITION BY RANGE (year(`d`))
 * (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN
 * MAXVALUE)`. HASH and KEY partitions named p0, p1, ... (the server's names)
 * are counted (`PARTITIONS 3`); other names are listed. Undefined for a
 * subpartitioned table, which the model does not hold (a reflection warning
 * says so).
 */
export function partitionClause(rows: readonly PartitionRow[]): string | undefined {
  const [first] = rows;
  if (!first || first.subpartitionMethod !== null) return undefined;
  const method = first.method.toUpperCase();
  const columns = /^(RANGE|LIST) COLUMNS$/.exec(method);
  const by = columns ? `${columns[1]} COLUMNS(${first.expression ?? ""})` : `${method} (${first.expression ?? ""})`;
  const definitions = rows.map((row) => {
    const comment = row.comment ? ` COMMENT = '${row.comment.replaceAll("\\", "\\\\").replaceAll("'", "''")}'` : "";
    return `PARTITION ${partitionName(row.name)}${values(method, row.description)}${comment}`;
  });
  const counted = /HASH|KEY/.test(method) && rows.every((row, i) => row.name === `p${i}` && !row.comment);
  return `PARTITION BY ${by} ${counted ? `PARTITIONS ${rows.length}` : `(${definitions.join(", ")})`}`;
}

function values(method: string, description: string | null): string {
  if (method.startsWith("RANGE")) return description === "MAXVALUE" && method === "RANGE" ? " VALUES LESS THAN MAXVALUE" : ` VALUES LESS THAN (${description})`;
  if (method.startsWith("LIST")) return ` VALUES IN (${description})`;
  return "";
}

function partitionName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}
