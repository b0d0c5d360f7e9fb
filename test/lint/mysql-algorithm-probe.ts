/**
 * The MySQL/MariaDB counterpart of the PostgreSQL lock observer: runs each
 * op's statements asking for the cheapest algorithm first (INSTANT, then
 * in place without a rebuild, then in place with writes going on, then any
 * in place, then COPY). The server refuses what it cannot do, so the first
 * clause it takes says how it really runs the change.
 */
import type { DatabaseConnection } from "../../src/dialects/dialect.js";
import { withAlgorithm } from "../../src/dialects/mysql/mysql-algorithm-clause.js";
import type { AlgorithmClause } from "../../src/ops/index.js";
import type { MigrateOperation } from "../../src/ops/index.js";
import { executeStatement } from "../../src/runtime/execute-statement.js";
import { liveDdlContext } from "../../src/runtime/live-ddl-context.js";
import { executingOperations } from "../../src/runtime/op-executor.js";

/** What our model calls it: INSTANT, INPLACE (no rebuild), INPLACE+rebuild (writes go on), INPLACE+blocking, COPY. */
export type ObservedAlgorithm = "INSTANT" | "INPLACE" | "INPLACE+rebuild" | "INPLACE+blocking" | "COPY";

const LADDER: ReadonlyArray<[AlgorithmClause["algorithm"], AlgorithmClause["lock"], ObservedAlgorithm]> = [
  ["INSTANT", undefined, "INSTANT"],
  ["NOCOPY", "NONE", "INPLACE"],
  ["INPLACE", "NONE", "INPLACE+rebuild"],
  ["INPLACE", undefined, "INPLACE+blocking"],
];

export async function probeAlgorithms(connection: DatabaseConnection, ops: readonly MigrateOperation[]): Promise<ObservedAlgorithm[]> {
  const seen: ObservedAlgorithm[] = [];
  let worst: ObservedAlgorithm | undefined;
  const order: readonly ObservedAlgorithm[] = ["INSTANT", "INPLACE", "INPLACE+rebuild", "INPLACE+blocking", "COPY"];
  const operations = executingOperations(connection.dialect, liveDdlContext(connection), async (statement) => {
    if (statement.expectNoRows !== undefined || withAlgorithm(statement.sql, { algorithm: "COPY" }) === statement.sql) return executeStatement(connection, statement);
    for (const [algorithm, lock, name] of LADDER) {
      try {
        await connection.execute(withAlgorithm(statement.sql, { algorithm, lock }));
        worst = worst === undefined || order.indexOf(name) > order.indexOf(worst) ? name : worst;
        return;
      } catch (error) {
        if (!/ALGORITHM|LOCK/i.test((error as Error).message)) throw error;
      }
    }
    await connection.execute(statement.sql);
    worst = "COPY";
  });
  for (const op of ops) {
    worst = undefined;
    await operations.invoke(op);
    seen.push(worst ?? "INSTANT");
  }
  return seen;
}
