import { resolveDowngrade, resolveTarget, type LoadedMigration, type RevisionGraph } from "../revisions/index.js";
import { PlanError } from "./migration-plan-error.js";
import { checkVersionState } from "./version-table-check.js";
import { headsOf, stateOf, type VersionState } from "./version-state.js";

export type Direction = "upgrade" | "downgrade";

/** One migration to run, one way. */
export interface MigrationStep {
  readonly direction: Direction;
  readonly migration: LoadedMigration;
}

export { PlanError };

/**
 * What a user types (`head`, `-1`, `feat@+2`, ...), or revision ids already
 * chosen by strata itself (an empty list is base): the database ends with
 * exactly those revisions and their ancestors applied.
 */
export type Target = string | { readonly revisions: readonly string[] };

const shown = (ids: readonly string[]) => (ids.length ? ids.join(", ") : "base");

/**
 * The migrations that take a database at `state` to `target`, in the order
 * they run: parents first going up, children first going down. A version
 * table that contradicts the migrations (revisions no file declares, rows
 * deleted by hand) is an error, not something to plan around.
 */
export function planMigrations(
  graph: RevisionGraph<LoadedMigration>,
  state: VersionState,
  direction: Direction,
  target: Target,
  tableName: string,
): MigrationStep[] {
  checkVersionState(graph, state, tableName);
  const heads = headsOf(state);
  if (direction === "downgrade") {
    const undo =
      typeof target === "string"
        ? resolveDowngrade(graph, target, heads)
        : new Set(graph.downgradePath(heads, target.revisions).map((node) => node.revision));
    return graph
      .sort(undo)
      .reverse()
      .map((id) => ({ direction, migration: graph.get(id) }));
  }
  const ids = typeof target === "string" ? resolveTarget(graph, target, heads) : [...target.revisions];
  const below = ids.filter((id) => state.has(id) && !state.get(id)!.isHead);
  if (below.length) {
    const named = typeof target === "string" ? target : shown(ids);
    throw new PlanError(
      `${named} (${below.join(", ")}) is below the current revision (${shown(heads)}); use \`strata downgrade ${named}\` to go back`,
    );
  }
  return graph.upgradePath(heads, ids).map((migration) => ({ direction, migration }));
}

/**
 * Whether `step` still has to run on a database now at `state` (read again
 * under the migration lock): false when another process already ran it; an
 * error when the database moved somewhere the step no longer fits.
 */
export function stepIsPending(
  graph: RevisionGraph<LoadedMigration>,
  state: VersionState,
  step: MigrationStep,
): boolean {
  const { revision, downRevisions, dependsOn } = step.migration;
  if (step.direction === "upgrade") {
    if (state.has(revision)) return false;
    const missing = [...downRevisions, ...dependsOn].filter((id) => !state.has(id));
    if (missing.length) {
      throw new PlanError(
        `cannot apply ${revision}: ${missing.join(", ")} is not applied (another process changed the database meanwhile?)`,
      );
    }
    return true;
  }
  if (!state.has(revision)) return false;
  const above = [...graph.descendants([revision])].filter((id) => id !== revision && state.has(id));
  if (above.length) {
    throw new PlanError(
      `cannot undo ${revision}: ${above.join(", ")} above it is still applied (another process changed the database meanwhile?)`,
    );
  }
  return true;
}

/** The state after `step` ran; an upgrade records the checksum of the file it applied. */
export function stateAfter(
  graph: RevisionGraph<LoadedMigration>,
  state: VersionState,
  step: MigrationStep,
  checksum: string,
): VersionState {
  const applied = [...state.values()].filter((r) => r.revision !== step.migration.revision);
  if (step.direction === "upgrade") applied.push({ revision: step.migration.revision, checksum, isHead: true });
  return stateOf(graph, applied);
}

/** The state `stamp` records: exactly the target's revisions and everything below them. */
export function stampedState(
  graph: RevisionGraph<LoadedMigration>,
  ids: readonly string[],
  checksumOf: (migration: LoadedMigration) => string,
): VersionState {
  const applied = graph.sort(graph.ancestors(ids)).map((id) => ({ revision: id, checksum: checksumOf(graph.get(id)) }));
  return stateOf(graph, applied);
}
