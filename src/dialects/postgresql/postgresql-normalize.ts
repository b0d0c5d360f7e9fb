import { scalarType, type MetaData, type SqlType } from "../../model/index.js";

/**
 * A model as PostgreSQL reads it back: the server fills in the parameters a
 * type was written without (`numeric(10)` is `numeric(10,0)`, `char` and
 * `bit` are length 1). Everything else PostgreSQL keeps as written.
 */
export function normalizePostgresqlModel(metadata: MetaData): MetaData {
  const tables = [...metadata.tables.values()].map((table) => {
    const columns = table.columns.map((column) => {
      const type = normalizePostgresqlType(column.type);
      return type === column.type ? column : column.with({ type });
    });
    return columns.every((c, i) => c === table.columns[i]) ? table : table.with({ columns });
  });
  return tables.every((t, i) => t === [...metadata.tables.values()][i]) ? metadata : metadata.with({ tables });
}

export function normalizePostgresqlType(type: SqlType): SqlType {
  if (type.kind !== "scalar") return type;
  const extra = { unsigned: type.unsigned, arrayDims: type.arrayDims };
  if (type.name === "decimal" && type.args.length === 1) return scalarType("decimal", [type.args[0], 0], extra);
  if ((type.name === "char" || type.name === "bit") && type.args.length === 0) return scalarType(type.name, [1], extra);
  return type;
}
