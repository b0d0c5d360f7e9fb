import type { DdlContext, Statement } from "../ddl-compiler.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { BatchAlterTableOp } from "../../ops/batch-alter-table-op.js";
import { AddColumnOp, DropColumnOp } from "../../ops/column-ops.js";
import {
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
  ValidateConstraintOp,
} from "../../ops/constraint-ops.js";
import { AlgorithmOp } from "../../ops/algorithm-op.js";
import { AddEnumValueOp, CreateEnumOp, DropEnumOp, DropEnumValueOp, ReorderEnumValuesOp } from "../../ops/enum-ops.js";
import { BulkInsertOp, ExecuteSQLOp } from "../../ops/execute-sql-op.js";
import { CreateIndexOp, DropIndexOp } from "../../ops/index-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { ModifyTableOps } from "../../ops/op-containers.js";
import { CreateSchemaOp, DropSchemaOp } from "../../ops/schema-ops.js";
import { CreateSchemaCommentOp, DropSchemaCommentOp } from "../../ops/schema-comment-ops.js";
import { AlterSequenceOp, CreateSequenceOp, DropSequenceOp } from "../../ops/sequence-ops.js";
import { AlterExtensionOp, CreateExtensionOp, DropExtensionOp } from "../../ops/extension-ops.js";
import { AlterDomainOp, CreateDomainOp, DropDomainOp } from "../../ops/domain-ops.js";
import { AlterCompositeTypeOp, CreateCompositeTypeOp, DropCompositeTypeOp } from "../../ops/composite-type-ops.js";
import { CreateTableCommentOp, DropTableCommentOp } from "../../ops/table-comment-ops.js";
import { AlterTableOptionsOp } from "../../ops/table-options-ops.js";
import { CreateTableOp, DropTableOp, RenameTableOp } from "../../ops/table-ops.js";
import { CreateViewOp, DropViewOp, ReplaceViewOp } from "../../ops/view-ops.js";
import { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp } from "../../ops/function-ops.js";
import { CreateTriggerOp, DropTriggerOp, ReplaceTriggerOp } from "../../ops/trigger-ops.js";
import { AlterPolicyOp, CreatePolicyOp, DropPolicyOp } from "../../ops/policy-ops.js";
import { MissingDdlHandlerError } from "./ddl-errors.js";

/**
 * Every built-in op class that turns into DDL. A dialect's handler map must
 * name each of them (`DdlHandlers` below), so adding an op here without a
 * handler in every dialect fails to type-check.
 */
export const DDL_OPS = {
  CreateTableOp,
  DropTableOp,
  RenameTableOp,
  AddColumnOp,
  DropColumnOp,
  AlterColumnOp,
  CreateIndexOp,
  DropIndexOp,
  CreatePrimaryKeyOp,
  CreateForeignKeyOp,
  CreateUniqueConstraintOp,
  CreateCheckConstraintOp,
  DropConstraintOp,
  ValidateConstraintOp,
  AlgorithmOp,
  CreateTableCommentOp,
  DropTableCommentOp,
  AlterTableOptionsOp,
  ExecuteSQLOp,
  BulkInsertOp,
  BatchAlterTableOp,
  ModifyTableOps,
  CreateSchemaOp,
  CreateSchemaCommentOp,
  DropSchemaCommentOp,
  DropSchemaOp,
  CreateEnumOp,
  DropEnumOp,
  AddEnumValueOp,
  DropEnumValueOp,
  ReorderEnumValuesOp,
  CreateSequenceOp,
  DropSequenceOp,
  AlterSequenceOp,
  CreateExtensionOp,
  DropExtensionOp,
  AlterExtensionOp,
  CreateDomainOp,
  DropDomainOp,
  AlterDomainOp,
  CreateCompositeTypeOp,
  DropCompositeTypeOp,
  AlterCompositeTypeOp,
  CreateViewOp,
  DropViewOp,
  ReplaceViewOp,
  CreateFunctionOp,
  DropFunctionOp,
  ReplaceFunctionOp,
  CreateTriggerOp,
  DropTriggerOp,
  ReplaceTriggerOp,
  CreatePolicyOp,
  DropPolicyOp,
  AlterPolicyOp,
} as const;

type DdlOps = typeof DDL_OPS;

export type DdlHandler<Op> = (op: Op, context: DdlContext) => Statement[] | Promise<Statement[]>;

export type DdlHandlers = { readonly [K in keyof DdlOps]: DdlHandler<InstanceType<DdlOps[K]>> };

const NAME_OF_CLASS = new Map<unknown, keyof DdlOps>(
  Object.entries(DDL_OPS).map(([name, cls]) => [cls, name as keyof DdlOps]),
);

/**
 * Runs the handler of the op's class, or of its nearest built-in base class
 * (a plugin subclass of AddColumnOp compiles as an AddColumnOp).
 */
export async function dispatchDdl(
  dialect: string,
  handlers: DdlHandlers,
  op: MigrateOperation,
  context: DdlContext,
): Promise<Statement[]> {
  for (let cls: unknown = op.constructor; typeof cls === "function"; cls = Object.getPrototypeOf(cls)) {
    const name = NAME_OF_CLASS.get(cls);
    if (name !== undefined) return (handlers[name] as DdlHandler<MigrateOperation>)(op, context);
  }
  throw new MissingDdlHandlerError(
    `${dialect} has no DDL for ${op.constructor.name}; a plugin op needs its own implementation (Operations.implementationFor)`,
  );
}

/** Compiles a group of ops (ModifyTableOps) in order. */
export async function compileEach(
  compile: (op: MigrateOperation, context: DdlContext) => Promise<Statement[]>,
  ops: readonly MigrateOperation[],
  context: DdlContext,
): Promise<Statement[]> {
  const out: Statement[] = [];
  for (const op of ops) out.push(...(await compile(op, context)));
  return out;
}
