import type { DdlContext } from "../dialects/ddl-compiler.js";
import type { DatabaseConnection } from "../dialects/dialect.js";
import type { MetaData, Table } from "../model/index.js";

/**
 * The DDL context of a live connection: `currentTable` reflects just that
 * table (through the dialect's own reflection, filtered by name so the cost
 * does not grow with the schema), `query` reads the catalog. Build a fresh
 * one per op or reuse it: nothing is cached, so each op sees the database as
 * the statements before it left it.
 */
export function liveDdlContext(connection: DatabaseConnection, options: { metadata?: MetaData } = {}): DdlContext {
  const dialect = connection.dialect;
  return {
    dialect,
    metadata: options.metadata,
    query: (sql, params) => connection.query(sql, params),
    async currentTable(schema, name): Promise<Table | undefined> {
      const inDefault = schema === undefined || schema === dialect.defaultSchema;
      const reflected = await dialect.reflect(connection, {
        includeSchemas: inDefault ? false : [schema],
        includeName: (objectName, type, parent) => {
          if (type === "schema") return objectName === undefined || objectName === schema || inDefault;
          if (type === "table") return objectName === name;
          if (type === "view" || type === "sequence") return false;
          return parent.tableName === undefined || parent.tableName === name;
        },
      });
      return [...reflected.tables.values()].find((t) => t.name === name && (inDefault ? t.schema === undefined || t.schema === dialect.defaultSchema : t.schema === schema));
    },
  };
}
