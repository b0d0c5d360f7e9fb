export { Column, COLUMN_STORAGES, type ColumnProps, type ColumnStorage, type IdentityKind, type IdentityOptions } from "./column.js";
export {
  CheckConstraint,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
  REFERENTIAL_ACTIONS,
  withUnspecifiedAction,
  tableKey,
  type Constraint,
  type ForeignKeyProps,
  type UniqueProps,
  type Deferral,
  deferMode,
  type ReferentialAction,
  type TableRef,
} from "./constraints.js";
export { defaults, defaultsEqual, formatDefault, type DefaultValue } from "./default-value.js";
export { canonicalNumber, fitsJsNumber, numberText } from "./exact-number.js";
export { Domain, domainTypeName, type DomainProps } from "./domain.js";
export { Extension } from "./extension.js";
export { Index, type IndexElement, type IndexProps } from "./index-definition.js";
export type { Info } from "./info.js";
export { MetaData, type DatabaseConfig, type MetaDataProps } from "./metadata.js";
export { CompositeType, type CompositeTypeProps } from "./composite-type.js";
export { Enum, Sequence, View, type SequenceProps, type ViewProps } from "./schema-objects.js";
export { sortTables } from "./sort-tables.js";
export { enumType, formatType, scalarType, typesEqual, type EnumTypeRef, type ScalarType, type SqlType, type TypeArg } from "./sql-type.js";
export { Table, type TableProps } from "./table.js";
export {
  NO_TABLE_OPTIONS,
  TABLE_OPTION_NAMES,
  tableOptionChanges,
  tableOptions,
  type TableOptionName,
  type TableOptions,
} from "./table-options.js";
export { PORTABLE_TYPES, type TypeSpec } from "./portable-types.js";
export {
  Routine,
  ROUTINE_FIELDS,
  routineIdentity,
  splitArguments,
  type DataAccess,
  type Parallel,
  type RoutineKind,
  type RoutineProps,
  type SqlSecurity,
  type Volatility,
} from "./routine.js";
export { Policy, POLICY_COMMANDS, POLICY_FIELDS, PUBLIC_ROLE, type PolicyCommand, type PolicyProps } from "./policy.js";
export { Trigger, TRIGGER_FIELDS, type TriggerEvent, type TriggerProps, type TriggerTiming } from "./trigger.js";
