export {
  AmbiguousRevision,
  CycleDetected,
  DuplicateBranchLabel,
  DuplicateRevision,
  MissingParent,
  MultipleHeads,
  RelativeOutOfRange,
  RevisionError,
  UnknownRevision,
} from "./revision-errors.js";
export { RevisionGraph, type RevisionNode } from "./revision-graph.js";
export { lookup, resolveOne, resolveTarget } from "./resolve-target.js";
export { newRevisionId } from "./revision-id.js";
