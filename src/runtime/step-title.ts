import type { MigrationStep } from "./migration-plan.js";

/** `Running upgrade a1, b2 -> c3: merge heads`, the line printed as a migration starts. */
export function stepTitle(step: MigrationStep): string {
  const { revision, downRevisions, message } = step.migration;
  const below = downRevisions.length ? downRevisions.join(", ") : "base";
  const [from, to] = step.direction === "upgrade" ? [below, revision] : [revision, below];
  return `Running ${step.direction} ${from} -> ${to}${message ? `: ${message}` : ""}`;
}
