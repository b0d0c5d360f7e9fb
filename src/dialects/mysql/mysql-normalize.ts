import {
  defaults,
  Index,
  PrimaryKeyConstraint,
  scalarType,
  tableKey,
  type Column,
  withUnspecifiedAction,
  type MetaData,
  type ReferentialAction,
  type SqlType,
  type Table,
} from "../../model/index.js";
import { canonicalMysqlDefault, mysqlFlavor } from "./mysql-defaults.js";
import { UNSPECIFIED_ACTION } from "./mysql-reflect-constraints.js";
import { normalizeMysqlType } from "./mysql-types.js";

/**
 * A model as MySQL reads it back once its DDL ran: what comparison should
 * hold a `.schema` model to, so that spellings MySQL does not keep never
 * show up as changes (property 4). Pure; reflection output passes through
 * unchanged.
 * - types: `normalizeMysqlType` (`decimal` → `decimal(10, 0)`, `uuid` →
 *   `char(36)`, `tinyint(1)` → `boolean`, default display widths dropped);
 * - `@default(null)` is no default (MySQL cannot tell them apart); other
 *   defaults are the canonical values reflection reads (`canonicalMysqlDefault`);
 * - a foreign key's action that the server reports for an unspecified one
 *   (MariaDB: RESTRICT, MySQL 8: NO ACTION) is unspecified; the other is
 *   kept, since the catalog shows it (`serverVersion` tells them apart; with
 *   no server, both stay as written);
 * - the primary key has no name (MySQL always calls it PRIMARY);
 * - `using: btree` is the default index method, i.e. none;
 * - enums live on their columns: an enum-typed column becomes the scalar
 *   `enum('a','b')` carrying its values, and the model keeps no Enum objects,
 *   so a migration carries the values it needs (a later model's values are
 *   not the ones an old migration created).
 */
export function normalizeMysqlModel(metadata: MetaData, serverVersion?: string): MetaData {
  const flavor = serverVersion === undefined ? undefined : mysqlFlavor(serverVersion);
  const unspecified = flavor && UNSPECIFIED_ACTION[flavor];
  const inlineEnum = (type: SqlType): SqlType => {
    if (type.kind !== "enum") return type;
    const values = metadata.enums.get(tableKey(type))?.values;
    return values ? scalarType("enum", values) : type;
  };
  return metadata.with({
    tables: [...metadata.tables.values()].map((table) => normalizeTable(table, (type) => normalizeMysqlType(inlineEnum(type), flavor), unspecified)),
    enums: [],
  });
}

function normalizeTable(table: Table, typeOf: (type: SqlType) => SqlType, unspecified: ReferentialAction | undefined): Table {
  return table.with({
    columns: table.columns.map((column) => normalizeColumn(column, typeOf)),
    primaryKey: table.primaryKey && new PrimaryKeyConstraint({ columns: table.primaryKey.columns, info: table.primaryKey.info }),
    foreignKeys: unspecified ? table.foreignKeys.map((fk) => withUnspecifiedAction(fk, unspecified)) : table.foreignKeys,
    indexes: table.indexes.map((index) =>
      index.using?.toLowerCase() === "btree" ? new Index({ ...index, info: index.info, using: undefined }) : index,
    ),
  });
}

function normalizeColumn(column: Column, typeOf: (type: SqlType) => SqlType): Column {
  const nullDefault = column.default?.kind === "literal" && column.default.value === null;
  const type = typeOf(column.type);
  // An enum default names a value; on an inline enum column it is that string.
  const value = column.default?.kind === "enum" && type.kind === "scalar" ? defaults.literal(column.default.value) : column.default;
  const onUpdate = column.onUpdate && canonicalMysqlDefault(column.onUpdate, type);
  return column.with({ type, default: nullDefault ? undefined : canonicalMysqlDefault(value, type), onUpdate });
}
