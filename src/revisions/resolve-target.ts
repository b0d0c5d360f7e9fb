import { AmbiguousRevision, MultipleHeads, RelativeOutOfRange, UnknownRevision } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";

/**
 * Resolves what a user types as a target into revision ids (an empty list is
 * base). `current` is what the version table holds, needed by relative targets.
 *
 *   head            the single head (MultipleHeads when there are several)
 *   heads           every head
 *   base            nothing applied
 *   ae1027a6acf1    a revision id, a unique prefix of one, or a branch label
 *   X@head          the head above X (X: branch label, id or prefix)
 *   X@base          below X's branch: the parents of the revision labelled X
 *   +N, -N          N steps up/down from `current`
 *   X@+N, X@-N      N steps up/down from `current`, along branch X
 *   X+N, X-N        N steps up/down from X (`head-1`, `ae10+2`)
 */
export function resolveTarget(graph: RevisionGraph, target: string, current: readonly string[] = []): string[] {
  const text = target.trim();
  if (text === "base") return [];
  if (text === "heads") return graph.heads;
  if (text === "head") return [singleHead(graph, graph.heads, text)];

  const branchRelative = /^(.+)@([+-]\d+)$/.exec(text);
  if (branchRelative) {
    const line = graph.ancestors([branchHead(graph, branchRelative[1], text)]);
    const start = current.filter((id) => line.has(id));
    return step(graph, start, Number(branchRelative[2]), text, line);
  }
  const at = /^(.+)@(head|base)$/.exec(text);
  if (at) {
    if (at[2] === "head") return [branchHead(graph, at[1], text)];
    return [...graph.get(lookup(graph, at[1])).downRevisions];
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

/** An exact id, then a branch label, then a unique id prefix. */
export function lookup(graph: RevisionGraph, name: string): string {
  if (graph.has(name)) return name;
  const labelled = graph.labelled(name);
  if (labelled !== undefined) return labelled;
  const matches = graph.ids.filter((id) => id.startsWith(name)).sort();
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) throw new AmbiguousRevision(name, matches);
  throw new UnknownRevision(name);
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

/**
 * Walks `count` steps from `start` (one revision, or nothing for base),
 * staying inside `line` when given. Every step must be unambiguous.
 */
function step(
  graph: RevisionGraph,
  start: readonly string[],
  count: number,
  target: string,
  line?: ReadonlySet<string>,
): string[] {
  const from = start.length > 1 ? graph.headsOf(start) : [...start];
  if (from.length > 1) {
    throw new RelativeOutOfRange(target, `the database is at several heads (${from.join(", ")}); say which branch: BRANCH@${count > 0 ? "+" : ""}${count}`);
  }
  let at: string | undefined = from[0];
  const inLine = (ids: readonly string[]) => (line ? ids.filter((id) => line.has(id)) : [...ids]);
  for (let i = 0; i < Math.abs(count); i++) {
    let next: string[];
    if (count > 0) next = inLine(at === undefined ? graph.bases : graph.children(at));
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
