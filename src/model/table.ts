import type { Column } from "./column.js";
import {
  tableKey,
  type CheckConstraint,
  type ForeignKeyConstraint,
  type PrimaryKeyConstraint,
  type UniqueConstraint,
} from "./constraints.js";
import type { Index } from "./index-definition.js";
import { frozenArray } from "./frozen.js";
import { HasInfo, type Info } from "./info.js";
import { tableOptions, type TableOptions } from "./table-options.js";

export interface TableProps {
  readonly name: string;
  /** PostgreSQL namespace; undefined means the connection's default schema. */
  readonly schema?: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKeyConstraint;
  readonly foreignKeys?: readonly ForeignKeyConstraint[];
  readonly uniqueConstraints?: readonly UniqueConstraint[];
  readonly checkConstraints?: readonly CheckConstraint[];
  readonly indexes?: readonly Index[];
  readonly comment?: string;
  /** `@@strict`, `@@engine("InnoDB")`, ...: see TableOptions. */
  readonly options?: TableOptions;
  /** `@@renamedFrom("old")`: the name this table had before; never reflected. */
  readonly renamedFrom?: string;
  readonly info?: Info;
}

export class Table extends HasInfo implements TableProps {
  readonly name: string;
  readonly schema?: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKeyConstraint;
  readonly foreignKeys: readonly ForeignKeyConstraint[];
  readonly uniqueConstraints: readonly UniqueConstraint[];
  readonly checkConstraints: readonly CheckConstraint[];
  readonly indexes: readonly Index[];
  readonly comment?: string;
  readonly options: TableOptions;
  readonly renamedFrom?: string;
  /** `schema.name`, or `name` in the default schema. */
  readonly key: string;
  /** Built at the first lookup: a compiled 10,000-table model never looks most of them up. */
  #columnsByName?: ReadonlyMap<string, Column>;

  constructor(props: TableProps) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.columns = frozenArray(props.columns);
    if (props.primaryKey !== undefined) this.primaryKey = props.primaryKey;
    this.foreignKeys = frozenArray(props.foreignKeys ?? []);
    this.uniqueConstraints = frozenArray(props.uniqueConstraints ?? []);
    this.checkConstraints = frozenArray(props.checkConstraints ?? []);
    this.indexes = frozenArray(props.indexes ?? []);
    if (props.comment !== undefined) this.comment = props.comment;
    this.options = tableOptions(props.options);
    if (props.renamedFrom !== undefined) this.renamedFrom = props.renamedFrom;
    this.key = tableKey(this);
    Object.freeze(this);
  }

  column(name: string): Column | undefined {
    this.#columnsByName ??= new Map(this.columns.map((c) => [c.name, c]));
    return this.#columnsByName.get(name);
  }

  with(changes: Partial<TableProps>): Table {
    return new Table({ ...this.props(), ...changes });
  }

  props(): TableProps {
    return {
      name: this.name,
      schema: this.schema,
      columns: this.columns,
      primaryKey: this.primaryKey,
      foreignKeys: this.foreignKeys,
      uniqueConstraints: this.uniqueConstraints,
      checkConstraints: this.checkConstraints,
      indexes: this.indexes,
      comment: this.comment,
      options: this.options,
      renamedFrom: this.renamedFrom,
      info: this.info,
    };
  }
}
