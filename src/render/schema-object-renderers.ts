import type { Sequence, View } from "../model/index.js";
import {
  AddEnumValueOp,
  AlterSequenceOp,
  AlterTableOptionsOp,
  BulkInsertOp,
  CreateEnumOp,
  CreateSchemaCommentOp,
  CreateSchemaOp,
  DropSchemaCommentOp,
  CreateSequenceOp,
  CreateTableCommentOp,
  CreateViewOp,
  DropEnumOp,
  DropEnumValueOp,
  DropSchemaOp,
  DropSequenceOp,
  DropTableCommentOp,
  DropViewOp,
  ExecuteSQLOp,
  ReorderEnumValuesOp,
  ReplaceViewOp,
} from "../ops/index.js";
import { call, Code, optionsArg } from "./js-literal.js";
import type { RenderContext } from "./render-context.js";
import type { RendererRegistry } from "./renderers.js";
import { renderIndex, s } from "./render-values.js";

/** A sequence's options (everything but its name), as `op.createSequence` and `s.sequence` take them. */
function sequenceOptions(seq: Sequence): Record<string, unknown> {
  const { schema, start, increment, minValue, maxValue, cache, cycle, ownedBy } = seq;
  return { schema, start, increment, minValue, maxValue, cache, cycle, ownedBy };
}

/** The options of `to`, and `null` for each `from` has and `to` leaves to CREATE SEQUENCE (alterSequence resets those). */
function sequenceChanges(from: Sequence, to: Sequence): Record<string, unknown> {
  const options = sequenceOptions(to);
  const before = sequenceOptions(from);
  for (const key of Object.keys(options)) if (options[key] === undefined && before[key] !== undefined) options[key] = null;
  return options;
}

/** A view's options as `op.createView` and `s.view` take them; a materialized view's indexes as `s.index(...)` values. */
function viewOptions(ctx: RenderContext, view: View): Record<string, unknown> {
  return {
    schema: view.schema,
    materialized: view.materialized || undefined,
    comment: view.comment,
    indexes: view.indexes.length ? view.indexes.map((i) => renderIndex(i, ctx)) : undefined,
    withNoData: view.withNoData,
  };
}

function sequenceValue(ctx: RenderContext, seq: Sequence): Code {
  return new Code(call(s(ctx, "sequence"), seq.name, optionsArg(sequenceOptions(seq))));
}

function viewValue(ctx: RenderContext, view: View): Code {
  return new Code(call(s(ctx, "view"), view.name, view.definition, optionsArg(viewOptions(ctx, view))));
}

/** Registers the renderers of schemas, enums, sequences, views, table comments and options, and raw SQL. */
export function setupSchemaObjectRenderers(registry: RendererRegistry): void {
  registry.dispatchFor(CreateSchemaOp)((ctx, op) => call(`${ctx.opPrefix}createSchema`, op.schemaName));
  registry.dispatchFor(CreateSchemaCommentOp)((ctx, op) =>
    call(`${ctx.opPrefix}createSchemaComment`, op.schemaName, op.comment, optionsArg({ existingComment: op.existingComment })),
  );
  registry.dispatchFor(DropSchemaCommentOp)((ctx, op) => call(`${ctx.opPrefix}dropSchemaComment`, op.schemaName, optionsArg({ existingComment: op.existingComment })));
  registry.dispatchFor(DropSchemaOp)((ctx, op) => call(`${ctx.opPrefix}dropSchema`, op.schemaName));

  registry.dispatchFor(CreateEnumOp)((ctx, op) => call(`${ctx.opPrefix}createEnum`, op.enum.name, op.enum.values, optionsArg({ schema: op.enum.schema })));

  registry.dispatchFor(DropEnumOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropEnum`, op.enumName, optionsArg({ schema: op.schema, values: op.enum?.values })),
  );

  const enumValue = (ctx: RenderContext, method: string, op: AddEnumValueOp | DropEnumValueOp) =>
    call(`${ctx.opPrefix}${method}`, op.enumName, op.value, optionsArg({ schema: op.schema, before: op.before, after: op.after }));
  registry.dispatchFor(AddEnumValueOp)((ctx, op) => enumValue(ctx, "addEnumValue", op));
  registry.dispatchFor(AddEnumValueOp, { qualifier: "postgresql" })((ctx, op) => [
    "// PostgreSQL cannot use an enum value in the transaction that adds it: this commits on its own, before the rest",
    enumValue(ctx, "addEnumValue", op),
  ]);
  registry.dispatchFor(DropEnumValueOp)((ctx, op) => enumValue(ctx, "dropEnumValue", op));
  registry.dispatchFor(ReorderEnumValuesOp)((ctx, op) =>
    call(`${ctx.opPrefix}reorderEnumValues`, op.enumName, op.values, { schema: op.schema, existing: op.existing }),
  );

  registry.dispatchFor(CreateSequenceOp)((ctx, op) =>
    call(`${ctx.opPrefix}createSequence`, op.sequence.name, optionsArg(sequenceOptions(op.sequence))),
  );

  registry.dispatchFor(DropSequenceOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropSequence`, op.sequenceName, optionsArg({ schema: op.schema, sequence: op.sequence && sequenceValue(ctx, op.sequence) })),
  );

  registry.dispatchFor(AlterSequenceOp)((ctx, op) =>
    call(`${ctx.opPrefix}alterSequence`, op.to.name, { ...sequenceChanges(op.from, op.to), existing: sequenceValue(ctx, op.from) }),
  );

  registry.dispatchFor(CreateViewOp)((ctx, op) =>
    call(`${ctx.opPrefix}createView`, op.view.name, op.view.definition, optionsArg(viewOptions(ctx, op.view))),
  );

  registry.dispatchFor(DropViewOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropView`, op.viewName, optionsArg({ schema: op.schema, view: op.view && viewValue(ctx, op.view) })),
  );

  registry.dispatchFor(ReplaceViewOp)((ctx, op) =>
    call(
      `${ctx.opPrefix}replaceView`,
      op.view.name,
      op.view.definition,
      optionsArg({ ...viewOptions(ctx, op.view), existing: op.existing && viewValue(ctx, op.existing) }),
    ),
  );

  registry.dispatchFor(CreateTableCommentOp)((ctx, op) =>
    call(`${ctx.opPrefix}createTableComment`, op.tableName, op.comment, optionsArg({ schema: op.schema, existingComment: op.existingComment })),
  );

  registry.dispatchFor(DropTableCommentOp)((ctx, op) =>
    call(`${ctx.opPrefix}dropTableComment`, op.tableName, optionsArg({ schema: op.schema, existingComment: op.existingComment })),
  );

  registry.dispatchFor(AlterTableOptionsOp)((ctx, op) =>
    call(`${ctx.opPrefix}alterTableOptions`, op.tableName, op.options, optionsArg({ schema: op.schema, existing: op.existing })),
  );

  registry.dispatchFor(ExecuteSQLOp)((ctx, op) => call(`${ctx.opPrefix}execute`, op.sql, optionsArg({ reverseSql: op.reverseSql })));

  registry.dispatchFor(BulkInsertOp)((ctx, op) => call(`${ctx.opPrefix}bulkInsert`, op.tableName, op.rows, optionsArg({ schema: op.schema })));
}
