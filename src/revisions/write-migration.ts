import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** `add the organization table` → `add_the_organization_table`, at most 40 characters. */
export function slugFor(message: string | undefined): string {
  const slug = (message ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return slug || "revision";
}

/** Thrown when a migration file cannot be written where it was asked to go. */
export class MigrationPathError extends Error {
  override readonly name = "MigrationPathError";
}

/**
 * The path of a new migration: `<folder or versionPath>/<revId>_<slug>.ts`.
 * A version path must lie inside the migrations folder, or the loader would
 * never see the file again.
 */
export function migrationPath(folder: string, revId: string, message: string | undefined, versionPath?: string): string {
  const dir = versionPath === undefined ? folder : resolve(folder, versionPath);
  const inside = relative(folder, dir);
  if (inside.startsWith("..") || resolve(folder, inside) !== dir) {
    throw new MigrationPathError(`version path ${versionPath} is outside the migrations folder ${folder}`);
  }
  return join(dir, `${revId}_${slugFor(message)}.ts`);
}

/** Writes a new migration file; never replaces an existing one. */
export function writeMigration(path: string, source: string): void {
  if (existsSync(path)) throw new MigrationPathError(`${path} already exists`);
  mkdirSync(resolve(path, ".."), { recursive: true });
  writeFileSync(path, source, { flag: "wx" });
}
