import { postgresqlStoredRoutines } from "./postgresql-stored-routines.js";
import type { Dialect } from "../dialect.js";
import { postgresqlHazards } from "./postgresql-hazards.js";
import { postgresqlStyleConstraintName } from "../ddl/constraint-names.js";
import { connectPostgresql } from "./postgresql-connection.js";
import { quotePgIdentifier } from "./postgresql-identifiers.js";
import { reflectPostgresql } from "./postgresql-reflect.js";
import { POSTGRESQL_TYPES, spellPostgresqlType } from "./postgresql-types.js";
import { postgresqlDdl } from "./postgresql-ddl.js";
import { normalizePostgresqlModel } from "./postgresql-normalize.js";
import { postgresqlStoredDefaults } from "./postgresql-stored-defaults.js";
import { postgresqlStoredPolicies } from "./postgresql-stored-policies.js";
import { postgresqlStoredViewDefinitions } from "./postgresql-view-definitions.js";

export const postgresqlDialect: Dialect = {
  name: "postgresql",
  urlSchemes: ["postgres", "postgresql"],
  defaultSchema: "public",
  capabilities: {
    schemas: true,
    namedEnums: true,
    inlineEnums: false,
    sequences: true,
    transactionalDdl: true,
    alterColumn: true,
    partialIndexes: true,
    expressionIndexes: true,
    indexMethods: ["btree", "hash", "gist", "spgist", "gin", "brin"],
    indexPrefixLengths: false,
    comments: true,
    checkConstraints: true,
    deferrableConstraints: true,
    identityColumns: true,
    generatedColumns: true,
    arrays: true,
    unsignedIntegers: false,
    materializedViews: true,
    notValidConstraints: true,
    nullsNotDistinct: true,
    deferrableKeys: true,
    coveringIndexes: true,
    columnStorage: true,
    onUpdate: false,
    invisibleColumns: false,
    tableOptions: ["unlogged", "rowLevelSecurity", "forceRowLevelSecurity", "partitionBy", "partitionOf", "partitionBound", "inherits"],
    extensions: true,
    domains: true,
    compositeTypes: true,
    concurrentIndexes: true,
    algorithmClauses: false,
    functions: true,
    routineOverloading: true,
    routineSettings: ["language", "volatility", "strict", "security", "parallel", "leakproof", "cost", "rows", "config", "comment", "stateFunction", "stateType", "finalFunction", "initialValue", "combineFunction"],
    defaultSqlSecurity: "invoker",
    triggers: true,
    triggerFunctions: true,
    policies: true,
  },
  nativeTypes: POSTGRESQL_TYPES,
  connect: (url, options) => connectPostgresql(postgresqlDialect, url, options),
  reflect: (connection, options) => reflectPostgresql(connection, options),
  quoteIdentifier: quotePgIdentifier,
  spellType: spellPostgresqlType,
  normalizeModel: normalizePostgresqlModel,
  storedViewDefinitions: postgresqlStoredViewDefinitions,
  storedRoutines: postgresqlStoredRoutines,
  storedPolicies: postgresqlStoredPolicies,
  storedDefaults: postgresqlStoredDefaults,
  nameConstraint: postgresqlStyleConstraintName,
  ddl: postgresqlDdl,
  hazards: postgresqlHazards,
};
