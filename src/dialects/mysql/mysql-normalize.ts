import {
  defaults,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  scalarType,
  tableKey,
  type Column,
  type MetaData,
  type SqlType,
  type Table,
} from "../../model/index.js";
import { canonicalMysqlDefault } from "./mysql-defaults.js";
import { normalizeMysqlType } from "./mysql-types.js";

/**
 * A model as MySQL reads it back once its DDL ran: what comparison should
 * hold a `.schema` model to, so that spellings MySQL does not keep never
 * show up as changes (property 4). Pure; reflection output passes through
 * unchanged.
 * - types: `normalizeMysqlType` (`decimal` → `decimal(10, 0)`, `uuid` → `char(36)`);
 * - `@default(null)` is no default (MySQL cannot tell them apart); other
 *   defaults are the canonical values reflection reads (`canonicalMysqlDefault`);
 * - `restrict` is `noAction` (InnoDB checks both at once; MariaDB reports
 *   an unspecified action as RESTRICT);
 * - the primary key has no name (MySQL always calls it PRIMARY);
 * - `using: btree` is the default index method, i.e. none;
 * - enums live on their columns: an enum-typed column becomes the scalar
 *   `enum('a','b')` carrying its values, and the model keeps no Enum objects,
 *   so a migration carries the values it needs (a later model's values are
 *   not the ones an old migration created).
 */
export function normalizeMysqlModel(metadata: MetaData): MetaData {
  const inlineEnum = (type: SqlType): SqlType => {
    if (type.kind !== "enum") return type;
    const values = metadata.enums.get(tableKey(type))?.values;
    return values ? scalarType("enum", values) : type;
  };
  return metadata.with({
    tables: [...metadata.tables.values()].map((table) => normalizeTable(table, inlineEnum)),
    enums: [],
  });
}

function normalizeTable(table: Table, inlineEnum: (type: SqlType) => SqlType): Table {
  return table.with({
    columns: table.columns.map((column) => normalizeColumn(column, inlineEnum)),
    primaryKey: table.primaryKey && new PrimaryKeyConstraint({ columns: table.primaryKey.columns, info: table.primaryKey.info }),
    foreignKeys: table.foreignKeys.map(
      (fk) =>
        new ForeignKeyConstraint({
          ...fk,
          info: fk.info,
          onDelete: fk.onDelete === "restrict" ? undefined : fk.onDelete,
          onUpdate: fk.onUpdate === "restrict" ? undefined : fk.onUpdate,
        }),
    ),
    indexes: table.indexes.map((index) =>
      index.using?.toLowerCase() === "btree" ? new Index({ ...index, info: index.info, using: undefined }) : index,
    ),
  });
}

function normalizeColumn(column: Column, inlineEnum: (type: SqlType) => SqlType): Column {
  const nullDefault = column.default?.kind === "literal" && column.default.value === null;
  const type = normalizeMysqlType(inlineEnum(column.type));
  // An enum default names a value; on an inline enum column it is that string.
  const value = column.default?.kind === "enum" && type.kind === "scalar" ? defaults.literal(column.default.value) : column.default;
  const onUpdate = column.onUpdate && canonicalMysqlDefault(column.onUpdate, type);
  return column.with({ type, default: nullDefault ? undefined : canonicalMysqlDefault(value, type), onUpdate });
}
