import type { RevisionGraph } from "../revisions/index.js";
import { PlanError } from "./migration-plan-error.js";
import type { VersionState } from "./version-state.js";

/** The version table contradicts the migrations (rows deleted or edited by hand): nothing can be planned from it. */
export class VersionTableError extends PlanError {
  override readonly name = "VersionTableError";
}

/**
 * Fails, naming every contradiction, unless the recorded state is one that
 * strata could have written: every revision known, every recorded revision's
 * parents and dependencies recorded too, and the head flags on exactly the
 * recorded revisions nothing recorded stands on. A table that fails this
 * cannot say which migrations ran, so no migration runs from it; `stamp`
 * rewrites it.
 */
export function checkVersionState(graph: RevisionGraph, state: VersionState, tableName: string): void {
  const unknown = [...state.keys()].filter((id) => !graph.has(id)).sort();
  if (unknown.length) {
    throw new VersionTableError(
      `the database records ${unknown.length > 1 ? "revisions" : "revision"} ${unknown.join(", ")} as applied, ` +
        "but no migration file declares it; restore the file, or record where the database really is with `strata stamp`",
    );
  }
  const problems: string[] = [];
  const recorded = graph.sort(state.keys());
  // Heads of what the rows imply (a missing row in the middle is reported once, as missing, not as a head).
  const likely = graph.headsOf(graph.ancestors(recorded));
  const heads = new Set(likely);
  for (const id of recorded) {
    const node = graph.get(id);
    const missing = [...node.downRevisions, ...node.dependsOn].filter((needed) => !state.has(needed));
    if (missing.length) {
      const what = missing.map((m) => `${node.dependsOn.includes(m) ? "its dependency" : "its parent"} ${m}`).join(" and ");
      problems.push(`${id} is recorded as applied, but ${what} ${missing.length > 1 ? "are" : "is"} not`);
    }
    const flagged = state.get(id)!.isHead;
    if (flagged && !heads.has(id)) problems.push(`${id} is marked as a head, but a revision recorded above it is applied too`);
    if (!flagged && heads.has(id)) problems.push(`${id} is not marked as a head, but no recorded revision stands on it`);
  }
  if (problems.length === 0) return;
  throw new VersionTableError(
    [
      `the version table ${tableName} is inconsistent (edited by hand?), so strata cannot tell which migrations have run; nothing was changed:`,
      ...problems.map((p) => `  - ${p}`),
      "Find out which revision the database's schema is really at (`strata check` with the schema of that revision tells),",
      `then record it with \`strata stamp REVISION\` (the highest revision recorded is ${likely.join(", ")}: \`strata stamp ${likely.join(" ")}\`).`,
    ].join("\n"),
  );
}
