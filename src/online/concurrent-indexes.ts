import { Rewriter } from "../compare/rewriter.js";
import { CreateIndexOp, type MigrateOperation } from "../ops/index.js";
import { addStepAfter, createdTables, extractOps, splittable, tableKey } from "./online-steps.js";

/**
 * PostgreSQL: every index built on a table that already exists is built
 * CONCURRENTLY (writes go on during the build), in a migration of its own
 * marked `transactional = false`, written right after the migration it
 * came from. Indexes on tables the migration creates stay where they are.
 *
 *   processRevisionDirectives: concurrentIndexes()
 */
export function concurrentIndexes(): Rewriter {
  const rewriter = new Rewriter();
  rewriter.rewrites(CreateIndexOp, (context, _revision, op) => (context.dialect.capabilities.concurrentIndexes ? op.with({ concurrently: true }) : op));
  return rewriter.chain((context, _revision, directives) => {
    const dialect = context.dialect;
    if (!dialect.capabilities.concurrentIndexes) return;
    for (const script of splittable(directives)) {
      const created = createdTables(script, dialect);
      const onNew = (op: MigrateOperation) => op instanceof CreateIndexOp && op.concurrently === true && created.has(tableKey(op, dialect));
      const moved = extractOps(
        script,
        (op) => op instanceof CreateIndexOp && op.concurrently === true && !onNew(op),
        (op) => [onNew(op) ? (op as CreateIndexOp).with({ concurrently: undefined }) : op],
      );
      if (moved.length === 0) continue;
      const downgrade = moved.map((op) => op.reverse()).reverse();
      addStepAfter(directives, script, moved, downgrade, { message: "indexes built concurrently", transactional: false });
    }
  });
}
