import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { formatLocatedMessage, type LocatedMessage } from "../diagnostics/located-message.js";
import { UserModuleError, importUserModule } from "../user-modules/import-user-module.js";
import { readMigrationModule, type LoadedMigration } from "./migration-module.js";
import { RevisionGraph } from "./revision-graph.js";

export interface MigrationFileProblem {
  readonly path: string;
  readonly message: string;
  /** Where a file that does not parse goes wrong: it prints with the source line and a caret. */
  readonly location?: LocatedMessage;
}

/** Files in the migrations folder that did not load or do not look like migrations; lists every one. */
export class MigrationFilesError extends Error {
  override readonly name = "MigrationFilesError";
  constructor(readonly problems: readonly MigrationFileProblem[]) {
    super(problems.map((p) => (p.location ? formatLocatedMessage(p.location) : `${p.path}: ${p.message}`)).join("\n"));
  }
}

/**
 * Loads every migration under `folder` (subfolders too: they are extra version
 * paths), TypeScript or JavaScript, in any kind of project. Paths in errors
 * are relative to `root`.
 */
export async function loadMigrations(folder: string, root = folder): Promise<LoadedMigration[]> {
  const problems: MigrationFileProblem[] = [];
  const migrations: LoadedMigration[] = [];
  for (const path of migrationFiles(folder)) {
    const shown = relative(root, path) || path;
    let module: Record<string, unknown>;
    try {
      module = await importUserModule(path, root);
    } catch (error) {
      if (!(error instanceof UserModuleError)) throw error;
      problems.push({ path: shown, message: error.reason, ...(error.location ? { location: error.location } : {}) });
      continue;
    }
    const loaded = readMigrationModule(path, module, readFileSync(path, "utf8"));
    if (Array.isArray(loaded)) problems.push(...loaded.map((message) => ({ path: shown, message })));
    else migrations.push(loaded);
  }
  problems.push(...duplicateRevisions(migrations, root));
  if (problems.length) throw new MigrationFilesError(problems);
  return migrations;
}

/** Files that declare a revision an earlier file declares too: the graph cannot tell them apart. */
function duplicateRevisions(migrations: readonly LoadedMigration[], root: string) {
  const first = new Map<string, string>();
  const problems: Array<{ path: string; message: string }> = [];
  for (const migration of migrations) {
    const shown = relative(root, migration.path) || migration.path;
    const earlier = first.get(migration.revision);
    if (earlier === undefined) first.set(migration.revision, shown);
    else {
      problems.push({
        path: shown,
        message: `declares revision ${migration.revision}, which ${earlier} declares too; give one of them a new revision id`,
      });
    }
  }
  return problems;
}

/** The graph of the migrations under `folder`; an absent folder is an empty graph. */
export async function loadRevisionGraph(folder: string, root = folder): Promise<RevisionGraph<LoadedMigration>> {
  return new RevisionGraph(existsSync(folder) ? await loadMigrations(folder, root) : []);
}

/** `.ts`/`.mts`/`.cts`/`.js`/`.mjs`/`.cjs` files, sorted, skipping declarations and dot/underscore files. */
function migrationFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (name.startsWith(".") || name.startsWith("_") || name === "node_modules") continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) out.push(...migrationFiles(path));
    else if (/\.[mc]?[tj]s$/.test(name) && !/\.d\.[mc]?ts$/.test(name)) out.push(path);
  }
  return out;
}
