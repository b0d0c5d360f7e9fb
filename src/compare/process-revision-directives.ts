import type { MigrationScript } from "../ops/index.js";
import type { MigrationContext } from "./migration-context.js";

/** The revision(s) the new script revises (the reference's `revision` tuple). */
export type RevisionTuple = readonly string[];

/**
 * The processRevisionDirectives hook: edit the scripts in `directives` in
 * place, or replace the array's contents with zero or more scripts
 * (`directives.splice(0, directives.length, ...mine)`); the revision command
 * writes whatever the array holds afterwards.
 */
export type ProcessRevisionDirectivesFn = (
  context: MigrationContext,
  revision: RevisionTuple,
  directives: MigrationScript[],
) => void | Promise<void>;

/** A function, or an object with the method (a Rewriter). */
export type ProcessRevisionDirectives = ProcessRevisionDirectivesFn | { processRevisionDirectives: ProcessRevisionDirectivesFn };

export async function runProcessRevisionDirectives(
  hook: ProcessRevisionDirectives,
  context: MigrationContext,
  revision: RevisionTuple,
  directives: MigrationScript[],
): Promise<void> {
  if (typeof hook === "function") await hook(context, revision, directives);
  else await hook.processRevisionDirectives(context, revision, directives);
}
