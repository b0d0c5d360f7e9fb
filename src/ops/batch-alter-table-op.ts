import { flattenDiffs } from "./op-containers.js";
import type { DiffEntry } from "./diff-tuple.js";
import { initOp, MigrateOperation } from "./migrate-operation.js";

/**
 * A group of changes to one table made together; SQLite, which lacks most of
 * ALTER TABLE, runs it as one table rebuild (create new, copy, drop, rename).
 */
export class BatchAlterTableOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly ops: readonly MigrateOperation[];
  declare readonly schema?: string;
  constructor(tableName: string, ops: readonly MigrateOperation[], options: { schema?: string } = {}) {
    super();
    initOp(this, BatchAlterTableOp, new.target, { tableName, ops: Object.freeze([...ops]), ...options });
  }
  reverse(): BatchAlterTableOp {
    return new BatchAlterTableOp(this.tableName, this.ops.map((op) => op.reverse()).reverse(), { schema: this.schema });
  }
  toDiffTuple(): DiffEntry[] {
    return flattenDiffs(this.ops);
  }
  override dataLoss(): string | undefined {
    const losses = this.ops.map((op) => op.dataLoss()).filter((l) => l !== undefined);
    return losses.length ? losses.join("; ") : undefined;
  }
}
