import type { DiffEntry } from "./diff-tuple.js";
import { MigrateOperation } from "./migrate-operation.js";

/**
 * A mutable list of ops: UpgradeOps, DowngradeOps and ModifyTableOps.
 * processRevisionDirectives and comparators edit `ops` in place, as in the
 * reference (`script.downgradeOps.ops.length = 0`).
 */
export abstract class OpContainer extends MigrateOperation {
  ops: MigrateOperation[];
  constructor(ops: Iterable<MigrateOperation> = []) {
    super();
    this.ops = [...ops];
  }
  isEmpty(): boolean {
    return this.ops.length === 0;
  }
  /** The ops' diff tuples, with nested groups (ModifyTableOps, batches) flattened; an AlterColumnOp stays a nested list. */
  asDiffs(): DiffEntry[] {
    return flattenDiffs(this.ops);
  }
  toDiffTuple(): DiffEntry[] {
    return this.asDiffs();
  }
  /** The ops that undo these ops: each op reversed, in reverse order. */
  protected reversedOps(): MigrateOperation[] {
    return this.ops.map((op) => op.reverse()).reverse();
  }
}

/** Ops that group others (containers, batches) spread their tuples into the parent's list. */
export function flattenDiffs(ops: readonly MigrateOperation[]): DiffEntry[] {
  const out: DiffEntry[] = [];
  for (const op of ops) {
    if (isGroup(op)) out.push(...flattenDiffs(op.ops));
    else out.push(op.toDiffTuple() as DiffEntry);
  }
  return out;
}

function isGroup(op: MigrateOperation): op is MigrateOperation & { ops: readonly MigrateOperation[] } {
  return Array.isArray((op as { ops?: unknown }).ops);
}

/** The ops that change one existing table. */
export class ModifyTableOps extends OpContainer {
  tableName: string;
  schema?: string;
  constructor(tableName: string, ops: Iterable<MigrateOperation> = [], options: { schema?: string } = {}) {
    super(ops);
    this.tableName = tableName;
    if (options.schema !== undefined) this.schema = options.schema;
  }
  reverse(): ModifyTableOps {
    return new ModifyTableOps(this.tableName, this.reversedOps(), { schema: this.schema });
  }
}

export class UpgradeOps extends OpContainer {
  /** The template slot this list renders into; several databases each have their own (`engine1_upgrades`). */
  upgradeToken: string;
  constructor(ops: Iterable<MigrateOperation> = [], options: { upgradeToken?: string } = {}) {
    super(ops);
    this.upgradeToken = options.upgradeToken ?? "upgrades";
  }
  /** Fills `downgradeOps` with the reverse of these ops (replacing what it held) and returns it. */
  reverseInto(downgradeOps: DowngradeOps): DowngradeOps {
    downgradeOps.ops = this.reversedOps();
    return downgradeOps;
  }
  reverse(): DowngradeOps {
    return this.reverseInto(new DowngradeOps([], { downgradeToken: swapToken(this.upgradeToken, "upgrades", "downgrades") }));
  }
}

export class DowngradeOps extends OpContainer {
  downgradeToken: string;
  constructor(ops: Iterable<MigrateOperation> = [], options: { downgradeToken?: string } = {}) {
    super(ops);
    this.downgradeToken = options.downgradeToken ?? "downgrades";
  }
  reverse(): UpgradeOps {
    return new UpgradeOps(this.reversedOps(), { upgradeToken: swapToken(this.downgradeToken, "downgrades", "upgrades") });
  }
}

/** `engine1_upgrades` ↔ `engine1_downgrades`; other tokens are kept as they are. */
export function swapToken(token: string, suffix: string, replacement: string): string {
  return token.endsWith(suffix) ? token.slice(0, -suffix.length) + replacement : token;
}
