import type { Column } from "./column.js";
import { tableKey } from "./constraints.js";
import { frozenArray } from "./frozen.js";
import { HasInfo, type Info } from "./info.js";

export interface CompositeTypeProps {
  readonly name: string;
  readonly schema?: string;
  /** Its attributes, in order: name, type and collation (PostgreSQL keeps no NOT NULL or default for them). */
  readonly attributes: readonly Column[];
  readonly info?: Info;
}

/**
 * A PostgreSQL composite type (`CREATE TYPE point AS (x integer, y
 * integer)`): a row type of its own, which columns, domains and function
 * signatures use by name. A column of one has the scalar type named as the
 * database spells it (`point`, `geo.point`), as a domain's does.
 */
export class CompositeType extends HasInfo implements CompositeTypeProps {
  readonly name: string;
  readonly schema?: string;
  readonly attributes: readonly Column[];
  readonly key: string;
  constructor(props: CompositeTypeProps) {
    super(props.info);
    this.name = props.name;
    if (props.schema !== undefined) this.schema = props.schema;
    this.attributes = frozenArray(props.attributes);
    this.key = tableKey(this);
    Object.freeze(this);
  }
}
