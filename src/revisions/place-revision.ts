import { lookup } from "./lookup-revision.js";
import { resolveTarget } from "./resolve-target.js";
import { DuplicateBranchLabel, DuplicateRevision, MultipleHeads, NotAHead, RevisionError } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";
import { REVISION_ID_PATTERN } from "./revision-id.js";

export interface RevisionPlacement {
  /** Where the revision goes: "head" (default), "base", "branch@head", a revision id or prefix. */
  readonly head?: string;
  /** Allow attaching to a revision that is not a head (starting a branch). */
  readonly splice?: boolean;
  /** Parents given outright (a merge, or a processRevisionDirectives hook); `head` is then ignored. */
  readonly downRevision?: string | readonly string[];
  readonly branchLabels?: readonly string[];
  /** Revisions (ids, prefixes or branch labels) this one depends on. */
  readonly dependsOn?: readonly string[];
}

/** What a new migration file declares: its parents, labels and dependencies, all as full ids. */
export interface Placement {
  readonly downRevisions: string[];
  readonly branchLabels: string[];
  readonly dependsOn: string[];
}

/** Raised when `head` is "head" and there are several: the message says how to choose. */
export class MultipleHeadsForRevision extends RevisionError {
  override name = "MultipleHeadsForRevision";
  constructor(readonly heads: readonly string[]) {
    super(
      `there are several heads (${heads.join(", ")}): say where the new revision goes with ` +
        `--head BRANCH@head (or --head REVISION), or merge them first with \`strata merge -m MSG heads\``,
    );
  }
}

/**
 * Where a new revision attaches, checked against the graph: a single head by
 * default, a named target with --head, a non-head only with splice; labels
 * must be new and dependencies must exist. Pure: the graph is not changed.
 */
export function placeRevision(graph: RevisionGraph, revId: string, placement: RevisionPlacement): Placement {
  if (!REVISION_ID_PATTERN.test(revId)) throw new RevisionError(`revision id ${JSON.stringify(revId)}: use letters, digits and _ only`);
  if (graph.has(revId)) throw new DuplicateRevision(revId);
  const branchLabels = [...(placement.branchLabels ?? [])];
  for (const label of branchLabels) {
    const owner = graph.labelled(label);
    if (owner !== undefined) throw new DuplicateBranchLabel(label, [owner, revId]);
  }
  const dependsOn = (placement.dependsOn ?? []).map((d) => lookup(graph, d));
  return { downRevisions: parents(graph, placement), branchLabels, dependsOn };
}

function parents(graph: RevisionGraph, placement: RevisionPlacement): string[] {
  if (placement.downRevision !== undefined) return [placement.downRevision].flat().map((r) => lookup(graph, r));
  const head = placement.head ?? "head";
  if (graph.size === 0 && (head === "head" || head === "base")) return [];
  let ids: string[];
  try {
    ids = resolveTarget(graph, head);
  } catch (error) {
    if (error instanceof MultipleHeads && head === "head") throw new MultipleHeadsForRevision(error.heads);
    throw error;
  }
  if (ids.length > 1) throw new MultipleHeadsForRevision(ids);
  const heads = new Set(graph.heads);
  for (const id of ids) if (!heads.has(id) && !placement.splice) throw new NotAHead(id);
  return ids;
}
