export { MigrateOperation, IrreversibleOperationError } from "./migrate-operation.js";
export { tableObjectRef, type DiffEntry, type DiffTuple, type TableObjectRef } from "./diff-tuple.js";
export { OpContainer, ModifyTableOps, UpgradeOps, DowngradeOps, flattenDiffs } from "./op-containers.js";
export { MigrationScript, MultipleOpsListsError, type MigrationScriptOptions } from "./migration-script.js";
export { CreateTableOp, DropTableOp, RenameTableOp } from "./table-ops.js";
export { AddColumnOp, DropColumnOp } from "./column-ops.js";
export { AlterColumnOp, type AlterColumnOptions, type Change, type TypeChange } from "./alter-column-op.js";
export { typeChangeLoss } from "./type-change.js";
export { dataLosses } from "./data-losses.js";
export { CreateIndexOp, DropIndexOp } from "./index-ops.js";
export {
  CreateConstraintOp,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
  ValidateConstraintOp,
  type ConstraintType,
} from "./constraint-ops.js";
export { AlgorithmOp, type AlgorithmClause } from "./algorithm-op.js";
export { CreateTableCommentOp, DropTableCommentOp } from "./table-comment-ops.js";
export { AlterTableOptionsOp, type TableOptionValues } from "./table-options-ops.js";
export { BulkInsertOp, ExecuteSQLOp } from "./execute-sql-op.js";
export {
  AddEnumValueOp,
  CreateEnumOp,
  DropEnumOp,
  DropEnumValueOp,
  ReorderEnumValuesOp,
  type EnumValuePosition,
} from "./enum-ops.js";
export { AlterSequenceOp, CreateSequenceOp, DropSequenceOp } from "./sequence-ops.js";
export { CreateViewOp, DropViewOp, ReplaceViewOp } from "./view-ops.js";
export { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp } from "./function-ops.js";
export { CreateTriggerOp, DropTriggerOp, ReplaceTriggerOp } from "./trigger-ops.js";
export { AlterPolicyOp, CreatePolicyOp, DropPolicyOp } from "./policy-ops.js";
export { CreateSchemaOp, DropSchemaOp } from "./schema-ops.js";
export { CreateSchemaCommentOp, DropSchemaCommentOp } from "./schema-comment-ops.js";
export { AlterExtensionOp, CreateExtensionOp, DropExtensionOp } from "./extension-ops.js";
export { AlterDomainOp, CreateDomainOp, DropDomainOp } from "./domain-ops.js";
export { AlterCompositeTypeOp, CreateCompositeTypeOp, DropCompositeTypeOp } from "./composite-type-ops.js";
export { BatchAlterTableOp } from "./batch-alter-table-op.js";
export { Dispatcher, DuplicateHandlerError, MissingHandlerError, type RegisterOptions } from "./dispatcher.js";
export {
  Operations,
  type AlterColumnArguments,
  type CreateIndexArguments,
  type ExtensionPlacement,
  type Implementation,
  type OpClass,
  type OpSink,
  type PolicyDefinition,
  type RoutineDefinition,
  type Schema,
  type TriggerDefinition,
} from "./operations.js";
export { BatchOperations } from "./batch-operations.js";
export {
  InvalidOperationArgumentError,
  buildTable,
  toDefaultValue,
  type CreateTableOptions,
  type DefaultArgument,
  type ForeignKeyOptions,
  type TableItem,
} from "./operation-arguments.js";
