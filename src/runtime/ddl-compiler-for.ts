import type { DdlCompiler } from "../dialects/ddl-compiler.js";
import type { Dialect } from "../dialects/dialect.js";
import { mysqlDdl } from "../dialects/mysql/mysql-ddl.js";
import { postgresqlDdl } from "../dialects/postgresql/postgresql-ddl.js";
import { sqliteDdl } from "../dialects/sqlite/sqlite-ddl.js";

const COMPILERS: Readonly<Record<string, DdlCompiler>> = {
  postgresql: postgresqlDdl,
  mysql: mysqlDdl,
  sqlite: sqliteDdl,
};

/**
 * The DDL compiler of a dialect: `dialect.ddl` once the Dialect interface
 * carries it, until then the three built-in compilers by name.
 */
export function ddlCompilerFor(dialect: Dialect): DdlCompiler {
  const compiler = (dialect as Dialect & { readonly ddl?: DdlCompiler }).ddl ?? COMPILERS[dialect.name];
  if (!compiler) throw new Error(`dialect "${dialect.name}" has no DDL compiler`);
  return compiler;
}
