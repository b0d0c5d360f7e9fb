import type { RevisionNode } from "./revision-graph.js";

/** What a migration's upgrade/downgrade receive; typed loosely here so the graph does not depend on the runtime. */
export type MigrationFunction = (op: never) => Promise<void>;

export interface MigrationFunctions {
  readonly upgrade: MigrationFunction;
  readonly downgrade: MigrationFunction;
}

/** One migration file, loaded and checked: the graph node plus what the runtime calls. */
export interface LoadedMigration extends RevisionNode {
  readonly path: string;
  /** The first line of the header comment, when the file has one. */
  readonly message?: string;
  /**
   * The functions to run: a single-database migration has one pair under
   * `default`; a multi-database one has one pair per database name, as its
   * `export const databases = { main: { upgrade, downgrade }, ... }` says.
   */
  readonly databases: ReadonlyMap<string, MigrationFunctions>;
  /**
   * False when the file says `export const transactional = false;`: its
   * statements run outside a transaction (CREATE INDEX CONCURRENTLY).
   */
  readonly transactional: boolean;
}

/** The key single-database migrations use in `LoadedMigration.databases`. */
export const DEFAULT_DATABASE = "default";

/**
 * Checks a migration module's exports and turns them into a LoadedMigration,
 * or returns the problems found (every one of them, for one clear message).
 */
export function readMigrationModule(path: string, module: Record<string, unknown>, source: string): LoadedMigration | string[] {
  const problems: string[] = [];
  const revision = module.revision;
  if (typeof revision !== "string" || revision === "") problems.push("does not export `revision` (a non-empty string)");
  const list = (name: string): string[] => {
    const value = module[name];
    if (value === undefined || value === null) return [];
    if (typeof value === "string") return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
    problems.push(`exports \`${name}\` as ${JSON.stringify(value)}; it must be null, a string or a list of strings`);
    return [];
  };
  const downRevisions = list("downRevision");
  const branchLabels = list("branchLabels");
  const dependsOn = list("dependsOn");
  const databases = new Map<string, MigrationFunctions>();
  if (module.databases !== undefined) {
    for (const [name, entry] of Object.entries(module.databases as Record<string, unknown>)) {
      const pair = functionsOf(entry);
      if (pair) databases.set(name, pair);
      else problems.push(`exports \`databases.${name}\` without async \`upgrade\` and \`downgrade\` functions`);
    }
  } else {
    const pair = functionsOf(module);
    if (pair) databases.set(DEFAULT_DATABASE, pair);
    else problems.push("does not export async functions `upgrade` and `downgrade` (or `databases`)");
  }
  if (problems.length) return problems;
  const message = /^\/\*\*\s*\n\s*\*\s*(.+)$/m.exec(source)?.[1]?.trim();
  const transactional = module.transactional !== false;
  return { path, revision: revision as string, downRevisions, branchLabels, dependsOn, databases, transactional, ...(message ? { message } : {}) };
}

function functionsOf(value: unknown): MigrationFunctions | undefined {
  const { upgrade, downgrade } = (value ?? {}) as Record<string, unknown>;
  if (typeof upgrade !== "function" || typeof downgrade !== "function") return undefined;
  return { upgrade: upgrade as MigrationFunction, downgrade: downgrade as MigrationFunction };
}
