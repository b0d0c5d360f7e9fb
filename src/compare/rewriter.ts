import { BatchAlterTableOp, Dispatcher, OpContainer, type MigrateOperation, type MigrationScript, type OpClass } from "../ops/index.js";
import type { MigrationContext } from "./migration-context.js";
import {
  runProcessRevisionDirectives,
  type ProcessRevisionDirectives,
  type ProcessRevisionDirectivesFn,
  type RevisionTuple,
} from "./process-revision-directives.js";

/** Returns the op itself, a replacement, or a list of zero or more ops. */
export type RewriteFn<T extends MigrateOperation = MigrateOperation> = (
  context: MigrationContext,
  revision: RevisionTuple,
  op: T,
) => MigrateOperation | readonly MigrateOperation[];

/**
 * The reference's Rewriter: handlers keyed by op class, applied to every op
 * of every script, walking MigrationScript → UpgradeOps/DowngradeOps →
 * ModifyTableOps (and batches). Pass it as `processRevisionDirectives`.
 *
 *   const writer = new Rewriter();
 *   writer.rewrites(AddColumnOp)((context, revision, op) => ...);   // or writer.rewrites(AddColumnOp, fn)
 */
export class Rewriter {
  readonly #handlers = new Dispatcher<OpClass, RewriteFn>("rewriter");
  readonly #next: ProcessRevisionDirectives | undefined;
  readonly #first: Rewriter | undefined;

  constructor(chain?: { first: Rewriter; next: ProcessRevisionDirectives }) {
    this.#first = chain?.first;
    this.#next = chain?.next;
  }

  rewrites<T extends MigrateOperation>(opClass: OpClass<T>): (fn: RewriteFn<T>) => RewriteFn<T>;
  rewrites<T extends MigrateOperation>(opClass: OpClass<T>, fn: RewriteFn<T>): RewriteFn<T>;
  rewrites<T extends MigrateOperation>(opClass: OpClass<T>, fn?: RewriteFn<T>): RewriteFn<T> | ((fn: RewriteFn<T>) => RewriteFn<T>) {
    const register = (f: RewriteFn<T>) => {
      this.#handlers.register(opClass, f as RewriteFn);
      return f;
    };
    return fn ? register(fn) : register;
  }

  /** A rewriter that runs this one, then `other` (a Rewriter or any processRevisionDirectives function). */
  chain(other: Rewriter | ProcessRevisionDirectivesFn): Rewriter {
    return new Rewriter({ first: this, next: other });
  }

  /** The processRevisionDirectives function (bound, so it can be passed on its own). */
  readonly processRevisionDirectives: ProcessRevisionDirectivesFn = async (context, revision, directives) => {
    if (this.#first) {
      await this.#first.processRevisionDirectives(context, revision, directives);
      await runProcessRevisionDirectives(this.#next!, context, revision, directives);
      return;
    }
    for (const script of directives) this.#traverseScript(context, revision, script);
  };

  #traverseScript(context: MigrationContext, revision: RevisionTuple, script: MigrationScript): void {
    for (const list of [...script.upgradeOpsList, ...script.downgradeOpsList]) this.#traverseContainer(context, revision, list);
  }

  #traverseContainer(context: MigrationContext, revision: RevisionTuple, container: OpContainer): void {
    container.ops = this.#rewriteAll(context, revision, container.ops);
  }

  #rewriteAll(context: MigrationContext, revision: RevisionTuple, ops: readonly MigrateOperation[]): MigrateOperation[] {
    return ops.flatMap((op) => {
      const handler = this.#handlers.find(op.constructor as OpClass);
      const result = handler ? handler(context, revision, op) : op;
      const list = Array.isArray(result) ? [...result] : [result as MigrateOperation];
      return list.map((r) => {
        if (r instanceof OpContainer) this.#traverseContainer(context, revision, r);
        if (r instanceof BatchAlterTableOp) return new BatchAlterTableOp(r.tableName, this.#rewriteAll(context, revision, r.ops), { schema: r.schema });
        return r;
      });
    });
  }
}
