/**
 * What a database holds, as reflection reads it, written as one line per
 * object and per part of a table (each column, key, constraint and index),
 * so that two states of a database compare as sets of lines and every
 * difference reads as a line. Column order is not part of it: a column a
 * downgrade adds back comes at the end of its table (ADD COLUMN cannot say
 * where), and nothing but `SELECT *` can tell.
 */
import type { DatabaseConnection } from "../dialects/dialect.js";
import type { MetaData } from "../model/index.js";

export type CatalogSnapshot = ReadonlySet<string>;

/** Every schema the database holds, except the version table. */
export async function snapshotCatalog(connection: DatabaseConnection, versionTable: string): Promise<CatalogSnapshot> {
  const metadata = await connection.dialect.reflect(connection, { includeSchemas: true, versionTable });
  return new Set(catalogLines(metadata));
}

export function catalogLines(metadata: MetaData): string[] {
  const lines: string[] = [];
  for (const kind of ["enums", "sequences", "views"] as const) {
    for (const [key, object] of metadata[kind]) lines.push(`${kind.slice(0, -1)} ${key}: ${stable(object)}`);
  }
  for (const [key, table] of metadata.tables) {
    const rest: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(table)) {
      if (Array.isArray(value)) for (const item of value) lines.push(`table ${key} ${field}: ${stable(item)}`);
      else rest[field] = value;
    }
    lines.push(`table ${key}: ${stable(rest)}`);
  }
  return lines.sort();
}

/** The lines only one side has: `- line` was in `before` only, `+ line` is in `after` only. */
export function catalogChanges(before: CatalogSnapshot, after: CatalogSnapshot): string[] {
  return [
    ...[...before].filter((line) => !after.has(line)).map((line) => `- ${line}`),
    ...[...after].filter((line) => !before.has(line)).map((line) => `+ ${line}`),
  ];
}

/** JSON with sorted keys and no undefined values. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .filter((k) => record[k] !== undefined)
          .map((k) => [k, record[k]]),
      );
    }
    return typeof v === "bigint" ? v.toString() : v;
  });
}
