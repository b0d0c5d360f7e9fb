import { lookup } from "./lookup-revision.js";
import { BranchNotApplied, RelativeOutOfRange } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";

/**
 * Walking along one branch (`X@+N`, `X@-N`, `X@base`), as the reference's
 * branch labels mean it. X is a branch label or a revision (id or prefix);
 * call the revision it names R.
 *
 * - The branch's *members* are R, everything above R, and R's ancestors
 *   back to the branch point it grew from (not including that point): the
 *   revisions the label covers. Only members are ever undone by a branch
 *   downgrade, so `feat_b@-1` on a database without feat_b is an error, never
 *   a step down the shared trunk.
 * - The branch's *lineage* is R's ancestors and everything above R: the path
 *   an upgrade follows from base to the branch, and the parent a step down
 *   takes at a merge.
 */
export function branchMembers(graph: RevisionGraph, name: string): Set<string> {
  const named = lookup(graph, name);
  const members = graph.downstream([named]);
  const stack = [named];
  while (stack.length) {
    const node = graph.get(stack.pop()!);
    // A merge's parents belong to the branches it joins, not to this one.
    if (node.downRevisions.length > 1) continue;
    for (const parent of node.downRevisions) {
      if (graph.children(parent).length > 1 || members.has(parent)) continue;
      members.add(parent);
      stack.push(parent);
    }
  }
  return members;
}

export function branchLineage(graph: RevisionGraph, name: string): Set<string> {
  const named = lookup(graph, name);
  return new Set([...graph.ancestors([named]), ...graph.downstream([named])]);
}

/** The revisions of `set` that no other member of `set` has as a parent: where an applied line ends. */
function tips(graph: RevisionGraph, set: ReadonlySet<string>): string[] {
  return graph.sort([...set].filter((id) => !graph.children(id).some((child) => set.has(child))));
}

/**
 * `X@+N`: from where the database is on X's lineage (the tip of what is
 * applied of it, or base), N steps up towards X and along it. Returns the
 * revision reached (undefined: base).
 */
export function walkBranchUp(
  graph: RevisionGraph,
  name: string,
  count: number,
  applied: ReadonlySet<string>,
  target: string,
): string | undefined {
  const lineage = branchLineage(graph, name);
  const starts = tips(graph, new Set([...applied].filter((id) => lineage.has(id))));
  if (starts.length > 1) {
    throw new RelativeOutOfRange(target, `the database is at several revisions of ${name} (${starts.join(", ")}); name one of them instead of ${name}`);
  }
  let at: string | undefined = starts[0];
  for (let i = 0; i < count; i++) {
    const next: string[] = (at === undefined ? graph.bases : graph.children(at)).filter((id) => lineage.has(id));
    if (next.length === 0) {
      throw new RelativeOutOfRange(target, `${at ?? "base"} is the head of ${name}; there ${i === 0 ? "is nothing" : `are only ${i} revisions`} above the database's revision on it`);
    }
    if (next.length > 1) {
      throw new RelativeOutOfRange(target, `${name} forks above ${at ?? "base"} (${next.join(", ")}); name one of those branches`);
    }
    at = next[0];
  }
  return at;
}

/** Where a branch downgrade lands and what it undoes. */
export interface BranchDowngrade {
  /** The revision the branch is left at; undefined when the walk reached base. */
  readonly landing?: string;
  /** Every applied revision the downgrade undoes: the walked ones and what is applied above them. */
  readonly undo: ReadonlySet<string>;
}

/**
 * `X@-N`: N steps down from the top of X that the database has applied,
 * and `X@base` (count undefined): every applied member of X. Undoes the
 * revisions walked over and whatever applied revisions stand on them.
 *
 * Refuses, changing nothing, when no member of X is applied, and when
 * undoing would take down another branch that needs a walked revision (a
 * step below the branch point): that is a downgrade to name explicitly.
 */
export function walkBranchDown(
  graph: RevisionGraph,
  name: string,
  count: number | undefined,
  applied: ReadonlySet<string>,
  target: string,
): BranchDowngrade {
  const members = branchMembers(graph, name);
  const lineage = branchLineage(graph, name);
  const appliedMembers = new Set([...applied].filter((id) => members.has(id)));
  if (appliedMembers.size === 0) throw new BranchNotApplied(target, name, graph.headsOf(applied));
  const walked: string[] = [];
  let landing: string | undefined;
  if (count === undefined) {
    walked.push(...appliedMembers);
    landing = undefined;
  } else {
    const starts = tips(graph, appliedMembers);
    if (starts.length > 1) {
      throw new RelativeOutOfRange(target, `the database is at several revisions of ${name} (${starts.join(", ")}); name one of them instead of ${name}`);
    }
    let at: string | undefined = starts[0];
    for (let i = 0; i < count; i++) {
      if (at === undefined) throw new RelativeOutOfRange(target, `it goes below base (${name} has ${i} applied revisions to step down)`);
      walked.push(at);
      const parents: string[] = graph.get(at).downRevisions.filter((id) => lineage.has(id));
      if (parents.length > 1) {
        throw new RelativeOutOfRange(target, `${at} merges ${parents.join(", ")}; name the branch to step down (BRANCH@-N) or a revision`);
      }
      at = parents[0];
    }
    landing = at;
  }
  const undo = new Set([...graph.descendants(walked)].filter((id) => applied.has(id)));
  const elsewhere = graph.sort([...undo].filter((id) => !lineage.has(id)));
  if (elsewhere.length) {
    throw new RelativeOutOfRange(
      target,
      `it would also undo ${elsewhere.join(", ")}, not on ${name}, which needs what this downgrade undoes; ` +
        "name the revision to go down to (or base) to undo both on purpose",
    );
  }
  return { landing, undo };
}
