import type { Column, DefaultValue, SqlType } from "../model/index.js";
import {
  AddColumnOp,
  AlterColumnOp,
  BatchAlterTableOp,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  DropTableOp,
  ModifyTableOps,
  RenameTableOp,
  type MigrateOperation,
} from "../ops/index.js";
import { call, Code, jsLiteral, optionsArg } from "./js-literal.js";
import { renderStatements } from "./render-statements.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import {
  foreignKeyOptions,
  indexOptions,
  renderColumn,
  renderConstraint,
  renderDefault,
  renderIndex,
  renderIndexElements,
  renderTable,
  renderTableItems,
  renderType,
} from "./render-values.js";

/** The variable the batch callback names its BatchOperations. */
const BATCH = "batch";

/**
 * A call on a table's method. Outside a batch: `op.method(...before, table,
 * ...after, { ...options, schema })`; inside one the table and schema are the
 * batch's: `batch.method(...before, ...after, options)`.
 */
function tableCall(
  ctx: RenderContext,
  method: string,
  table: { readonly tableName: string; readonly schema?: string },
  before: unknown[],
  after: unknown[],
  options: Record<string, unknown> = {},
  schemaKey = "schema",
): string {
  if (ctx.batch) return call(`${BATCH}.${method}`, ...before, ...after, optionsArg(options));
  return call(`${ctx.opPrefix}${method}`, ...before, table.tableName, ...after, optionsArg({ ...options, [schemaKey]: table.schema }));
}

function required(code: Code | undefined, what: string): Code {
  if (code === undefined) throw new TypeError(`renderItem left out ${what}, which the operation cannot do without`);
  return code;
}

function column(ctx: RenderContext, c: Column): Code {
  return required(renderColumn(c, ctx), `column "${c.name}"`);
}

/** The ops `BatchOperations` has a method for; the rest of a table's changes render outside the batch. */
const BATCHABLE: ReadonlyArray<abstract new (...args: never[]) => MigrateOperation> = [
  AddColumnOp,
  DropColumnOp,
  AlterColumnOp,
  CreateIndexOp,
  DropIndexOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  CreateForeignKeyOp,
  CreateCheckConstraintOp,
  DropConstraintOp,
];

function batchBlock(ctx: RenderContext, tableName: string, schema: string | undefined, ops: readonly MigrateOperation[]): string {
  const inner: RenderContext = { ...ctx, batch: { tableName, schema } };
  const body = ops.flatMap((op) => {
    if (!BATCHABLE.some((c) => op instanceof c)) {
      throw new TypeError(`${op.constructor.name} cannot be rendered inside op.batchAlterTable("${tableName}")`);
    }
    return renderStatements(inner, op);
  });
  // The flags live on the copy; hand them back to the caller's context.
  ctx.usesSchemaBuilders ||= inner.usesSchemaBuilders;
  return call(`${ctx.opPrefix}batchAlterTable`, tableName, new Code(`async (${BATCH}) => {\n${body.join("\n")}\n}`), optionsArg({ schema }));
}

/** A `{ from, to }` pair with both sides written, `undefined` included, so the op's reverse still sees a change. */
function change<T>(pair: { readonly from?: T; readonly to: T } | undefined, value: (v: T) => unknown): Code | undefined {
  if (!pair) return undefined;
  const side = (v: T | undefined) => (v === undefined ? "undefined" : jsLiteral(value(v)));
  return new Code(`{ from: ${side(pair.from)}, to: ${side(pair.to)} }`);
}

/**
 * An AlterColumnOp with `kw` changes (identity, generated expression,
 * collation) has no `op.alterColumn` spelling: the migration builds the op
 * itself and hands it to `op.invoke`, so nothing of it is lost.
 */
function alterColumnOpItself(ctx: RenderContext, op: AlterColumnOp): string {
  if (ctx.batch) {
    throw new TypeError(`AlterColumnOp on ${op.tableName}.${op.columnName} changes ${Object.keys(op.kw).join(", ")}, which a batch cannot express`);
  }
  ctx.imports.add(`import { AlterColumnOp } from ${JSON.stringify(ctx.strataModule)};`);
  const type = (t: SqlType): Code => renderType(t, ctx);
  const dflt = (d: DefaultValue | undefined) => (d === undefined ? undefined : renderDefault(d, ctx));
  const kw = Object.fromEntries(
    Object.entries(op.kw).map(([k, v]) => [k, isChangePair(v) ? change(v, (x) => x) : v]),
  );
  const options = {
    schema: op.schema,
    modifyName: change(op.modifyName, (x) => x),
    modifyType: change(op.modifyType, type),
    modifyNullable: change(op.modifyNullable, (x) => x),
    modifyServerDefault: change(op.modifyServerDefault, dflt),
    modifyComment: change(op.modifyComment, (x) => x),
    existingType: op.existingType && type(op.existingType),
    existingNullable: op.existingNullable,
    existingServerDefault: dflt(op.existingServerDefault),
    existingComment: op.existingComment,
    kw,
  };
  return call(`${ctx.opPrefix}invoke`, new Code(call("new AlterColumnOp", op.tableName, op.columnName, options)));
}

function isChangePair(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === "object" && value !== null && "from" in value && "to" in value;
}

/** Registers the renderers of tables, columns, constraints, indexes and their containers. */
export function setupTableRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(ModifyTableOps)((ctx, group) => {
    if (!ctx.renderAsBatch) return group.ops.flatMap((op) => renderStatements(ctx, op));
    // Consecutive batchable ops go into one batch; the others keep their place around it.
    const out: string[] = [];
    let run: MigrateOperation[] = [];
    const flush = () => {
      if (run.length) out.push(`await ${batchBlock(ctx, group.tableName, group.schema, run)};`);
      run = [];
    };
    for (const op of group.ops) {
      if (BATCHABLE.some((c) => op instanceof c)) run.push(op);
      else {
        flush();
        out.push(...renderStatements(ctx, op));
      }
    }
    flush();
    return out;
  });

  registry.dispatchFor(BatchAlterTableOp)((ctx, op) => batchBlock(ctx, op.tableName, op.schema, op.ops));

  registry.dispatchFor(CreateTableOp)((ctx, op) => call(`${ctx.opPrefix}createTable`, op.table.name, ...renderTableItems(op.table, ctx)));

  registry.dispatchFor(DropTableOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropTable`, op.tableName, optionsArg({ schema: op.schema, table: op.table && renderTable(op.table, ctx) })),
  );

  registry.dispatchFor(RenameTableOp)((ctx, op) =>
    call(`${ctx.opPrefix}renameTable`, op.oldTableName, op.newTableName, optionsArg({ schema: op.schema })),
  );

  registry.dispatchFor(AddColumnOp)((ctx, op) => tableCall(ctx, "addColumn", op, [], [column(ctx, op.column)]));

  registry.dispatchFor(DropColumnOp)((ctx, op) =>
    tableCall(ctx, "dropColumn", op, [], [op.columnName], { existing: op.column && column(ctx, op.column) }),
  );

  registry.dispatchFor(AlterColumnOp)((ctx, op) => {
    if (Object.keys(op.kw).length) return alterColumnOpItself(ctx, op);
    const serverDefault = op.modifyServerDefault && (op.modifyServerDefault.to === undefined ? null : renderDefault(op.modifyServerDefault.to, ctx));
    const args = {
      newName: op.modifyName?.to,
      type: op.modifyType && renderType(op.modifyType.to, ctx),
      nullable: op.modifyNullable?.to,
      serverDefault,
      comment: op.modifyComment && (op.modifyComment.to ?? null),
      existingType: op.existingType && renderType(op.existingType, ctx),
      existingNullable: op.existingNullable,
      existingServerDefault: op.existingServerDefault && renderDefault(op.existingServerDefault, ctx),
      existingComment: op.existingComment,
    };
    return tableCall(ctx, "alterColumn", op, [], [op.columnName], args);
  });

  registry.dispatchFor(CreateIndexOp)((ctx, op) =>
    tableCall(ctx, "createIndex", op, [op.index.name], [renderIndexElements(op.index.elements, ctx)], {
      ...indexOptions(op.index),
      concurrently: op.concurrently || undefined,
    }),
  );

  registry.dispatchFor(DropIndexOp)((ctx, op) => {
    if (ctx.batch) return call(`${BATCH}.dropIndex`, op.indexName);
    const index = op.index && renderIndex(op.index, ctx);
    return call(
      `${ctx.opPrefix}dropIndex`,
      op.indexName,
      optionsArg({ table: op.tableName, schema: op.schema, index, concurrently: op.concurrently || undefined }),
    );
  });

  registry.dispatchFor(CreatePrimaryKeyOp)((ctx, op) =>
    tableCall(ctx, "createPrimaryKey", op, [op.constraint.name], [op.constraint.columns], {
      deferrable: op.constraint.deferrable,
      initiallyDeferred: op.constraint.initiallyDeferred,
    }),
  );

  registry.dispatchFor(CreateUniqueConstraintOp)((ctx, op) =>
    tableCall(ctx, "createUniqueConstraint", op, [op.constraint.name], [op.constraint.columns], {
      nullsNotDistinct: op.constraint.nullsNotDistinct,
      deferrable: op.constraint.deferrable,
      initiallyDeferred: op.constraint.initiallyDeferred,
    }),
  );

  registry.dispatchFor(CreateCheckConstraintOp)((ctx, op) =>
    tableCall(ctx, "createCheckConstraint", op, [op.constraint.name], [op.constraint.expression], { notValid: op.constraint.notValid }),
  );

  registry.dispatchFor(CreateForeignKeyOp)((ctx, op) => {
    const fk = op.constraint;
    const { name: _name, ...options } = foreignKeyOptions(fk);
    return tableCall(
      ctx,
      "createForeignKey",
      op,
      [fk.name],
      [fk.target.name, fk.columns, fk.targetColumns],
      { ...options, referentSchema: fk.target.schema },
      "sourceSchema",
    );
  });

  registry.dispatchFor(DropConstraintOp)((ctx, op) =>
    tableCall(ctx, "dropConstraint", op, [op.constraintName], [], {
      type: op.type,
      constraint: op.constraint && renderConstraint(op.constraint, ctx),
    }),
  );
}
