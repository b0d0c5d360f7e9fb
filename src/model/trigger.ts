import { tableKey } from "./constraints.js";
import { HasInfo, type Info } from "./info.js";
import { setFields } from "./set-fields.js";

export type TriggerTiming = "before" | "after" | "insteadOf";
export type TriggerEvent = "insert" | "update" | "delete" | "truncate";

export interface TriggerProps {
  readonly name: string;
  /** The schema of the trigger's table (a trigger lives with its table). */
  readonly schema?: string;
  readonly table: string;
  readonly timing: TriggerTiming;
  readonly events: readonly TriggerEvent[];
  /** `UPDATE OF` these columns. */
  readonly columns?: readonly string[];
  /** Undefined: not written (PostgreSQL's default is per statement; MySQL and SQLite triggers are per row). */
  readonly forEach?: "row" | "statement";
  /** The `WHEN` condition, as SQL. */
  readonly when?: string;
  /** PostgreSQL: the function call it executes, `app.touch('updated_at')`. */
  readonly execute?: string;
  /** MySQL and SQLite: the statement it runs, as written (`BEGIN ... END`). */
  readonly body?: string;
  /** PostgreSQL `CREATE CONSTRAINT TRIGGER`. */
  readonly constraint?: boolean;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
  /** PostgreSQL `FROM`: the table a constraint trigger's key points at. */
  readonly from?: string;
  /** PostgreSQL `REFERENCING OLD TABLE AS ... NEW TABLE AS ...`. */
  readonly oldTable?: string;
  readonly newTable?: string;
  /** MySQL `FOLLOWS`: the trigger of the same table, timing and event this one fires after. */
  readonly follows?: string;
  /** MySQL: the sql_mode the trigger runs under, when not the server's own. */
  readonly sqlMode?: string;
  readonly comment?: string;
  readonly info?: Info;
}

/** A trigger's fields are its props' (declaration merging): the list is written once. */
export interface Trigger extends Omit<TriggerProps, "info"> {}

/** A trigger on a table. Keyed by its table and name: PostgreSQL names triggers per table. */
export class Trigger extends HasInfo {
  readonly key: string;
  /** The key of the table it is on. */
  readonly tableKey: string;

  constructor(props: TriggerProps) {
    super(props.info);
    Object.assign(this, setFields(props, TRIGGER_FIELDS));
    this.tableKey = tableKey({ schema: this.schema, name: this.table });
    this.key = `${this.tableKey}/${this.name}`;
    Object.freeze(this);
  }

  with(changes: Partial<TriggerProps>): Trigger {
    return new Trigger({ ...(setFields(this, TRIGGER_FIELDS) as TriggerProps), info: this.info, ...changes });
  }
}

const OPTIONAL_FIELDS = [
  "schema",
  "columns",
  "forEach",
  "when",
  "execute",
  "body",
  "constraint",
  "deferrable",
  "initiallyDeferred",
  "from",
  "oldTable",
  "newTable",
  "follows",
  "sqlMode",
  "comment",
] as const;

/** Every field, in a fixed order. */
export const TRIGGER_FIELDS = ["name", "table", "timing", "events", ...OPTIONAL_FIELDS] as const;
