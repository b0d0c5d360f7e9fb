import type { Dialect } from "../dialect.js";
import { sqliteHazards } from "./sqlite-hazards.js";
import { postgresqlStyleConstraintName } from "../ddl/constraint-names.js";
import { connectSqlite } from "./sqlite-connection.js";
import { reflectSqlite } from "./sqlite-reflect.js";
import { sqliteSameColumn } from "./sqlite-same-column.js";
import { SQLITE_NATIVE_TYPES, spellSqliteType, typeFromDeclared } from "./sqlite-types.js";
import { sqliteDdl } from "./sqlite-ddl.js";
import { normalizeSqliteModel } from "./sqlite-normalize.js";

/** SQLite and libSQL (`file:./dev.db`, `libsql://host?authToken=...`). */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  urlSchemes: ["file", "libsql"],
  defaultSchema: undefined,
  capabilities: {
    // One database per file: attached databases are not namespaces strata manages.
    schemas: false,
    namedEnums: false,
    inlineEnums: false,
    sequences: false,
    transactionalDdl: true,
    // ALTER TABLE cannot change a column's type, nullability or default: the table is rebuilt.
    alterColumn: false,
    partialIndexes: true,
    expressionIndexes: true,
    indexMethods: [],
    indexPrefixLengths: false,
    comments: false,
    checkConstraints: true,
    deferrableConstraints: true,
    identityColumns: false,
    generatedColumns: true,
    arrays: false,
    // `INTEGER UNSIGNED` is accepted and kept as declared (real schemas use it, see the
    // MediaWiki corpus), so it round-trips; SQLite does not enforce it.
    unsignedIntegers: true,
    materializedViews: false,
    notValidConstraints: false,
    nullsNotDistinct: false,
    deferrableKeys: false,
    coveringIndexes: false,
    columnStorage: false,
    onUpdate: false,
    invisibleColumns: false,
    tableOptions: ["virtual", "strict", "withoutRowid"],
    extensions: false,
    domains: false,
    compositeTypes: false,
    concurrentIndexes: false,
    algorithmClauses: false,
    functions: false,
    routineOverloading: false,
    routineSettings: [],
    defaultSqlSecurity: "invoker",
    triggers: true,
    triggerFunctions: false,
    policies: false,
  },
  nativeTypes: SQLITE_NATIVE_TYPES,
  connect: (url, options) => connectSqlite(url, sqliteDialect, options),
  reflect: (connection, options) => reflectSqlite(connection, options),
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  spellType: spellSqliteType,
  declaredType: typeFromDeclared,
  sameColumn: sqliteSameColumn,
  normalizeModel: normalizeSqliteModel,
  nameConstraint: postgresqlStyleConstraintName,
  ddl: sqliteDdl,
  hazards: sqliteHazards,
};
