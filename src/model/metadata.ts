import type { CompositeType } from "./composite-type.js";
import type { Domain } from "./domain.js";
import type { Extension } from "./extension.js";
import { HasInfo, type Info } from "./info.js";
import type { Policy } from "./policy.js";
import type { Routine } from "./routine.js";
import { Enum, Sequence, View } from "./schema-objects.js";
import { sortTables } from "./sort-tables.js";
import type { Table } from "./table.js";
import type { Trigger } from "./trigger.js";

export interface DatabaseConfig {
  /** A dialect name from the registry: "sqlite" (default), "postgresql", "mysql". */
  readonly dialect: string;
  /**
   * The schema names no dialect: `dialect` is the one it was compiled for
   * (its URL's), and the same schema may be compiled for another.
   */
  readonly portable?: boolean;
  /** The URL, with `env("VAR")` already resolved when the variable was set. */
  readonly url?: string;
  /** The variable named by `env("VAR")`, kept so tools can say what was missing. */
  readonly urlEnv?: string;
}

export interface MetaDataProps {
  readonly database?: DatabaseConfig;
  readonly tables?: Iterable<Table>;
  readonly enums?: Iterable<Enum>;
  readonly views?: Iterable<View>;
  readonly sequences?: Iterable<Sequence>;
  readonly extensions?: Iterable<Extension>;
  readonly domains?: Iterable<Domain>;
  readonly compositeTypes?: Iterable<CompositeType>;
  readonly routines?: Iterable<Routine>;
  readonly triggers?: Iterable<Trigger>;
  readonly policies?: Iterable<Policy>;
  /** Schemas named for themselves (`schema audit`): one may hold nothing. */
  readonly declaredSchemas?: Iterable<string>;
  /** `schema audit @comment("...")`: the comment of a declared schema, by name. */
  readonly schemaComments?: Iterable<readonly [string, string]>;
  readonly info?: Info;
}

/**
 * The model: what a `.schema` folder describes and what reflection reads from
 * a live database. Collections are keyed by `schema.name` (or `name` in the
 * default schema) and iterate in insertion order.
 */
export class MetaData extends HasInfo {
  readonly database: DatabaseConfig;
  readonly tables: ReadonlyMap<string, Table>;
  readonly enums: ReadonlyMap<string, Enum>;
  readonly views: ReadonlyMap<string, View>;
  readonly sequences: ReadonlyMap<string, Sequence>;
  /** PostgreSQL extensions, keyed by name (they belong to the database, not to a schema). */
  readonly extensions: ReadonlyMap<string, Extension>;
  /** PostgreSQL domains. */
  readonly domains: ReadonlyMap<string, Domain>;
  /** PostgreSQL composite types. */
  readonly compositeTypes: ReadonlyMap<string, CompositeType>;
  /** Functions and procedures, keyed by name and identity arguments. */
  readonly routines: ReadonlyMap<string, Routine>;
  /** Keyed by `table key/name`. */
  readonly triggers: ReadonlyMap<string, Trigger>;
  /** Row-level security policies (PostgreSQL), keyed by `table key/name`. */
  readonly policies: ReadonlyMap<string, Policy>;
  /** Schemas named for themselves (`schema audit`, or every schema reflection found): one may hold nothing. */
  readonly declaredSchemas: ReadonlySet<string>;
  /** Comments of schemas (PostgreSQL `COMMENT ON SCHEMA`), by schema name. */
  readonly schemaComments: ReadonlyMap<string, string>;
  #sorted?: readonly Table[];

  constructor(props: MetaDataProps = {}) {
    super(props.info);
    this.database = Object.freeze({ dialect: "sqlite", ...(props.database ?? {}) });
    this.tables = keyed(props.tables);
    this.enums = keyed(props.enums);
    this.views = keyed(props.views);
    this.sequences = keyed(props.sequences);
    this.extensions = keyed(props.extensions);
    this.domains = keyed(props.domains);
    this.compositeTypes = keyed(props.compositeTypes);
    this.routines = keyed(props.routines);
    this.triggers = keyed(props.triggers);
    this.policies = keyed(props.policies);
    this.declaredSchemas = new Set(props.declaredSchemas);
    this.schemaComments = new Map(props.schemaComments);
  }

  get dialect(): string {
    return this.database.dialect;
  }

  /** Tables in foreign-key dependency order (referenced tables first). */
  get sortedTables(): readonly Table[] {
    this.#sorted ??= Object.freeze(sortTables(this.tables.values()).sorted);
    return this.#sorted;
  }

  /** Every schema named by an object of the model or declared (undefined is the default schema). */
  get schemas(): Array<string | undefined> {
    const names = new Set<string | undefined>(this.declaredSchemas);
    for (const coll of [this.tables, this.enums, this.views, this.sequences, this.extensions, this.domains, this.compositeTypes, this.routines, this.triggers, this.policies]) {
      for (const obj of coll.values()) names.add(obj.schema);
    }
    return [...names];
  }

  with(changes: MetaDataProps): MetaData {
    return new MetaData({
      database: this.database,
      tables: this.tables.values(),
      enums: this.enums.values(),
      views: this.views.values(),
      sequences: this.sequences.values(),
      extensions: this.extensions.values(),
      domains: this.domains.values(),
      compositeTypes: this.compositeTypes.values(),
      routines: this.routines.values(),
      triggers: this.triggers.values(),
      policies: this.policies.values(),
      declaredSchemas: this.declaredSchemas,
      schemaComments: this.schemaComments,
      info: this.info,
      ...changes,
    });
  }
}

function keyed<T extends { key: string }>(items: Iterable<T> | undefined): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const item of items ?? []) {
    if (map.has(item.key)) throw new Error(`duplicate object "${item.key}" in MetaData`);
    map.set(item.key, item);
  }
  return map;
}
