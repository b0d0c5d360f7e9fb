import type { MetaData, SqlType } from "../../model/index.js";
import type { Dialect } from "../dialect.js";
import { mysqlHazards } from "./mysql-hazards.js";
import { mysqlConstraintName } from "./mysql-constraint-names.js";
import { connectMysql } from "./mysql-connection.js";
import { normalizeMysqlModel } from "./mysql-normalize.js";
import { reflectMysql } from "./mysql-reflect.js";
import { MYSQL_NATIVE_TYPES, normalizeMysqlType, spellMysqlType } from "./mysql-types.js";
import { mysqlDdl } from "./mysql-ddl.js";
import { mysqlStoredDefaults } from "./mysql-stored-defaults.js";
import { mysqlStoredViewDefinitions } from "./mysql-view-definitions.js";

/** What the MySQL dialect offers beyond the `Dialect` interface (proposed for the interface). */
export interface MysqlDialectExtras {
  /** Enum references need the model's Enum to spell `ENUM('a','b')`. */
  spellType(type: SqlType, metadata?: MetaData): string;
  /** The type as reflection reads it back after `spellType` (`decimal` → `decimal(10, 0)`). */
  normalizeType(type: SqlType): SqlType;
  /** A `.schema` model as MySQL reads it back: what comparison should hold the database to. */
  normalizeModel(metadata: MetaData): MetaData;
}

/**
 * MySQL 8 and MariaDB 10.2+. Capabilities are the ones both servers share:
 * expression (functional) indexes exist on MySQL 8.0.13+ only, so they are
 * off; MariaDB sequences exist but are not modelled here.
 */
export const mysqlDialect: Dialect & MysqlDialectExtras = {
  name: "mysql",
  urlSchemes: ["mysql", "mariadb"],
  defaultSchema: undefined,
  capabilities: {
    schemas: false,
    namedEnums: false,
    inlineEnums: true,
    sequences: false,
    transactionalDdl: false,
    alterColumn: true,
    partialIndexes: false,
    expressionIndexes: false,
    indexMethods: ["btree", "hash", "fulltext", "spatial"],
    indexPrefixLengths: true,
    comments: true,
    checkConstraints: true,
    deferrableConstraints: false,
    identityColumns: false,
    generatedColumns: true,
    arrays: false,
    unsignedIntegers: true,
    materializedViews: false,
    notValidConstraints: false,
    nullsNotDistinct: false,
    deferrableKeys: false,
    coveringIndexes: false,
    columnStorage: false,
    onUpdate: true,
    invisibleColumns: true,
    tableOptions: ["engine", "rowFormat", "autoIncrement", "charset", "collation", "partitions"],
    extensions: false,
    domains: false,
    compositeTypes: false,
    concurrentIndexes: false,
    algorithmClauses: true,
    functions: true,
    routineOverloading: false,
    routineSettings: ["deterministic", "dataAccess", "security", "sqlMode", "comment"],
    defaultSqlSecurity: "definer",
    triggers: true,
    triggerFunctions: false,
    policies: false,
  },
  nativeTypes: MYSQL_NATIVE_TYPES,
  connect: (url, options) => connectMysql(mysqlDialect, url, options),
  reflect: (connection, options) => reflectMysql(connection, options),
  quoteIdentifier: (name) => `\`${name.replaceAll("`", "``")}\``,
  spellType: spellMysqlType,
  nameConstraint: mysqlConstraintName,
  ddl: mysqlDdl,
  hazards: mysqlHazards,
  normalizeType: normalizeMysqlType,
  normalizeModel: normalizeMysqlModel,
  storedViewDefinitions: mysqlStoredViewDefinitions,
  storedDefaults: mysqlStoredDefaults,
};
