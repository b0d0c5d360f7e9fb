import {
  CheckConstraint,
  Column,
  CompositeType,
  Domain,
  ForeignKeyConstraint,
  Index,
  Policy,
  PrimaryKeyConstraint,
  Routine,
  Sequence,
  Trigger,
  UniqueConstraint,
  View,
  type ViewProps,
  type ColumnStorage,
  type PolicyProps,
  type RoutineProps,
  type TriggerProps,
  type IdentityKind,
  type IdentityOptions,
  type IndexElement,
  type ReferentialAction,
  type SequenceProps,
  type SqlType,
  type TableRef,
  type Deferral,
} from "../model/index.js";
import { indexElements } from "../ops/operation-arguments.js";
import { toDefaultValue, type DefaultInput } from "./value-builders.js";

export interface ColumnOptions {
  /** Default true, as in the reference; rendered migrations always say it. */
  readonly nullable?: boolean;
  readonly default?: DefaultInput;
  readonly identity?: IdentityKind;
  /** The identity's sequence options: `{ start: 100, increment: 5 }`. */
  readonly identityOptions?: IdentityOptions;
  readonly generated?: { readonly expression: string; readonly stored: boolean };
  readonly comment?: string;
  readonly collation?: string;
  /** MySQL `ON UPDATE`: `s.now()` or `s.sql("...")`. */
  readonly onUpdate?: DefaultInput;
  readonly invisible?: boolean;
  /** PostgreSQL `STORAGE` and `COMPRESSION`. */
  readonly storage?: ColumnStorage;
  readonly compression?: string;
}

export interface DomainOptions {
  readonly schema?: string;
  /** Default true, as CREATE DOMAIN. */
  readonly nullable?: boolean;
  readonly default?: DefaultInput;
  readonly checks?: readonly CheckConstraint[];
  readonly collation?: string;
}

export interface ForeignKeyOptions {
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** PostgreSQL `MATCH FULL`. */
  readonly match?: "full";
  /** PostgreSQL `NOT VALID`. */
  readonly notValid?: boolean;
}

/** An index column by name, or a full element (`{ kind: "column", name, order: "desc" }`, `s.expression("lower(email)")`), as `op.createIndex` takes them. */
export type IndexElementInput = string | IndexElement;

export interface IndexOptions {
  readonly unique?: boolean;
  readonly where?: string;
  readonly using?: string;
  /** PostgreSQL `INCLUDE (...)` columns. */
  readonly include?: readonly string[];
  /** PostgreSQL storage parameters: `"fillfactor=70"`. */
  readonly storage?: string;
  readonly nullsNotDistinct?: boolean;
}

export interface PrimaryKeyOptions extends Deferral {
  readonly name?: string;
}

export interface UniqueOptions extends PrimaryKeyOptions {
  readonly nullsNotDistinct?: boolean;
}

/** Columns, constraints and indexes as migrations write them; each builds the model value. */
export const schemaBuilders = {
  column(name: string, type: SqlType, options: ColumnOptions = {}): Column {
    const { default: defaultInput, onUpdate, nullable = true, ...rest } = options;
    return new Column({
      name,
      type,
      nullable,
      ...rest,
      ...(defaultInput !== undefined ? { default: toDefaultValue(defaultInput) } : {}),
      ...(onUpdate !== undefined ? { onUpdate: toDefaultValue(onUpdate) } : {}),
    });
  },

  /** `s.primaryKey("id")`, `s.primaryKey("a", "b")`, or named: `s.primaryKey(["a", "b"], { name: "pk_x" })`. */
  primaryKey: ((...args: unknown[]) => {
    const { columns, name } = columnsAndName(args);
    const options = Array.isArray(args[0]) ? (args[1] as PrimaryKeyOptions | undefined) : undefined;
    return new PrimaryKeyConstraint({ ...options, columns, name });
  }) as {
    (...columns: string[]): PrimaryKeyConstraint;
    (columns: readonly string[], options: PrimaryKeyOptions): PrimaryKeyConstraint;
  },

  /** `s.unique("email")`, or named: `s.unique(["org_id", "email"], { name: "uq_x" })`. */
  unique: ((...args: unknown[]) => {
    const { columns, name } = columnsAndName(args);
    const options = Array.isArray(args[0]) ? (args[1] as UniqueOptions | undefined) : undefined;
    return new UniqueConstraint({ ...options, columns, name });
  }) as {
    (...columns: string[]): UniqueConstraint;
    (columns: readonly string[], options: UniqueOptions): UniqueConstraint;
  },

  /** `s.foreignKey(["organization_id"], "organization", ["id"], { onDelete: "cascade" })`; a schema: `{ schema, name }`. */
  foreignKey(
    columns: readonly string[],
    target: string | TableRef,
    targetColumns: readonly string[],
    options: ForeignKeyOptions = {},
  ): ForeignKeyConstraint {
    return new ForeignKeyConstraint({
      columns,
      target: typeof target === "string" ? { name: target } : target,
      targetColumns,
      ...options,
    });
  },

  check(expression: string, name?: string, options: { notValid?: boolean } = {}): CheckConstraint {
    return new CheckConstraint({ expression, name, notValid: options.notValid });
  },

  /** `s.index("ix_user_email", ["email"])`, `s.index("ix", [{ kind: "column", name: "a", order: "desc" }, s.expression("lower(b)")], { unique: true })`. */
  index(name: string, elements: readonly IndexElementInput[], options: IndexOptions = {}): Index {
    return new Index({ name, elements: indexElements(elements), ...options });
  },

  /** An index element that is an SQL expression. */
  expression(sql: string): IndexElement {
    return Object.freeze({ kind: "expression" as const, sql });
  },

  /** A whole sequence, for the ops that carry one (`op.dropSequence(name, { sequence })`). */
  sequence(name: string, options: Omit<SequenceProps, "name" | "info"> = {}): Sequence {
    return new Sequence({ name, ...options });
  },

  /** A composite type: its attributes are columns (nullable, no default). */
  compositeType(name: string, attributes: readonly Column[], options: { schema?: string } = {}): CompositeType {
    return new CompositeType({ name, attributes, ...options });
  },

  /** A whole domain, for the ops that carry one (`op.dropDomain(name, { domain })`); nullable unless `nullable: false`. */
  domain(name: string, type: SqlType, options: DomainOptions = {}): Domain {
    const { default: dflt, nullable, ...rest } = options;
    return new Domain({ name, type, nullable: nullable ?? true, ...rest, ...(dflt !== undefined ? { default: toDefaultValue(dflt) } : {}) });
  },

  /** A whole view, for the ops that carry one (`op.dropView(name, { view })`). */
  view(name: string, definition: string, options: Omit<ViewProps, "name" | "definition" | "info"> = {}): View {
    return new View({ name, definition, ...options });
  },

  /** A whole function or procedure, for the ops that carry one (`op.dropFunction(name, { routine })`). */
  routine(name: string, definition: Omit<RoutineProps, "name" | "info">): Routine {
    return new Routine({ name, ...definition });
  },

  /** A whole trigger, for the ops that carry one (`op.dropTrigger(name, table, { trigger })`). */
  trigger(name: string, table: string, definition: Omit<TriggerProps, "name" | "table" | "info">): Trigger {
    return new Trigger({ name, table, ...definition });
  },

  /** A whole policy, for the ops that carry one (`op.dropPolicy(name, table, { policy })`). */
  policy(name: string, table: string, definition: Omit<PolicyProps, "name" | "table" | "info"> = {}): Policy {
    return new Policy({ name, table, ...definition });
  },
};

function columnsAndName(args: unknown[]): { columns: string[]; name?: string } {
  if (Array.isArray(args[0])) return { columns: [...(args[0] as string[])], name: (args[1] as { name?: string } | undefined)?.name };
  return { columns: args as string[] };
}
