import { AmbiguousRevision, UnknownRevision } from "./revision-errors.js";
import type { RevisionGraph } from "./revision-graph.js";

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
