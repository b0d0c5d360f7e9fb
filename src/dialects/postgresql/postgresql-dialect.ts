import type { Dialect } from "../dialect.js";

// Placeholder so the registry compiles; the SQLite work replaces it.
export const postgresqlDialect: Dialect = {
  name: "postgresql",
  urlSchemes: ["postgres", "postgresql"],
  defaultSchema: "public",
  capabilities: {
    schemas: false, namedEnums: false, inlineEnums: false, sequences: false, transactionalDdl: true,
    alterColumn: false, partialIndexes: true, expressionIndexes: true, indexMethods: [], indexPrefixLengths: false,
    comments: false, checkConstraints: true, deferrableConstraints: true, identityColumns: false,
    generatedColumns: true, arrays: false, unsignedIntegers: false, materializedViews: false,
  },
  nativeTypes: [],
  connect: () => Promise.reject(new Error("postgresql: not implemented yet")),
  reflect: () => Promise.reject(new Error("postgresql: not implemented yet")),
  quoteIdentifier: (name) => `"${name.replaceAll('"', '""')}"`,
  spellType: (type) => type.name,
};
