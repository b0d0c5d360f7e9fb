import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { LoadedMigration, MigrationFunction } from "../revisions/index.js";
import { migrationChecksum } from "./checksum.js";
import { PlanError } from "./migration-plan.js";

/** The checksum of a migration file as it is on disk now. */
export function fileChecksum(migration: LoadedMigration): string {
  return migrationChecksum(readFileSync(migration.path, "utf8"));
}

/** The path to show: relative to the project when it is inside it. */
export function shownPath(migration: LoadedMigration, cwd: string): string {
  const rel = relative(cwd, migration.path);
  return rel && !rel.startsWith("..") ? rel : migration.path;
}

/** The upgrade or downgrade function a migration has for one database. */
export function migrationFunction(
  migration: LoadedMigration,
  database: string,
  direction: "upgrade" | "downgrade",
  cwd: string,
): MigrationFunction {
  const pair = migration.databases.get(database);
  if (!pair) {
    const has = [...migration.databases.keys()].join(", ");
    throw new PlanError(`${shownPath(migration, cwd)} has no ${direction} for database "${database}" (it has: ${has})`);
  }
  return pair[direction];
}
