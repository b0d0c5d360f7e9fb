import {
  CheckConstraint,
  Enum,
  Extension,
  Index,
  Policy,
  PrimaryKeyConstraint,
  Routine,
  Sequence,
  Trigger,
  UniqueConstraint,
  View,
  type ViewProps,
  type PolicyProps,
  type RoutineKind,
  type RoutineProps,
  type TriggerProps,
  type Column,
  type Constraint,
  type CompositeType,
  type Domain,
  type IndexElement,
  type SequenceProps,
  type SqlType,
  type Table,
  type Deferral,
} from "../model/index.js";
import { AlterColumnOp } from "./alter-column-op.js";
import { BatchAlterTableOp } from "./batch-alter-table-op.js";
import { BatchOperations } from "./batch-operations.js";
import { AddColumnOp, DropColumnOp } from "./column-ops.js";
import {
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreatePrimaryKeyOp,
  CreateUniqueConstraintOp,
  DropConstraintOp,
  ValidateConstraintOp,
  type ConstraintType,
} from "./constraint-ops.js";
import { AlgorithmOp, type AlgorithmClause } from "./algorithm-op.js";
import { Dispatcher, DuplicateHandlerError } from "./dispatcher.js";
import { AddEnumValueOp, CreateEnumOp, DropEnumOp, DropEnumValueOp, ReorderEnumValuesOp, type EnumValuePosition } from "./enum-ops.js";
import { BulkInsertOp, ExecuteSQLOp } from "./execute-sql-op.js";
import { CreateIndexOp, DropIndexOp } from "./index-ops.js";
import { MigrateOperation } from "./migrate-operation.js";
import {
  buildForeignKey,
  buildTable,
  indexElements,
  toDefaultValue,
  type CreateTableOptions,
  type DefaultArgument,
  type ForeignKeyOptions,
  type TableItem,
} from "./operation-arguments.js";
import { AlterPolicyOp, CreatePolicyOp, DropPolicyOp } from "./policy-ops.js";
import { CreateSchemaOp, DropSchemaOp } from "./schema-ops.js";
import { CreateSchemaCommentOp, DropSchemaCommentOp } from "./schema-comment-ops.js";
import { AlterSequenceOp, CreateSequenceOp, DropSequenceOp } from "./sequence-ops.js";
import { AlterExtensionOp, CreateExtensionOp, DropExtensionOp } from "./extension-ops.js";
import { AlterCompositeTypeOp, CreateCompositeTypeOp, DropCompositeTypeOp } from "./composite-type-ops.js";
import { AlterDomainOp, CreateDomainOp, DropDomainOp } from "./domain-ops.js";
import { CreateFunctionOp, DropFunctionOp, ReplaceFunctionOp } from "./function-ops.js";
import { CreateTriggerOp, DropTriggerOp, ReplaceTriggerOp } from "./trigger-ops.js";
import { CreateTableCommentOp, DropTableCommentOp } from "./table-comment-ops.js";
import { AlterTableOptionsOp, type TableOptionValues } from "./table-options-ops.js";
import { CreateTableOp, DropTableOp, RenameTableOp } from "./table-ops.js";
import { CreateViewOp, DropViewOp, ReplaceViewOp } from "./view-ops.js";

export type OpClass<T extends MigrateOperation = MigrateOperation> = abstract new (...args: never[]) => T;
/** Runs one op against a database: registered per op class (and optionally per dialect) with `implementationFor`. */
export type Implementation<T extends MigrateOperation = MigrateOperation> = (operations: Operations, op: T) => void | Promise<void>;
export type OpSink = (op: MigrateOperation) => Promise<void>;

export interface Schema {
  readonly schema?: string;
}

export interface AlterColumnArguments extends Schema {
  readonly type?: SqlType;
  readonly nullable?: boolean;
  /** A plain string, number or boolean is a literal; `null` removes the default (a literal NULL is `defaults.literal(null)`). */
  readonly serverDefault?: DefaultArgument | null;
  /** `null` removes the comment. */
  readonly comment?: string | null;
  readonly newName?: string;
  readonly existingType?: SqlType;
  readonly existingNullable?: boolean;
  readonly existingServerDefault?: DefaultArgument;
  readonly existingComment?: string;
}

/** Where an extension's objects live and which version it is; unset is the server's default. */
export interface ExtensionPlacement {
  readonly schema?: string;
  readonly version?: string;
}
/** A routine as createFunction takes it: everything but its name. */
export type RoutineDefinition = Omit<RoutineProps, "name" | "info">;
/** A trigger as createTrigger takes it: everything but its name and table. */
export type TriggerDefinition = Omit<TriggerProps, "name" | "table" | "info">;
/** A policy as createPolicy takes it: everything but its name and table. */
export type PolicyDefinition = Omit<PolicyProps, "name" | "table" | "info">;

/** A sequence's options as alterSequence takes them: `null` resets one. */
export type SequenceChanges = { readonly [K in keyof Omit<SequenceProps, "name" | "info">]?: SequenceProps[K] | null };

export interface CreateIndexArguments extends Schema {
  readonly unique?: boolean;
  readonly where?: string;
  readonly using?: string;
  readonly include?: readonly string[];
  readonly storage?: string;
  readonly nullsNotDistinct?: boolean;
  /** PostgreSQL: build without locking writes; the migration must `export const transactional = false`. */
  readonly concurrently?: boolean;
}

/**
 * What a migration calls: `await op.createTable(...)`. Each method builds an
 * op from author-friendly arguments and hands it to the injected sink (the
 * runtime executes it; `--sql` prints it). Plugins add methods with
 * `registerOperation` and say how to run their ops with `implementationFor`.
 */
export class Operations {
  /** Execution handlers by op class (walking the class chain) and dialect. */
  static readonly implementations = new Dispatcher<OpClass, Implementation>("implementation");

  readonly #sink: OpSink;
  /** The dialect the ops run on, for `implementationFor` lookups. */
  readonly dialect: string;

  constructor(sink: OpSink, options: { dialect?: string } = {}) {
    this.#sink = sink;
    this.dialect = options.dialect ?? "default";
  }

  /** Hands an op to the sink; custom operations call this too. */
  invoke(op: MigrateOperation): Promise<void> {
    return this.#sink(op);
  }

  /**
   * Adds `op.<name>(...args)`: with an op class, its constructor receives the
   * arguments; with a factory, the factory builds the op. Declare the method
   * for TypeScript with `declare module "strata" { interface Operations { ... } }`.
   */
  static registerOperation(
    name: string,
    target: (new (...args: never[]) => MigrateOperation) | ((...args: never[]) => MigrateOperation),
    options: { replace?: boolean } = {},
  ): void {
    if (name in Operations.prototype && !options.replace) {
      throw new DuplicateHandlerError(`Operations already has a method "${name}"; pass { replace: true } to replace it`);
    }
    const isClass = (target as { prototype?: unknown }).prototype instanceof MigrateOperation;
    const build = (args: never[]) =>
      isClass ? new (target as new (...a: never[]) => MigrateOperation)(...args) : (target as (...a: never[]) => MigrateOperation)(...args);
    Object.defineProperty(Operations.prototype, name, {
      configurable: true,
      writable: true,
      value(this: Operations, ...args: never[]) {
        return this.invoke(build(args));
      },
    });
  }

  /** `Operations.implementationFor(CreateSequenceOp)((operations, op) => ...)`; `{ dialect }` narrows it to one dialect. */
  static implementationFor<T extends MigrateOperation>(
    opClass: OpClass<T>,
    options: { dialect?: string; replace?: boolean } = {},
  ): (fn: Implementation<T>) => Implementation<T> {
    return (fn) => {
      Operations.implementations.register(opClass, fn as Implementation, { qualifier: options.dialect, replace: options.replace });
      return fn;
    };
  }

  /** The implementation that runs `op` on this dialect; MissingHandlerError when there is none. */
  implementationOf(op: MigrateOperation): Implementation {
    return Operations.implementations.lookup(op.constructor as OpClass, this.dialect);
  }

  createTable(name: string, ...items: Array<TableItem | CreateTableOptions>): Promise<void> {
    return this.invoke(new CreateTableOp(buildTable(name, items)));
  }

  /** `table` is the dropped table, so the op can be reversed (generated downgrades pass it). */
  dropTable(name: string, options: Schema & { table?: Table } = {}): Promise<void> {
    return this.invoke(new DropTableOp(name, options));
  }

  renameTable(oldName: string, newName: string, options: Schema = {}): Promise<void> {
    return this.invoke(new RenameTableOp(oldName, newName, options));
  }

  addColumn(table: string, column: Column, options: Schema = {}): Promise<void> {
    return this.invoke(new AddColumnOp(table, column, options));
  }

  /** `existing` is the dropped column, so the op can be reversed. */
  dropColumn(table: string, name: string, options: Schema & { existing?: Column } = {}): Promise<void> {
    return this.invoke(new DropColumnOp(table, name, { schema: options.schema, column: options.existing }));
  }

  alterColumn(table: string, column: string, args: AlterColumnArguments = {}): Promise<void> {
    const existingNullable = args.existingNullable;
    const existingServerDefault = args.existingServerDefault === undefined ? undefined : toDefaultValue(args.existingServerDefault);
    const serverDefault = args.serverDefault === null || args.serverDefault === undefined ? undefined : toDefaultValue(args.serverDefault);
    return this.invoke(
      new AlterColumnOp(table, column, {
        schema: args.schema,
        existingType: args.existingType,
        existingNullable,
        existingServerDefault,
        existingComment: args.existingComment,
        modifyType: args.type && { from: args.existingType, to: args.type },
        modifyNullable: args.nullable === undefined ? undefined : { from: existingNullable ?? !args.nullable, to: args.nullable },
        modifyServerDefault: args.serverDefault === undefined ? undefined : { from: existingServerDefault, to: serverDefault },
        modifyComment: args.comment === undefined ? undefined : { from: args.existingComment, to: args.comment ?? undefined },
        modifyName: args.newName === undefined ? undefined : { from: column, to: args.newName },
      }),
    );
  }

  createIndex(name: string, table: string, columns: ReadonlyArray<string | IndexElement>, args: CreateIndexArguments = {}): Promise<void> {
    const { schema, concurrently, ...options } = args;
    const index = new Index({ name, elements: indexElements(columns), ...options });
    return this.invoke(new CreateIndexOp(table, index, { schema, concurrently }));
  }

  dropIndex(name: string, options: Schema & { table?: string; index?: Index; concurrently?: boolean } = {}): Promise<void> {
    return this.invoke(
      new DropIndexOp(name, { tableName: options.table, schema: options.schema, index: options.index, concurrently: options.concurrently }),
    );
  }

  createPrimaryKey(name: string | undefined, table: string, columns: readonly string[], options: Schema & Deferral = {}): Promise<void> {
    const { deferrable, initiallyDeferred, ...rest } = options;
    return this.invoke(new CreatePrimaryKeyOp(table, new PrimaryKeyConstraint({ name, columns, deferrable, initiallyDeferred }), rest));
  }

  createForeignKey(
    name: string | undefined,
    source: string,
    referent: string,
    localCols: readonly string[],
    remoteCols: readonly string[],
    options: ForeignKeyOptions = {},
  ): Promise<void> {
    const fk = buildForeignKey(name, referent, localCols, remoteCols, options);
    return this.invoke(new CreateForeignKeyOp(source, fk, { schema: options.sourceSchema }));
  }

  createUniqueConstraint(
    name: string | undefined,
    table: string,
    columns: readonly string[],
    options: Schema & Deferral & { nullsNotDistinct?: boolean } = {},
  ): Promise<void> {
    const { nullsNotDistinct, deferrable, initiallyDeferred, ...rest } = options;
    return this.invoke(new CreateUniqueConstraintOp(table, new UniqueConstraint({ name, columns, nullsNotDistinct, deferrable, initiallyDeferred }), rest));
  }

  /** `notValid`: PostgreSQL checks only new rows until `validateConstraint`. */
  createCheckConstraint(
    name: string | undefined,
    table: string,
    sqlExpression: string,
    options: Schema & { notValid?: boolean } = {},
  ): Promise<void> {
    const { notValid, ...rest } = options;
    return this.invoke(new CreateCheckConstraintOp(table, new CheckConstraint({ name, expression: sqlExpression, notValid }), rest));
  }

  /** PostgreSQL: checks the existing rows against a constraint added NOT VALID, without blocking reads or writes. */
  validateConstraint(name: string, table: string, options: Schema = {}): Promise<void> {
    return this.invoke(new ValidateConstraintOp(name, table, options));
  }

  /** `constraint` is the dropped constraint, so the op can be reversed. */
  dropConstraint(
    name: string | undefined,
    table: string,
    options: Schema & { type?: ConstraintType; constraint?: Constraint } = {},
  ): Promise<void> {
    return this.invoke(new DropConstraintOp(name, table, options));
  }

  createTableComment(table: string, comment: string, options: Schema & { existingComment?: string } = {}): Promise<void> {
    return this.invoke(new CreateTableCommentOp(table, comment, options));
  }

  dropTableComment(table: string, options: Schema & { existingComment?: string } = {}): Promise<void> {
    return this.invoke(new DropTableCommentOp(table, options));
  }

  /** Sets storage options (`{ strict: true }`, `{ engine: "MyISAM" }`; `null` resets one); `existing` is what a reverse restores. */
  alterTableOptions(table: string, options: TableOptionValues, opts: Schema & { existing?: TableOptionValues } = {}): Promise<void> {
    return this.invoke(new AlterTableOptionsOp(table, options, opts));
  }

  createSchema(name: string): Promise<void> {
    return this.invoke(new CreateSchemaOp(name));
  }

  /** Never cascades: fails while the schema still holds objects. */
  dropSchema(name: string): Promise<void> {
    return this.invoke(new DropSchemaOp(name));
  }

  createSchemaComment(name: string, comment: string, options: { existingComment?: string } = {}): Promise<void> {
    return this.invoke(new CreateSchemaCommentOp(name, comment, options));
  }

  dropSchemaComment(name: string, options: { existingComment?: string } = {}): Promise<void> {
    return this.invoke(new DropSchemaCommentOp(name, options));
  }

  createEnum(name: string, values: readonly string[], options: Schema = {}): Promise<void> {
    return this.invoke(new CreateEnumOp(new Enum({ name, schema: options.schema, values })));
  }

  /** `values` are the dropped enum's values, so the op can be reversed. */
  dropEnum(name: string, options: Schema & { values?: readonly string[] } = {}): Promise<void> {
    const enumObject = options.values && new Enum({ name, schema: options.schema, values: options.values });
    return this.invoke(new DropEnumOp(name, { schema: options.schema, enum: enumObject }));
  }

  addEnumValue(name: string, value: string, options: Schema & EnumValuePosition = {}): Promise<void> {
    return this.invoke(new AddEnumValueOp(name, value, options));
  }

  dropEnumValue(name: string, value: string, options: Schema & EnumValuePosition = {}): Promise<void> {
    return this.invoke(new DropEnumValueOp(name, value, options));
  }

  /** The enum's values in a new order; `existing` is the order now (for the reverse). */
  reorderEnumValues(name: string, values: readonly string[], options: Schema & { existing: readonly string[] }): Promise<void> {
    return this.invoke(new ReorderEnumValuesOp(name, values, options));
  }

  createSequence(name: string, options: Omit<SequenceProps, "name" | "info"> = {}): Promise<void> {
    return this.invoke(new CreateSequenceOp(new Sequence({ name, ...options })));
  }

  /** `sequence` is the dropped sequence, so the op can be reversed. */
  dropSequence(name: string, options: Schema & { sequence?: Sequence } = {}): Promise<void> {
    return this.invoke(new DropSequenceOp(name, options));
  }

  /** Changes the given options; `existing` is the sequence as it is now (for the reverse). */
  /** `changes` over `existing`; an option given as `null` goes back to CREATE SEQUENCE's own value. */
  alterSequence(name: string, changes: SequenceChanges & { existing?: Sequence } = {}): Promise<void> {
    const { existing, ...props } = changes;
    const from = existing ?? new Sequence({ name, schema: props.schema ?? undefined });
    const merged: Record<string, unknown> = { ...from, ...props };
    for (const key of Object.keys(merged)) if (merged[key] === null) merged[key] = undefined;
    return this.invoke(new AlterSequenceOp(from, new Sequence({ ...(merged as Omit<SequenceProps, "name">), info: from.info, name })));
  }

  createDomain(domain: Domain): Promise<void> {
    return this.invoke(new CreateDomainOp(domain));
  }

  /** `domain` is the dropped domain, so the op can be reversed. */
  dropDomain(name: string, options: Schema & { domain?: Domain } = {}): Promise<void> {
    return this.invoke(new DropDomainOp(name, options));
  }

  /** Gives the domain `to`'s checks, default and NOT NULL; `existing` is the domain as it is now (for the reverse). */
  /** A composite type, built with `s.compositeType(...)`. */
  createCompositeType(type: CompositeType): Promise<void> {
    return this.invoke(new CreateCompositeTypeOp(type));
  }

  /** `compositeType` is the dropped type, so the op can be reversed. */
  dropCompositeType(name: string, options: Schema & { compositeType?: CompositeType } = {}): Promise<void> {
    return this.invoke(new DropCompositeTypeOp(name, options));
  }

  /** Changes the attributes of a composite type to `to`'s; `existing` is the type as it is now (for the reverse). */
  alterCompositeType(to: CompositeType, existing: CompositeType): Promise<void> {
    return this.invoke(new AlterCompositeTypeOp(existing, to));
  }

  alterDomain(to: Domain, existing: Domain): Promise<void> {
    return this.invoke(new AlterDomainOp(existing, to));
  }

  createExtension(name: string, options: ExtensionPlacement = {}): Promise<void> {
    return this.invoke(new CreateExtensionOp(new Extension({ name, ...options })));
  }

  /** `options` say where the dropped extension was, so the op can be reversed. */
  dropExtension(name: string, options: ExtensionPlacement = {}): Promise<void> {
    return this.invoke(new DropExtensionOp(name, { extension: new Extension({ name, ...options }) }));
  }

  /** Moves the extension to `to`'s schema and version; `existing` is where it is now (for the reverse). */
  alterExtension(name: string, to: ExtensionPlacement, existing: ExtensionPlacement = {}): Promise<void> {
    return this.invoke(new AlterExtensionOp(new Extension({ name, ...existing }), new Extension({ name, ...to })));
  }

  /** A view; a materialized one may carry its `indexes` (`s.index(...)`) and be created `withNoData`. */
  createView(name: string, definition: string, options: Omit<ViewProps, "name" | "definition" | "info"> = {}): Promise<void> {
    return this.invoke(new CreateViewOp(new View({ name, definition, ...options })));
  }

  /** `view` is the dropped view, so the op can be reversed. */
  dropView(name: string, options: Schema & { view?: View } = {}): Promise<void> {
    return this.invoke(new DropViewOp(name, options));
  }

  /** `existing` is the view as it is now, so the op can be reversed. */
  replaceView(name: string, definition: string, options: Omit<ViewProps, "name" | "definition" | "info"> & { existing?: View } = {}): Promise<void> {
    const { existing, ...props } = options;
    return this.invoke(new ReplaceViewOp(new View({ name, definition, ...props }), existing));
  }

  /** A function or procedure (`kind: "procedure"`); `body` is its SQL as written. */
  createFunction(name: string, definition: RoutineDefinition): Promise<void> {
    return this.invoke(new CreateFunctionOp(new Routine({ name, ...definition })));
  }

  /** `arguments` tells an overload apart; `routine` is the dropped routine, so the op can be reversed. */
  dropFunction(name: string, options: Schema & { kind?: RoutineKind; arguments?: string; routine?: Routine } = {}): Promise<void> {
    return this.invoke(new DropFunctionOp(name, options));
  }

  /** A new definition for a routine of the same name and arguments; `existing` is the routine as it is now, for the reverse. */
  replaceFunction(name: string, definition: RoutineDefinition & { existing?: Routine }): Promise<void> {
    const { existing, ...props } = definition;
    return this.invoke(new ReplaceFunctionOp(new Routine({ name, ...props }), existing));
  }

  createTrigger(name: string, table: string, definition: TriggerDefinition): Promise<void> {
    return this.invoke(new CreateTriggerOp(new Trigger({ name, table, ...definition })));
  }

  /** `trigger` is the dropped trigger, so the op can be reversed. */
  dropTrigger(name: string, table: string, options: Schema & { trigger?: Trigger } = {}): Promise<void> {
    return this.invoke(new DropTriggerOp(name, table, options));
  }

  /** `existing` is the trigger as it is now, so the op can be reversed. */
  replaceTrigger(name: string, table: string, definition: TriggerDefinition & { existing?: Trigger }): Promise<void> {
    const { existing, ...props } = definition;
    return this.invoke(new ReplaceTriggerOp(new Trigger({ name, table, ...props }), existing));
  }

  /** A row-level security policy (PostgreSQL); `command` defaults to all, `roles` to public. */
  createPolicy(name: string, table: string, definition: PolicyDefinition = {}): Promise<void> {
    return this.invoke(new CreatePolicyOp(new Policy({ name, table, ...definition })));
  }

  /** `policy` is the dropped policy, so the op can be reversed. */
  dropPolicy(name: string, table: string, options: Schema & { policy?: Policy } = {}): Promise<void> {
    return this.invoke(new DropPolicyOp(name, table, options));
  }

  /** A new definition for the policy of this name on this table; `existing` is the policy as it is now, for the reverse. */
  alterPolicy(name: string, table: string, definition: PolicyDefinition & { existing?: Policy }): Promise<void> {
    const { existing, ...props } = definition;
    return this.invoke(new AlterPolicyOp(new Policy({ name, table, ...props }), existing));
  }

  execute(sql: string, options: { reverseSql?: string } = {}): Promise<void> {
    return this.invoke(new ExecuteSQLOp(sql, options));
  }

  bulkInsert(table: string, rows: ReadonlyArray<Record<string, unknown>>, options: Schema = {}): Promise<void> {
    return this.invoke(new BulkInsertOp(table, rows, options));
  }

  /** MySQL/MariaDB: the body's ops run with `ALGORITHM=...` (and `LOCK=...`), so the server refuses what it cannot do that way. */
  async withAlgorithm(clause: AlgorithmClause, body: (op: Operations) => Promise<void> | void): Promise<void> {
    const ops: MigrateOperation[] = [];
    await body(new Operations(async (op) => void ops.push(op), { dialect: this.dialect }));
    return this.invoke(new AlgorithmOp(clause, ops));
  }

  /** Collects the batch's calls into one BatchAlterTableOp (SQLite runs it as a table rebuild). */
  async batchAlterTable(table: string, body: (batch: BatchOperations) => Promise<void> | void, options: Schema = {}): Promise<void> {
    const ops: MigrateOperation[] = [];
    const collector = new Operations(async (op) => void ops.push(op), { dialect: this.dialect });
    await body(new BatchOperations(collector, table, options.schema));
    return this.invoke(new BatchAlterTableOp(table, ops, options));
  }
}
