import { Rewriter, type RewriteFn } from "../compare/rewriter.js";
import { mysqlAlgorithm } from "../dialects/mysql/mysql-hazards.js";
import {
  AddColumnOp,
  AlgorithmOp,
  AlterColumnOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  type AlgorithmClause,
  type MigrateOperation,
  type OpClass,
} from "../ops/index.js";

/**
 * MySQL/MariaDB: each ALTER the server can run without blocking writes says
 * so, `ALGORITHM=INSTANT`, or `ALGORITHM=INPLACE, LOCK=NONE`. Should the
 * server not manage it (an older version, a table that needs a rebuild) it
 * refuses at once instead of quietly copying the table or blocking writes.
 * A change that needs the COPY algorithm is left as it is: `strata lint`
 * reports it (copy-algorithm) for a reviewer to split or schedule.
 *
 *   processRevisionDirectives: mysqlOnlineDdl()
 */
export function mysqlOnlineDdl(): Rewriter {
  const rewriter = new Rewriter();
  const online: RewriteFn = (context, _revision, op) => {
    if (!context.dialect.capabilities.algorithmClauses) return op;
    const clause = clauseFor(op);
    return clause ? new AlgorithmOp(clause, [op]) : op;
  };
  const classes: OpClass[] = [AddColumnOp, DropColumnOp, AlterColumnOp, CreateIndexOp, DropIndexOp, CreateUniqueConstraintOp, CreatePrimaryKeyOp, DropConstraintOp];
  for (const cls of classes) rewriter.rewrites(cls, online);
  return rewriter;
}

function clauseFor(op: MigrateOperation): AlgorithmClause | undefined {
  // Without a server to ask, the newest server's abilities are assumed: an older one refuses the clause, safely.
  const algorithm = mysqlAlgorithm(op, {});
  if (!algorithm || !algorithm.concurrentWrites || algorithm.algorithm === "COPY") return undefined;
  return algorithm.algorithm === "INSTANT" ? { algorithm: "INSTANT" } : { algorithm: "INPLACE", lock: "NONE" };
}
