import type { DefaultValue } from "./default-value.js";
import { HasInfo, type Info } from "./info.js";
import type { SqlType } from "./sql-type.js";

export type IdentityKind = "always" | "byDefault";

/** How PostgreSQL stores a column's values: inline or out of line (TOAST), compressed or not. */
export type ColumnStorage = "plain" | "external" | "extended" | "main";
export const COLUMN_STORAGES: readonly ColumnStorage[] = ["plain", "external", "extended", "main"];

/** The options of an identity column's sequence that differ from what the database picks on its own. */
export interface IdentityOptions {
  readonly start?: number;
  readonly increment?: number;
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly cache?: number;
  readonly cycle?: boolean;
}

export interface ColumnProps {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly default?: DefaultValue;
  /** PostgreSQL/SQL-standard identity column (`GENERATED ... AS IDENTITY`). */
  readonly identity?: IdentityKind;
  /** `@identity(always, start: 100, increment: 5)`: the identity's sequence options. */
  readonly identityOptions?: IdentityOptions;
  /** A generated (computed) column: its SQL expression and whether it is stored. */
  readonly generated?: { readonly expression: string; readonly stored: boolean };
  readonly comment?: string;
  /** Only when it differs from the table's default collation. */
  readonly collation?: string;
  /** MySQL `ON UPDATE CURRENT_TIMESTAMP`: the value the column takes when its row is updated. */
  readonly onUpdate?: DefaultValue;
  /** PostgreSQL `STORAGE`, only when it is not the type's own. */
  readonly storage?: ColumnStorage;
  /** PostgreSQL `COMPRESSION` (`pglz`, `lz4`), only when set on the column. */
  readonly compression?: string;
  /** MySQL `INVISIBLE`: left out of `SELECT *`. */
  readonly invisible?: boolean;
  /** `@renamedFrom("old")`: the name this column had before; never reflected. */
  readonly renamedFrom?: string;
  readonly info?: Info;
}

export class Column extends HasInfo implements ColumnProps {
  readonly name: string;
  readonly type: SqlType;
  readonly nullable: boolean;
  readonly default?: DefaultValue;
  readonly identity?: IdentityKind;
  readonly identityOptions?: IdentityOptions;
  readonly generated?: { readonly expression: string; readonly stored: boolean };
  readonly comment?: string;
  readonly collation?: string;
  readonly onUpdate?: DefaultValue;
  readonly storage?: ColumnStorage;
  readonly compression?: string;
  readonly invisible?: boolean;
  readonly renamedFrom?: string;

  constructor(props: ColumnProps) {
    super(props.info);
    this.name = props.name;
    this.type = props.type;
    this.nullable = props.nullable;
    if (props.default !== undefined) this.default = props.default;
    if (props.identity !== undefined) this.identity = props.identity;
    if (props.identityOptions !== undefined && Object.keys(props.identityOptions).length) {
      this.identityOptions = Object.freeze({ ...props.identityOptions });
    }
    if (props.generated !== undefined) this.generated = Object.freeze({ ...props.generated });
    if (props.comment !== undefined) this.comment = props.comment;
    if (props.collation !== undefined) this.collation = props.collation;
    if (props.onUpdate !== undefined) this.onUpdate = props.onUpdate;
    if (props.storage !== undefined) this.storage = props.storage;
    if (props.compression !== undefined) this.compression = props.compression;
    if (props.invisible) this.invisible = true;
    if (props.renamedFrom !== undefined) this.renamedFrom = props.renamedFrom;
    Object.freeze(this);
  }

  /** A copy with some properties replaced (`undefined` removes an optional one). */
  with(changes: Partial<ColumnProps>): Column {
    return new Column({ ...this, info: this.info, ...changes });
  }
}
