import { tableKey, type MetaData } from "../model/index.js";
import { CreateSchemaCommentOp, CreateSchemaOp, DropCompositeTypeOp, DropSchemaCommentOp, DropDomainOp, DropEnumOp, DropSchemaOp, DropSequenceOp, DropTableOp, DropViewOp, type MigrateOperation, type UpgradeOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import { Priority, type Comparators } from "./comparators.js";

/**
 * Namespaces, where the dialect has them: a schema the target names and the
 * database lacks is created; one the target no longer names is dropped only
 * when this migration drops every object the database has in it (never an
 * already-empty one, never one holding anything left standing). It runs
 * last, so the drops of the other comparators are there to be counted.
 * A schema's comment is set, changed or removed as the target says; a
 * dropped schema's comment is removed first, so the downgrade restores it.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("schema", { name: "schemas", priority: Priority.LAST })(compareSchemas);
}

function compareSchemas(ctx: AutogenContext, upgradeOps: UpgradeOps, schemas: ReadonlyArray<string | undefined>): void {
  if (!ctx.dialect.capabilities.schemas) return;
  const existing = schemaNames(ctx.databaseMetadata);
  const wanted = schemaNames(ctx.targetMetadata);
  const dropped = new Set(upgradeOps.ops.flatMap(droppedKey));
  for (const schema of schemas) {
    if (schema === undefined || schema === ctx.dialect.defaultSchema) continue;
    const existingComment = existing.has(schema) ? ctx.databaseMetadata.schemaComments.get(schema) : undefined;
    if (wanted.has(schema)) {
      if (!existing.has(schema)) upgradeOps.ops.push(new CreateSchemaOp(schema));
      const comment = ctx.targetMetadata.schemaComments.get(schema);
      if (comment !== undefined && comment !== existingComment) upgradeOps.ops.push(new CreateSchemaCommentOp(schema, comment, { existingComment }));
      else if (comment === undefined && existingComment !== undefined) upgradeOps.ops.push(new DropSchemaCommentOp(schema, { existingComment }));
    }
    if (!wanted.has(schema) && existing.has(schema)) {
      const inside = objectKeys(ctx.databaseMetadata, schema);
      if (inside.length > 0 && inside.every((key) => dropped.has(key))) {
        if (existingComment !== undefined) upgradeOps.ops.push(new DropSchemaCommentOp(schema, { existingComment }));
        upgradeOps.ops.push(new DropSchemaOp(schema));
      }
    }
  }
}

/**
 * The schemas a model names: those of its objects, plus `info.schemaNames`
 * where reflection listed the schemas that exist (an empty one has no object
 * to name it).
 */
function schemaNames(model: MetaData): Set<string> {
  const names = new Set<string>();
  for (const schema of model.schemas) if (schema !== undefined) names.add(schema);
  const listed = model.info.schemaNames;
  if (Array.isArray(listed)) for (const schema of listed) if (typeof schema === "string") names.add(schema);
  return names;
}

/** Every object of `schema` in the model, keyed by kind. */
function objectKeys(model: MetaData, schema: string): string[] {
  const keys: string[] = [];
  const collections = { table: model.tables, view: model.views, enum: model.enums, sequence: model.sequences, domain: model.domains, type: model.compositeTypes };
  for (const [kind, collection] of Object.entries(collections)) {
    for (const object of collection.values()) if (object.schema === schema) keys.push(`${kind} ${object.key}`);
  }
  return keys;
}

/** The object a top-level drop op removes, keyed as objectKeys keys it. */
function droppedKey(op: MigrateOperation): string[] {
  if (op instanceof DropTableOp) return [`table ${tableKey({ schema: op.schema, name: op.tableName })}`];
  if (op instanceof DropViewOp) return [`view ${tableKey({ schema: op.schema, name: op.viewName })}`];
  if (op instanceof DropEnumOp) return [`enum ${tableKey({ schema: op.schema, name: op.enumName })}`];
  if (op instanceof DropSequenceOp) return [`sequence ${tableKey({ schema: op.schema, name: op.sequenceName })}`];
  if (op instanceof DropDomainOp) return [`domain ${tableKey({ schema: op.schema, name: op.domainName })}`];
  if (op instanceof DropCompositeTypeOp) return [`type ${tableKey({ schema: op.schema, name: op.typeName })}`];
  return [];
}
