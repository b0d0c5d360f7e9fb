import { HasInfo, type Info } from "./info.js";
import { frozenArray, frozenObject } from "./frozen.js";

/** One element of an index: a column (with options) or an SQL expression. */
export type IndexElement =
  | {
      readonly kind: "column";
      readonly name: string;
      readonly order?: "asc" | "desc";
      readonly nulls?: "first" | "last";
      /** MySQL prefix length: `KEY (title(10))`. */
      readonly length?: number;
      /** PostgreSQL operator class, e.g. `gin_trgm_ops`. */
      readonly opclass?: string;
    }
  | { readonly kind: "expression"; readonly sql: string };

export interface IndexProps {
  readonly name: string;
  readonly elements: readonly IndexElement[];
  readonly unique?: boolean;
  /** Partial index predicate (PostgreSQL, SQLite). */
  readonly where?: string;
  /** Access method: `btree`, `hash`, `gin`, `gist`, `brin`, ... (PostgreSQL), or MySQL `fulltext`/`spatial`. */
  readonly using?: string;
  /** PostgreSQL `INCLUDE (...)`: columns stored in the index but not part of its key. */
  readonly include?: readonly string[];
  /** PostgreSQL storage parameters, as `WITH (...)` writes them: `fillfactor=70`, `pages_per_range=32`. */
  readonly storage?: string;
  /** PostgreSQL 15 `NULLS NOT DISTINCT`: a unique index that takes NULL only once. */
  readonly nullsNotDistinct?: boolean;
  readonly info?: Info;
}

/** An index; the file is not called index.ts because that is the barrel. */
export class Index extends HasInfo implements IndexProps {
  readonly name: string;
  readonly elements: readonly IndexElement[];
  readonly unique: boolean;
  readonly where?: string;
  readonly using?: string;
  readonly include?: readonly string[];
  readonly storage?: string;
  readonly nullsNotDistinct?: boolean;
  constructor(props: IndexProps) {
    super(props.info);
    this.name = props.name;
    this.elements = props.elements.every(Object.isFrozen) ? frozenArray(props.elements) : Object.freeze(props.elements.map(frozenObject));
    this.unique = props.unique ?? false;
    if (props.where !== undefined) this.where = props.where;
    if (props.using !== undefined) this.using = props.using;
    if (props.include?.length) this.include = frozenArray(props.include);
    if (props.storage !== undefined) this.storage = props.storage;
    if (props.nullsNotDistinct) this.nullsNotDistinct = true;
    Object.freeze(this);
  }

  /** Column names the index covers (expressions excluded). */
  get columnNames(): string[] {
    return this.elements.flatMap((e) => (e.kind === "column" ? [e.name] : []));
  }
}
