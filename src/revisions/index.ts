export {
  AmbiguousRevision,
  BranchNotApplied,
  CycleDetected,
  DuplicateBranchLabel,
  DuplicateRevision,
  MissingParent,
  MultipleHeads,
  NotAHead,
  RelativeOutOfRange,
  RevisionError,
  TargetNotApplied,
  UnknownRevision,
} from "./revision-errors.js";
export { RevisionGraph, type RevisionNode } from "./revision-graph.js";
export { lookup } from "./lookup-revision.js";
export { resolveDowngrade, resolveOne, resolveTarget } from "./resolve-target.js";
export { branchLineage, branchMembers } from "./branch-walk.js";
export { newRevisionId } from "./revision-id.js";
export { DEFAULT_DATABASE, readMigrationModule, type LoadedMigration, type MigrationFunction, type MigrationFunctions } from "./migration-module.js";
export { loadMigrations, loadRevisionGraph, MigrationFilesError } from "./migrations-folder.js";
export { MultipleHeadsForRevision, placeRevision, type Placement, type RevisionPlacement } from "./place-revision.js";
export { migrationPath, MigrationPathError, slugFor, writeMigration } from "./write-migration.js";
