import { tableKey } from "./constraints.js";
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

export class View extends HasInfo {
  readonly name: string;
  readonly schema?: string;
  /** The SELECT the view runs, as SQL. */
  readonly definition: string;
  readonly materialized: boolean;
  readonly comment?: string;
  readonly key: string;
  constructor(props: {
    name: string;
    schema?: string;
    definition: string;
    materialized?: boolean;
    comment?: string;
    info?: Info;
  }) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.definition = props.definition;
    this.materialized = props.materialized ?? false;
    if (props.comment !== undefined) this.comment = props.comment;
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
