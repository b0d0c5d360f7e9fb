import { tableKey } from "./constraints.js";
import { frozenArray } from "./frozen.js";
import type { Index } from "./index-definition.js";
import { HasInfo, type Info } from "./info.js";

/** An enumerated type: a PostgreSQL `CREATE TYPE ... AS ENUM`, or the value list of MySQL ENUM columns. */
export class Enum extends HasInfo {
  readonly name: string;
  readonly schema?: string;
  readonly values: readonly string[];
  readonly key: string;
  constructor(props: { name: string; schema?: string; values: readonly string[]; info?: Info }) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.values = Object.freeze([...props.values]);
    this.key = tableKey(this);
    Object.freeze(this);
  }
}

export interface ViewProps {
  readonly name: string;
  readonly schema?: string;
  readonly definition: string;
  readonly materialized?: boolean;
  readonly comment?: string;
  /** A materialized view's indexes (PostgreSQL), created with it. */
  readonly indexes?: readonly Index[];
  /**
   * A materialized view created `WITH NO DATA` (PostgreSQL): unreadable
   * until refreshed. Whether it is populated is the state of its rows, not
   * of its definition, so comparing leaves it alone; it only says how the
   * view is created.
   */
  readonly withNoData?: boolean;
  readonly info?: Info;
}

export class View extends HasInfo {
  readonly name: string;
  readonly schema?: string;
  /** The SELECT the view runs, as SQL. */
  readonly definition: string;
  readonly materialized: boolean;
  readonly comment?: string;
  readonly indexes: readonly Index[];
  readonly withNoData?: boolean;
  readonly key: string;
  constructor(props: ViewProps) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.definition = props.definition;
    this.materialized = props.materialized ?? false;
    if (props.comment !== undefined) this.comment = props.comment;
    this.indexes = frozenArray(props.indexes ?? []);
    if (props.withNoData) this.withNoData = true;
    this.key = tableKey(this);
    Object.freeze(this);
  }
}

export interface SequenceProps {
  readonly name: string;
  readonly schema?: string;
  readonly start?: number;
  readonly increment?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly cache?: number;
  readonly cycle?: boolean;
  /** `table.column` that owns the sequence (PostgreSQL `OWNED BY`). */
  readonly ownedBy?: string;
  readonly info?: Info;
}

export class Sequence extends HasInfo implements SequenceProps {
  readonly name: string;
  readonly schema?: string;
  readonly start?: number;
  readonly increment?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly cache?: number;
  readonly cycle?: boolean;
  readonly ownedBy?: string;
  readonly key: string;
  constructor(props: SequenceProps) {
    super(props.info);
    this.name = props.name;
    for (const field of ["schema", "start", "increment", "minValue", "maxValue", "cache", "cycle", "ownedBy"] as const) {
      if (props[field] !== undefined) (this as Record<string, unknown>)[field] = props[field];
    }
    this.key = tableKey(this);
    Object.freeze(this);
  }
}
