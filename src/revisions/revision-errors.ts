/**
 * Broken invariants of the revision graph, one class per kind so callers
 * (the CLI, the runtime) can tell them apart with `instanceof`. The CLI turns
 * them into messages; nothing here knows about files or flags.
 */
export class RevisionError extends Error {
  override name = "RevisionError";
}

/** Two migrations declare the same `revision`. */
export class DuplicateRevision extends RevisionError {
  override name = "DuplicateRevision";
  constructor(readonly revision: string) {
    super(`revision ${revision} is declared more than once`);
  }
}

/** A `downRevision` or `dependsOn` names a revision that does not exist. */
export class MissingParent extends RevisionError {
  override name = "MissingParent";
  constructor(
    readonly revision: string,
    readonly parent: string,
    readonly via: "downRevision" | "dependsOn",
  ) {
    super(`revision ${revision} names ${parent} in ${via}, but no migration has that revision`);
  }
}

/** Following `downRevision`/`dependsOn` comes back to where it started. */
export class CycleDetected extends RevisionError {
  override name = "CycleDetected";
  constructor(readonly revisions: readonly string[]) {
    super(`the revisions form a cycle: ${revisions.join(" -> ")}`);
  }
}

/** A single revision was asked for ("head", "branch@head", "-1") but several qualify. */
export class MultipleHeads extends RevisionError {
  override name = "MultipleHeads";
  constructor(
    readonly heads: readonly string[],
    readonly target: string,
  ) {
    super(
      `"${target}" is ambiguous: there are several heads (${heads.join(", ")}); ` +
        `name one (a revision id or branch@head), use "heads", or merge them with \`strata merge heads\``,
    );
  }
}

/** A target that names nothing: an unknown id, prefix or branch label. */
export class UnknownRevision extends RevisionError {
  override name = "UnknownRevision";
  constructor(readonly target: string) {
    super(`no revision matches "${target}"`);
  }
}

/** A prefix that matches several revisions. */
export class AmbiguousRevision extends RevisionError {
  override name = "AmbiguousRevision";
  constructor(
    readonly target: string,
    readonly matches: readonly string[],
  ) {
    super(`"${target}" matches several revisions: ${matches.join(", ")}`);
  }
}

/** Two revisions declare the same branch label. */
export class DuplicateBranchLabel extends RevisionError {
  override name = "DuplicateBranchLabel";
  constructor(
    readonly label: string,
    readonly revisions: readonly string[],
  ) {
    super(`branch label "${label}" is declared by several revisions: ${revisions.join(", ")}`);
  }
}

/** `+N`/`-N` walks past a head or below base, or cannot choose between branches. */
export class RelativeOutOfRange extends RevisionError {
  override name = "RelativeOutOfRange";
  constructor(
    readonly target: string,
    reason: string,
  ) {
    super(`cannot resolve "${target}": ${reason}`);
  }
}

/** A new revision asked to attach below a head without `--splice`. */
export class NotAHead extends RevisionError {
  override name = "NotAHead";
  constructor(readonly revision: string) {
    super(`revision ${revision} is not a head; a new revision on it starts a branch: pass --splice to do that on purpose`);
  }
}

/** A downgrade along a branch (`feat@-1`, `feat@base`) when none of the branch is applied. */
export class BranchNotApplied extends RevisionError {
  override name = "BranchNotApplied";
  constructor(
    readonly target: string,
    readonly branch: string,
    readonly heads: readonly string[],
  ) {
    super(
      `cannot resolve "${target}": no revision of ${branch} is applied (the database is at ${heads.length ? heads.join(", ") : "base"}); ` +
        "nothing was changed",
    );
  }
}

/** A downgrade to a revision the database has not applied: that is the other verb. */
export class TargetNotApplied extends RevisionError {
  override name = "TargetNotApplied";
  constructor(
    readonly target: string,
    readonly revisions: readonly string[],
    readonly heads: readonly string[],
  ) {
    super(
      `${target} (${revisions.join(", ")}) is not applied (the database is at ${heads.length ? heads.join(", ") : "base"}); ` +
        `use \`strata upgrade ${target}\``,
    );
  }
}
