import { Column, ForeignKeyConstraint, Index, PrimaryKeyConstraint, type MetaData, type Table } from "../../model/index.js";
import { normalizeMysqlType } from "./mysql-types.js";

/**
 * A model as MySQL reads it back once its DDL ran: what comparison should
 * hold a `.schema` model to, so that spellings MySQL does not keep never
 * show up as changes (property 4). Pure; reflection output passes through
 * unchanged.
 * - types: `normalizeMysqlType` (`decimal` → `decimal(10, 0)`, `uuid` → `char(36)`);
 * - `@default(null)` is no default (MySQL cannot tell them apart);
 * - `restrict` is `noAction` (InnoDB checks both at once; MariaDB reports
 *   an unspecified action as RESTRICT);
 * - the primary key has no name (MySQL always calls it PRIMARY);
 * - `using: btree` is the default index method, i.e. none.
 */
export function normalizeMysqlModel(metadata: MetaData): MetaData {
  return metadata.with({ tables: [...metadata.tables.values()].map(normalizeTable) });
}

function normalizeTable(table: Table): Table {
  return table.with({
    columns: table.columns.map(normalizeColumn),
    primaryKey: table.primaryKey && new PrimaryKeyConstraint({ columns: table.primaryKey.columns, info: table.primaryKey.info }),
    foreignKeys: table.foreignKeys.map(
      (fk) =>
        new ForeignKeyConstraint({
          ...fk,
          onDelete: fk.onDelete === "restrict" ? undefined : fk.onDelete,
          onUpdate: fk.onUpdate === "restrict" ? undefined : fk.onUpdate,
        }),
    ),
    indexes: table.indexes.map((index) =>
      index.using?.toLowerCase() === "btree" ? new Index({ ...index, using: undefined }) : index,
    ),
  });
}

function normalizeColumn(column: Column): Column {
  const nullDefault = column.default?.kind === "literal" && column.default.value === null;
  return column.with({ type: normalizeMysqlType(column.type), default: nullDefault ? undefined : column.default });
}
