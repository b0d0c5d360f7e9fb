import { flattenDiffs } from "./op-containers.js";
import type { DiffEntry } from "./diff-tuple.js";
import { initOp, MigrateOperation } from "./migrate-operation.js";

/** What MySQL's `ALGORITHM=` and `LOCK=` clauses may ask for (MariaDB also knows NOCOPY). */
export interface AlgorithmClause {
  readonly algorithm: "INSTANT" | "NOCOPY" | "INPLACE" | "COPY";
  readonly lock?: "NONE" | "SHARED" | "EXCLUSIVE";
}

/**
 * MySQL/MariaDB: ops whose ALTER TABLE (or CREATE/DROP INDEX) statements
 * name the algorithm and lock the server must use, so that a change it
 * cannot make online fails at once instead of copying the table or blocking
 * writes. Written `await op.withAlgorithm({ algorithm: "INPLACE", lock: "NONE" }, async (op) => { ... })`.
 */
export class AlgorithmOp extends MigrateOperation {
  declare readonly clause: AlgorithmClause;
  declare readonly ops: readonly MigrateOperation[];
  constructor(clause: AlgorithmClause, ops: readonly MigrateOperation[]) {
    super();
    initOp(this, AlgorithmOp, new.target, { clause: Object.freeze({ ...clause }), ops: Object.freeze([...ops]) });
  }
  /** The inner ops undone, under the same clause (an instant ADD COLUMN's inverse, DROP COLUMN, is instant too). */
  reverse(): AlgorithmOp {
    return new AlgorithmOp(this.clause, this.ops.map((op) => op.reverse()).reverse());
  }
  toDiffTuple(): DiffEntry[] {
    return flattenDiffs(this.ops);
  }
  override dataLoss(): string | undefined {
    const losses = this.ops.map((op) => op.dataLoss()).filter((l) => l !== undefined);
    return losses.length ? losses.join("; ") : undefined;
  }
}
