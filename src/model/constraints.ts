import { HasInfo, type Info } from "./info.js";
import { frozenArray, frozenObject } from "./frozen.js";

/**
 * Table constraints. A constraint's `name` is optional: unnamed constraints
 * are named by the database, and comparison matches them by their shape.
 */
export type ReferentialAction = "cascade" | "restrict" | "setNull" | "setDefault" | "noAction";

export const REFERENTIAL_ACTIONS: readonly ReferentialAction[] = [
  "cascade",
  "restrict",
  "setNull",
  "setDefault",
  "noAction",
];

export interface TableRef {
  readonly schema?: string;
  readonly name: string;
}

export function tableKey(ref: TableRef): string {
  return ref.schema ? `${ref.schema}.${ref.name}` : ref.name;
}

/** PostgreSQL `DEFERRABLE [INITIALLY DEFERRED]` on a key (primary or unique), as a foreign key has it. */
export interface Deferral {
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

/** When a key is checked, as one comparable word: "" (each statement: not deferrable), "immediate" or "deferred". */
export function deferMode(key: Deferral): string {
  return key.deferrable ? (key.initiallyDeferred ? "deferred" : "immediate") : "";
}

export class PrimaryKeyConstraint extends HasInfo implements Deferral {
  readonly kind = "primaryKey" as const;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  constructor(props: Deferral & { name?: string; columns: readonly string[]; info?: Info }) {
    super(props.info);
    if (props.name !== undefined) this.name = props.name;
    this.columns = frozenArray(props.columns);
    if (props.deferrable) this.deferrable = true;
    if (props.deferrable && props.initiallyDeferred) this.initiallyDeferred = true;
    Object.freeze(this);
  }
}

export interface ForeignKeyProps {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly target: TableRef;
  readonly targetColumns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  /** PostgreSQL: `DEFERRABLE`, and `INITIALLY DEFERRED` when `initiallyDeferred`. */
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** PostgreSQL `MATCH FULL` (the default, MATCH SIMPLE, is left out). */
  readonly match?: "full";
  /** PostgreSQL `NOT VALID`: rows already there were never checked. */
  readonly notValid?: boolean;
  readonly info?: Info;
}

export class ForeignKeyConstraint extends HasInfo implements ForeignKeyProps {
  readonly kind = "foreignKey" as const;
  readonly name?: string;
  readonly columns: readonly string[];
  readonly target: TableRef;
  readonly targetColumns: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  readonly match?: "full";
  readonly notValid?: boolean;
  constructor(props: ForeignKeyProps) {
    super(props.info);
    if (props.name !== undefined) this.name = props.name;
    this.columns = frozenArray(props.columns);
    this.target = frozenObject(props.target);
    this.targetColumns = frozenArray(props.targetColumns);
    // An explicit `noAction` is kept: MariaDB stores it apart from an unspecified action (which it reports as RESTRICT).
    if (props.onDelete !== undefined) this.onDelete = props.onDelete;
    if (props.onUpdate !== undefined) this.onUpdate = props.onUpdate;
    if (props.deferrable) this.deferrable = true;
    if (props.deferrable && props.initiallyDeferred) this.initiallyDeferred = true;
    if (props.match === "full") this.match = "full";
    if (props.notValid) this.notValid = true;
    Object.freeze(this);
  }
}

/**
 * The foreign key with `unspecified` (the action the database reports when
 * none was given, so it cannot tell the two apart) written as no action at
 * all: one spelling for what the database stores as one thing.
 */
export function withUnspecifiedAction(fk: ForeignKeyConstraint, unspecified: ReferentialAction): ForeignKeyConstraint {
  if (fk.onDelete !== unspecified && fk.onUpdate !== unspecified) return fk;
  const action = (a: ReferentialAction | undefined) => (a === unspecified ? undefined : a);
  return new ForeignKeyConstraint({ ...fk, info: fk.info, onDelete: action(fk.onDelete), onUpdate: action(fk.onUpdate) });
}

export interface UniqueProps extends Deferral {
  readonly name?: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct?: boolean;
  readonly info?: Info;
}

export class UniqueConstraint extends HasInfo implements UniqueProps {
  readonly kind = "unique" as const;
  readonly name?: string;
  readonly columns: readonly string[];
  /** PostgreSQL 15 `UNIQUE NULLS NOT DISTINCT`: NULL is taken only once. */
  readonly nullsNotDistinct?: boolean;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  constructor(props: UniqueProps) {
    super(props.info);
    if (props.name !== undefined) this.name = props.name;
    this.columns = frozenArray(props.columns);
    if (props.nullsNotDistinct) this.nullsNotDistinct = true;
    if (props.deferrable) this.deferrable = true;
    if (props.deferrable && props.initiallyDeferred) this.initiallyDeferred = true;
    Object.freeze(this);
  }
}

export class CheckConstraint extends HasInfo {
  readonly kind = "check" as const;
  readonly name?: string;
  /** The SQL boolean expression, as written (comparison normalizes it). */
  readonly expression: string;
  /** PostgreSQL `NOT VALID`: rows already there were never checked. */
  readonly notValid?: boolean;
  constructor(props: { name?: string; expression: string; notValid?: boolean; info?: Info }) {
    super(props.info);
    if (props.name !== undefined) this.name = props.name;
    this.expression = props.expression;
    if (props.notValid) this.notValid = true;
    Object.freeze(this);
  }
}

export type Constraint = PrimaryKeyConstraint | ForeignKeyConstraint | UniqueConstraint | CheckConstraint;
