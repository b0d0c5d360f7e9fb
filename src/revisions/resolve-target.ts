import { branchMembers, walkBranchDown, walkBranchUp } from "./branch-walk.js";
import { lookup } from "./lookup-revision.js";
import { MultipleHeads, RelativeOutOfRange, TargetNotApplied, UnknownRevision } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";

export { lookup };

/**
 * Resolves what a user types as a target into revision ids (an empty list is
 * base). `current` is what the version table holds, needed by relative targets.
 *
 *   head            the single head (MultipleHeads when there are several)
 *   heads           every head
 *   base            nothing applied
 *   ae1027a6acf1    a revision id, a unique prefix of one, or a branch label
 *   X@head          the head above X (X: branch label, id or prefix)
 *   X@base          below X's branch: the parents of its lowest revision
 *   +N, -N          N steps up/down from `current`
 *   X@+N            N steps up along branch X, from where the database is
 *                   on it (its applied tip, or base: see branch-walk.ts)
 *   X@-N            N steps down from the top of X the database has applied
 *   X+N, X-N        N steps up/down from X (`head-1`, `ae10+2`)
 */
export function resolveTarget(graph: RevisionGraph, target: string, current: readonly string[] = []): string[] {
  const text = target.trim();
  if (text === "base") return [];
  if (text === "heads") return graph.heads;
  if (text === "head") return [singleHead(graph, graph.heads, text)];

  const branchRelative = /^(.+)@([+-]\d+)$/.exec(text);
  if (branchRelative) {
    const [, name, steps] = branchRelative;
    const applied = current.length ? graph.ancestors(current) : new Set<string>();
    const count = Number(steps);
    if (count >= 0) {
      const landing = walkBranchUp(graph, name, count, applied, text);
      return landing === undefined ? [] : [landing];
    }
    const { landing } = walkBranchDown(graph, name, -count, applied, text);
    return landing === undefined ? [] : [landing];
  }
  const at = /^(.+)@(head|base)$/.exec(text);
  if (at) {
    if (at[2] === "head") return [branchHead(graph, at[1], text)];
    const members = branchMembers(graph, at[1]);
    const below = [...members].flatMap((id) => graph.get(id).downRevisions.filter((parent) => !members.has(parent)));
    return graph.sort(new Set(below));
  }
  const relative = /^([+-]\d+)$/.exec(text);
  if (relative) return step(graph, current, Number(relative[1]), text);
  const fromRevision = /^(.+?)([+-]\d+)$/.exec(text);
  if (fromRevision) return step(graph, resolveTarget(graph, fromRevision[1], current), Number(fromRevision[2]), text);
  return [lookup(graph, text)];
}

/** A target that must name exactly one revision (`revision --head`, `--depends-on`). */
export function resolveOne(graph: RevisionGraph, target: string, current: readonly string[] = []): string {
  const ids = resolveTarget(graph, target, current);
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) throw new RelativeOutOfRange(target, "it resolves to base, not to a revision");
  throw new MultipleHeads(ids, target);
}

function branchHead(graph: RevisionGraph, name: string, target: string): string {
  const above = graph.downstream([lookup(graph, name)]);
  return singleHead(graph, graph.heads.filter((h) => above.has(h)), target);
}

function singleHead(graph: RevisionGraph, heads: string[], target: string): string {
  if (heads.length === 1) return heads[0];
  if (heads.length === 0) throw new UnknownRevision(target);
  throw new MultipleHeads(heads, target);
}

/** Walks `count` steps from `start` (one revision, or nothing for base). Every step must be unambiguous. */
function step(graph: RevisionGraph, start: readonly string[], count: number, target: string): string[] {
  const from = start.length > 1 ? graph.headsOf(start) : [...start];
  if (from.length > 1) {
    throw new RelativeOutOfRange(target, `the database is at several heads (${from.join(", ")}); say which branch: BRANCH@${count > 0 ? "+" : ""}${count}`);
  }
  let at: string | undefined = from[0];
  for (let i = 0; i < Math.abs(count); i++) {
    let next: string[];
    if (count > 0) next = [...(at === undefined ? graph.bases : graph.children(at))];
    else if (at === undefined) throw new RelativeOutOfRange(target, "it goes below base");
    else next = [...graph.get(at).downRevisions];
    if (count < 0 && next.length === 0) {
      at = undefined;
      continue;
    }
    if (next.length === 0) throw new RelativeOutOfRange(target, `${at} is a head; there is nothing above it`);
    if (next.length > 1) {
      const where = at === undefined ? "base" : at;
      throw new RelativeOutOfRange(target, `several revisions are next to ${where} (${next.join(", ")}); name a branch (BRANCH@${count > 0 ? "+" : ""}${count}) or a revision`);
    }
    at = next[0];
  }
  return at === undefined ? [] : [at];
}

/**
 * What `downgrade TARGET` undoes on a database whose version table records
 * `current` (its heads): the applied revisions to run the downgrade of.
 * A branch target (`X@-N`, `X@base`) undoes only that branch; any other
 * target undoes what is applied above it, and must itself be applied.
 */
export function resolveDowngrade(graph: RevisionGraph, target: string, current: readonly string[]): Set<string> {
  const text = target.trim();
  const applied = current.length ? graph.ancestors(current) : new Set<string>();
  const branch = /^(.+)@(?:-(\d+)|(base))$/.exec(text);
  if (branch) return new Set(walkBranchDown(graph, branch[1], branch[3] ? undefined : Number(branch[2]), applied, text).undo);
  const ids = resolveTarget(graph, text, current);
  const notApplied = ids.filter((id) => !applied.has(id));
  if (notApplied.length) throw new TargetNotApplied(text, notApplied, current);
  return new Set(graph.downgradePath(current, ids).map((node) => node.revision));
}
