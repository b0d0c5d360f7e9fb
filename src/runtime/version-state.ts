import type { RevisionGraph } from "../revisions/index.js";

/**
 * What the version table says: every applied revision with the checksum of
 * the file that was applied, and which of them are heads. Pure data; the
 * runner computes the next state and `version-table.ts` writes the change.
 */
export interface AppliedRevision {
  readonly revision: string;
  /** sha256 of the migration file when it was applied or stamped. */
  readonly checksum: string;
  readonly isHead: boolean;
}

export type VersionState = ReadonlyMap<string, AppliedRevision>;

export function headsOf(state: VersionState): string[] {
  return [...state.values()]
    .filter((r) => r.isHead)
    .map((r) => r.revision)
    .sort();
}

/**
 * The state whose applied revisions are `applied`; heads are the ones no
 * other applied revision names as its down revision (a `dependsOn` link does
 * not end the other branch's head, as in the reference).
 */
export function stateOf(graph: RevisionGraph, applied: Iterable<{ revision: string; checksum: string }>): VersionState {
  const list = [...applied];
  const heads = new Set(graph.headsOf(list.map((r) => r.revision)));
  return new Map(list.map(({ revision, checksum }) => [revision, { revision, checksum, isHead: heads.has(revision) }]));
}
