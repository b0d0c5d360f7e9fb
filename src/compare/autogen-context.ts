import type { DatabaseConnection, Dialect } from "../dialects/dialect.js";
import { DEFAULT_VERSION_TABLE, type NameFilterParentNames, type NameFilterType } from "../dialects/reflect-options.js";
import { MetaData, type DefaultValue, type Policy, type Routine, type Table } from "../model/index.js";
import type { Comparators } from "./comparators.js";
import { comparators as sharedComparators } from "./default-comparators.js";
import type { MigrationContext, SchemaItem } from "./migration-context.js";

export class DuplicateTableKeyError extends Error {
  override readonly name = "DuplicateTableKeyError";
}

/**
 * What comparators see during one autogenerate run, with the reference's
 * members. `databaseMetadata` and `targetMetadata` are the two models being
 * compared (set by compareModels), so schema-level comparators can read them.
 */
export class AutogenContext {
  readonly migrationContext: MigrationContext;
  readonly connection: DatabaseConnection | undefined;
  readonly dialect: Dialect;
  /** Import lines a render hook wants in the migration file. */
  readonly imports = new Set<string>();
  readonly metadata: MetaData | readonly MetaData[] | undefined;
  readonly comparators: Comparators;
  /** The model reflected from the database (or given), during a comparison. */
  databaseMetadata: MetaData = new MetaData();
  /** The target model (several MetaData merged into one), during a comparison. */
  targetMetadata: MetaData = new MetaData();
  /** Database table key → target table key, for the renames `@@renamedFrom` asks for (set by compareModels). */
  tableRenames: ReadonlyMap<string, string> = new Map();
  /**
   * View key → the target view's definition as the database would store it
   * (Dialect.storedViewDefinitions), for views whose text alone differs;
   * set when comparing against a live database.
   */
  storedViewDefinitions: ReadonlyMap<string, string> = new Map();
  /**
   * The target's routines as the server would store them (Dialect.storedRoutines),
   * by the model routine's key, for routines whose text alone differs.
   */
  storedRoutines: ReadonlyMap<string, Routine> = new Map();
  /**
   * The target's policies with their expressions as the server would store
   * them (Dialect.storedPolicies), by policy key, for policies whose
   * expressions alone differ as written.
   */
  storedPolicies: ReadonlyMap<string, Policy> = new Map();
  /**
   * `defaultProbeKey(column)` → the target column's default as the database
   * would store it (Dialect.storedDefaults), for defaults that differ only
   * in spelling as far as the normalizer can tell; set against a live database.
   */
  storedDefaults: ReadonlyMap<string, DefaultValue> = new Map();
  /** Schema ("" for the default) → constraint and index names taken so far in this run (name-new-constraints.ts). */
  readonly constraintNamesInUse = new Map<string, Set<string>>();

  constructor(migrationContext: MigrationContext, metadata?: MetaData | readonly MetaData[]) {
    this.migrationContext = migrationContext;
    this.connection = migrationContext.connection;
    this.dialect = migrationContext.dialect;
    this.metadata = metadata;
    this.comparators = migrationContext.opts.comparators ?? sharedComparators;
  }

  get opts() {
    return this.migrationContext.opts;
  }

  get versionTable(): string {
    return this.opts.versionTable ?? DEFAULT_VERSION_TABLE;
  }

  /** The reference's include_name: true when a reflected name takes part in the comparison. */
  runNameFilters(name: string | undefined, type: NameFilterType, parentNames: NameFilterParentNames): boolean {
    return this.opts.includeName ? this.opts.includeName(name, type, parentNames) : true;
  }

  /** The reference's include_object: true when an object takes part in the comparison. */
  runObjectFilters(object: SchemaItem, name: string | undefined, type: NameFilterType, reflected: boolean, compareTo: SchemaItem | undefined): boolean {
    return this.opts.includeObject ? this.opts.includeObject(object, name, type, reflected, compareTo) : true;
  }

  /** The reference keeps `run_filters` as the older name of `run_object_filters`. */
  runFilters(object: SchemaItem, name: string | undefined, type: NameFilterType, reflected: boolean, compareTo: SchemaItem | undefined): boolean {
    return this.runObjectFilters(object, name, type, reflected, compareTo);
  }

  #metadataList(): readonly MetaData[] {
    if (this.metadata === undefined) return [];
    return this.metadata instanceof MetaData ? [this.metadata] : this.metadata;
  }

  /** Every MetaData's sortedTables, concatenated in list order (not collated). */
  get sortedTables(): Table[] {
    return this.#metadataList().flatMap((m) => m.sortedTables);
  }

  /** Every MetaData's tables by key; a key in two MetaData is an error. */
  get tableKeyToTable(): Map<string, Table> {
    const out = new Map<string, Table>();
    for (const m of this.#metadataList()) {
      for (const [key, table] of m.tables) {
        if (out.has(key)) throw new DuplicateTableKeyError(`table "${key}" is in more than one MetaData`);
        out.set(key, table);
      }
    }
    return out;
  }

  /** The target model: the one MetaData, or the list merged (duplicate keys are an error). */
  mergedMetadata(): MetaData {
    const list = this.#metadataList();
    if (list.length === 1) return list[0];
    const merged = (pick: (m: MetaData) => Iterable<{ key: string }>, what: string) => {
      const seen = new Map<string, unknown>();
      for (const m of list) {
        for (const obj of pick(m)) {
          if (seen.has(obj.key)) throw new DuplicateTableKeyError(`${what} "${obj.key}" is in more than one MetaData`);
          seen.set(obj.key, obj);
        }
      }
      return [...seen.values()] as never;
    };
    return new MetaData({
      database: list[0]?.database,
      tables: merged((m) => m.tables.values(), "table"),
      enums: merged((m) => m.enums.values(), "enum"),
      views: merged((m) => m.views.values(), "view"),
      sequences: merged((m) => m.sequences.values(), "sequence"),
      extensions: merged((m) => m.extensions.values(), "extension"),
      domains: merged((m) => m.domains.values(), "domain"),
      compositeTypes: merged((m) => m.compositeTypes.values(), "composite type"),
      routines: merged((m) => m.routines.values(), "function"),
      triggers: merged((m) => m.triggers.values(), "trigger"),
      info: Object.assign({}, ...list.map((m) => m.info)),
    });
  }
}
