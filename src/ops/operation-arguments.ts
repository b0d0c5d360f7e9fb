import {
  CheckConstraint,
  Column,
  defaults,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  Table,
  tableOptions,
  UniqueConstraint,
  type Constraint,
  type DefaultValue,
  type IndexElement,
  type ReferentialAction,
  type TableOptions,
} from "../model/index.js";

/**
 * Turns the author-friendly arguments of `Operations` methods into model
 * values. A mistake here (two primary keys, an unknown item) is an
 * invariant a migration broke, so it throws.
 */
export class InvalidOperationArgumentError extends Error {
  override readonly name = "InvalidOperationArgumentError";
}

/** Where the table lives, its comment and its storage options (`strict: true`, `engine: "InnoDB"`, ...). */
export interface CreateTableOptions extends TableOptions {
  readonly schema?: string;
  readonly comment?: string;
}

export type TableItem = Column | Constraint | Index;

/** `createTable(name, ...items, options?)`: the items, and the trailing options object if there is one. */
export function buildTable(name: string, args: ReadonlyArray<TableItem | CreateTableOptions>): Table {
  const last = args[args.length - 1];
  const hasOptions = last !== undefined && !isTableItem(last);
  const options = (hasOptions ? last : {}) as CreateTableOptions;
  const items = (hasOptions ? args.slice(0, -1) : args) as unknown[];
  const columns: Column[] = [];
  const foreignKeys: ForeignKeyConstraint[] = [];
  const uniqueConstraints: UniqueConstraint[] = [];
  const checkConstraints: CheckConstraint[] = [];
  const indexes: Index[] = [];
  let primaryKey: PrimaryKeyConstraint | undefined;
  for (const item of items) {
    if (item instanceof Column) columns.push(item);
    else if (item instanceof ForeignKeyConstraint) foreignKeys.push(item);
    else if (item instanceof UniqueConstraint) uniqueConstraints.push(item);
    else if (item instanceof CheckConstraint) checkConstraints.push(item);
    else if (item instanceof Index) indexes.push(item);
    else if (item instanceof PrimaryKeyConstraint) {
      if (primaryKey) throw new InvalidOperationArgumentError(`createTable("${name}"): more than one primary key`);
      primaryKey = item;
    } else {
      throw new InvalidOperationArgumentError(`createTable("${name}"): expected a column, constraint or index, got ${String(item)}`);
    }
  }
  return new Table({
    name,
    schema: options.schema,
    comment: options.comment,
    options: tableOptions(options),
    columns,
    primaryKey,
    foreignKeys,
    uniqueConstraints,
    checkConstraints,
    indexes,
  });
}

function isTableItem(value: unknown): boolean {
  return [Column, ForeignKeyConstraint, UniqueConstraint, CheckConstraint, Index, PrimaryKeyConstraint].some((c) => value instanceof c);
}

/** Index elements from column names (`"email"`) or full elements. */
export function indexElements(items: ReadonlyArray<string | IndexElement>): IndexElement[] {
  return items.map((item) => (typeof item === "string" ? { kind: "column" as const, name: item } : item));
}

export interface ForeignKeyOptions {
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly match?: "full";
  readonly notValid?: boolean;
  readonly sourceSchema?: string;
  readonly referentSchema?: string;
}

export function buildForeignKey(
  name: string | undefined,
  referent: string,
  localCols: readonly string[],
  remoteCols: readonly string[],
  options: ForeignKeyOptions,
): ForeignKeyConstraint {
  return new ForeignKeyConstraint({
    name,
    columns: localCols,
    target: { name: referent, ...(options.referentSchema !== undefined ? { schema: options.referentSchema } : {}) },
    targetColumns: remoteCols,
    onDelete: options.onDelete,
    onUpdate: options.onUpdate,
    deferrable: options.deferrable,
    initiallyDeferred: options.initiallyDeferred,
    match: options.match,
    notValid: options.notValid,
  });
}

/** A default as migrations write it: a DefaultValue, or a plain string, number or boolean for a literal. */
export type DefaultArgument = DefaultValue | string | number | bigint | boolean;

export function toDefaultValue(input: DefaultArgument): DefaultValue {
  return typeof input === "object" ? input : defaults.literal(input);
}
