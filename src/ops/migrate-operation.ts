import type { DiffTuple, DiffEntry } from "./diff-tuple.js";

/**
 * The base of every migration directive. Leaf ops are frozen values: change
 * one with `with(changes)`, which copies it (the containers — MigrationScript,
 * UpgradeOps, DowngradeOps, ModifyTableOps — are mutable on purpose, because
 * processRevisionDirectives edits them in place).
 */
export abstract class MigrateOperation {
  /** The op that undoes this one; throws IrreversibleOperationError when the op lacks the "before" state. */
  abstract reverse(): MigrateOperation;
  /** The reference's diff tuple(s) for this op (an AlterColumnOp gives a nested list). */
  abstract toDiffTuple(): DiffTuple | readonly DiffEntry[];
  /** A human sentence when running this op can lose data, else undefined. */
  dataLoss(): string | undefined {
    return undefined;
  }

  /**
   * A copy with some fields replaced (`undefined` removes an optional one).
   * It copies own fields onto the same prototype, so plugin subclasses keep
   * their extra fields without re-implementing it.
   */
  with(changes: Partial<Omit<this, keyof MigrateOperation>>): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    for (const [key, value] of Object.entries({ ...this, ...changes })) {
      if (value !== undefined) (copy as Record<string, unknown>)[key] = value;
    }
    return Object.isFrozen(this) ? Object.freeze(copy) : copy;
  }
}

/** Thrown by `reverse()` when an op does not carry what its inverse needs (a drop without the dropped object). */
export class IrreversibleOperationError extends Error {
  override readonly name = "IrreversibleOperationError";
  constructor(
    readonly op: MigrateOperation,
    reason: string,
  ) {
    super(`${op.constructor.name} cannot be reversed: ${reason}`);
  }
}

/**
 * Assigns the defined fields of `props` to a freshly constructed op and
 * freezes it when `self` is exactly `cls` (a subclass freezes itself at the
 * end of its own constructor, after adding its fields).
 */
export function initOp<T extends MigrateOperation>(self: T, cls: abstract new (...args: never[]) => T, newTarget: unknown, props: object): void {
  for (const [key, value] of Object.entries(props)) {
    if (value !== undefined) (self as Record<string, unknown>)[key] = value;
  }
  if (newTarget === cls) Object.freeze(self);
}

export type { DiffTuple };
