import type { Column, Constraint, DefaultValue, MetaData, Policy, Routine, SqlType, Table, TableOptionName, TypeSpec, View } from "../model/index.js";
import type { ConnectOptions } from "./connect-options.js";
import type { DdlCompiler } from "./ddl-compiler.js";
import type { HazardRules } from "./hazards.js";
import type { ReflectOptions } from "./reflect-options.js";

/**
 * What every dialect implements: one folder under src/dialects/ plus one line
 * in registry.ts. Core code branches on `capabilities`, never on `name`.
 */
export interface Dialect {
  readonly name: string;
  /** URL schemes this dialect connects to, e.g. ["postgres", "postgresql"]. */
  readonly urlSchemes: readonly string[];
  /** The schema unqualified names live in (`public`), or undefined where there are no schemas. */
  readonly defaultSchema: string | undefined;
  readonly capabilities: DialectCapabilities;
  /** Types the dialect knows besides the portable ones (`inet`, `mediumtext`). */
  readonly nativeTypes: readonly TypeSpec[];
  /**
   * Opens a connection; drivers are imported lazily so parsing never loads
   * them. A server that does not answer within the connect timeout is a
   * ConnectTimeoutError.
   */
  connect(url: string, options?: ConnectOptions): Promise<DatabaseConnection>;
  /** Reads the live database into the model, in a constant number of catalog queries. */
  reflect(connection: DatabaseConnection, options?: ReflectOptions): Promise<MetaData>;
  /** `"user"`, `` `user` ``: always quotes, doubling embedded quote characters. */
  quoteIdentifier(name: string): string;
  /** The type as this dialect's DDL spells it. */
  spellType(type: SqlType): string;
  /**
   * Where the database keeps a column's declared type as written (SQLite),
   * the model type of a declaration: the language writes one as a quoted
   * type (`"INT"`, `"DECIMAL(4,2)"`), and `spellType` gives the text back.
   */
  declaredType?(text: string): SqlType;
  /**
   * A model as this database reads it back once its DDL ran (`decimal(10)` is
   * `decimal(10, 0)` on PostgreSQL and MySQL; MySQL enums live on their
   * columns). Comparison applies it to both sides, so spellings the database
   * does not keep never show up as changes. Pure and idempotent.
   * `serverVersion` (the database model's `info.serverVersion`, when there
   * is a database) tells servers of one dialect apart where they store the
   * same DDL differently (MariaDB and MySQL 8).
   */
  normalizeModel(metadata: MetaData, serverVersion?: string): MetaData;
  /**
   * How the database would store these views' definitions, by view key, for
   * those it can take as they stand: comparison judges a view unchanged when
   * the database's definition equals this, however differently it was
   * written. Optional: without it, definitions are compared as normalized
   * text. It must leave nothing behind in the database.
   */
  storedViewDefinitions?(connection: DatabaseConnection, views: readonly View[]): Promise<Map<string, string>>;
  /**
   * How the database would store these columns' defaults, read back as
   * reflection reads them, by `defaultProbeKey(column)`: comparison judges a
   * default unchanged when the database's equals this, however differently
   * it was written (`now() + interval '1 day'`, MySQL `(CURRENT_DATE)`).
   * Asked only for defaults normalizeModel could not settle. Optional, like
   * storedViewDefinitions; a default the server refuses is left out, and
   * nothing is left behind in the database.
   */
  storedDefaults?(connection: DatabaseConnection, columns: readonly Column[]): Promise<Map<string, DefaultValue>>;
  /**
   * How the database would store these routines (argument and result types
   * spelled its way), by the model routine's key, read back as reflection
   * reads them. Asked only for routines that differ from the database's as
   * written. Optional; a routine the server refuses is left out, and nothing
   * is left behind in the database.
   */
  storedRoutines?(connection: DatabaseConnection, routines: readonly Routine[]): Promise<Map<string, Routine>>;
  /**
   * These policies with their USING and WITH CHECK expressions as the
   * server would store them, by policy key. Asked only for policies whose
   * expressions differ from the database's as written. Optional; a policy
   * the server refuses is left out, and nothing is left behind.
   */
  storedPolicies?(connection: DatabaseConnection, policies: readonly Policy[]): Promise<Map<string, Policy>>;
  /**
   * The name the database would give `constraint`, declared without one on
   * `table`, given the names already `taken` in its namespace. Autogenerate
   * writes it into the migration that adds the constraint to an existing
   * table, so the downgrade (and any later drop) can name it.
   */
  nameConstraint(table: Table, constraint: Constraint, taken: ReadonlySet<string>): string;
  /**
   * Where the database keeps spellings that mean the same to it: whether a
   * column's type, or its nullability, is the same in both models (SQLite:
   * `varchar(10)` and `VARCHAR(10)` are; `INT` and `INTEGER` as the primary
   * key are not; the rowid is never NULL, declared NOT NULL or not).
   * Optional: without it, the model's values are compared.
   */
  sameColumn?(aspect: "type" | "nullable", conn: ColumnOfTable, meta: ColumnOfTable): boolean;
  /** Turns ops into this dialect's DDL statements. */
  readonly ddl: DdlCompiler;
  /** What each op does to a live database: locks, rewrites, scans (`strata lint`). */
  readonly hazards: HazardRules;
}

export interface ColumnOfTable {
  readonly column: Column;
  readonly table: Table;
}

export interface DialectCapabilities {
  /** Namespaces (`audit.event`). */
  readonly schemas: boolean;
  /** Named enum types created with DDL (PostgreSQL `CREATE TYPE`). */
  readonly namedEnums: boolean;
  /** Enum value lists written inline on the column (MySQL `ENUM(...)`). */
  readonly inlineEnums: boolean;
  readonly sequences: boolean;
  /** DDL runs inside a transaction and rolls back with it. */
  readonly transactionalDdl: boolean;
  /** ALTER COLUMN exists (SQLite rebuilds the table instead). */
  readonly alterColumn: boolean;
  readonly partialIndexes: boolean;
  readonly expressionIndexes: boolean;
  /** Index access methods accepted by `using:`. */
  readonly indexMethods: readonly string[];
  /** MySQL `KEY (title(10))`. */
  readonly indexPrefixLengths: boolean;
  readonly comments: boolean;
  readonly checkConstraints: boolean;
  readonly deferrableConstraints: boolean;
  readonly identityColumns: boolean;
  readonly generatedColumns: boolean;
  readonly arrays: boolean;
  readonly unsignedIntegers: boolean;
  readonly materializedViews: boolean;
  /** PostgreSQL `NOT VALID` foreign keys and checks, and `MATCH FULL` foreign keys. */
  readonly notValidConstraints: boolean;
  /** PostgreSQL 15 `UNIQUE NULLS NOT DISTINCT`. */
  readonly nullsNotDistinct: boolean;
  /** PostgreSQL `PRIMARY KEY (...) DEFERRABLE` and `UNIQUE (...) DEFERRABLE` (SQLite defers foreign keys only). */
  readonly deferrableKeys: boolean;
  /** PostgreSQL index `INCLUDE (...)` columns and `WITH (...)` storage parameters. */
  readonly coveringIndexes: boolean;
  /** PostgreSQL column `STORAGE` and `COMPRESSION`. */
  readonly columnStorage: boolean;
  /** MySQL `ON UPDATE CURRENT_TIMESTAMP` (`@onUpdate(now())`). */
  readonly onUpdate: boolean;
  /** MySQL/MariaDB `INVISIBLE` columns. */
  readonly invisibleColumns: boolean;
  /** The table options (TableOptions) the database keeps: the language accepts, and comparison looks at, only these. */
  readonly tableOptions: readonly TableOptionName[];
  /** PostgreSQL `CREATE EXTENSION`. */
  readonly extensions: boolean;
  /** PostgreSQL `CREATE DOMAIN`. */
  readonly domains: boolean;
  /** `CREATE TYPE name AS (...)` (PostgreSQL). */
  readonly compositeTypes: boolean;
  /** Indexes built and dropped without blocking writes (PostgreSQL `CONCURRENTLY`). */
  readonly concurrentIndexes: boolean;
  /** ALTER TABLE takes `ALGORITHM=` and `LOCK=` clauses (MySQL, MariaDB). */
  readonly algorithmClauses: boolean;
  /** Stored functions and procedures (`function`, `procedure`). */
  readonly functions: boolean;
  /** Overloads: routines of one name told apart by their argument types (PostgreSQL). */
  readonly routineOverloading: boolean;
  /** The settings a `function` or `procedure` takes beyond arguments, returns and body. */
  readonly routineSettings: readonly string[];
  /** Who a routine runs as when it does not say: PostgreSQL the caller, MySQL its definer. */
  readonly defaultSqlSecurity: "definer" | "invoker";
  readonly triggers: boolean;
  /** A trigger executes a function (PostgreSQL) rather than a statement body (MySQL, SQLite). */
  readonly triggerFunctions: boolean;
  /** Row-level security policies (PostgreSQL `CREATE POLICY`), and the `rowLevelSecurity` table options. */
  readonly policies: boolean;
}

/** A connection as strata uses it: plain rows, positional parameters, a query counter. */
export interface DatabaseConnection {
  readonly dialect: Dialect;
  /** The URL with any password replaced by `***`, safe to print. */
  readonly displayUrl: string;
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  execute(sql: string, params?: readonly unknown[]): Promise<void>;
  /** Statements sent so far; benchmarks and tests check reflection keeps it constant. */
  readonly queryCount: number;
  /**
   * Asks the server to stop the statement running on this connection (Ctrl-C
   * during a migration); the statement then fails, or ends early. Absent
   * where a statement cannot be stopped from outside (local SQLite runs it
   * in this process).
   */
  cancel?(): Promise<void>;
  close(): Promise<void>;
}

/** What a stored default depends on: the column's type and its default. */
export function defaultProbeKey(column: Pick<Column, "type" | "default">): string {
  return JSON.stringify([column.type, column.default]);
}
