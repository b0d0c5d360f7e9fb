import type { MigrateOperation } from "./migrate-operation.js";
import { OpContainer } from "./op-containers.js";

/**
 * What running `ops` can lose, one sentence per losing op, looking inside
 * containers (a table's ModifyTableOps). `diff`, `revision`, `upgrade` and
 * `--sql` all warn with these.
 */
export function dataLosses(ops: readonly MigrateOperation[]): string[] {
  return ops.flatMap((op) => {
    if (op instanceof OpContainer) return dataLosses(op.ops);
    const loss = op.dataLoss();
    return loss === undefined ? [] : [loss];
  });
}
