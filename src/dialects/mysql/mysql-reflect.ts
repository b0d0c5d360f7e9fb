import { Enum, MetaData, Table, View, type Column } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { DEFAULT_VERSION_TABLE, type NameFilterType, type ReflectOptions } from "../reflect-options.js";
import {
  queryChecks,
  queryColumns,
  queryForeignKeys,
  queryIndexes,
  queryPartitions,
  queryRelations,
  queryServer,
  type CatalogScope,
} from "./mysql-catalog.js";
import { byName, groupBy } from "./mysql-collections.js";
import { mysqlFlavor } from "./mysql-defaults.js";
import { buildColumn } from "./mysql-reflect-columns.js";
import { buildChecks, buildForeignKeys } from "./mysql-reflect-constraints.js";
import { readMysqlRoutines } from "./mysql-reflect-functions.js";
import { buildKeys, type TableKeys } from "./mysql-reflect-indexes.js";
import { partitionClause } from "./mysql-reflect-partitions.js";
import { reflectTableOptions } from "./mysql-reflect-table-options.js";
import { readMysqlTriggers } from "./mysql-reflect-triggers.js";
import { reflectionWarnings } from "./mysql-reflect-warnings.js";

/**
 * Reads the connected database (`DATABASE()`) into the model in at most ten
 * information_schema queries, whatever the number of tables (three of them
 * for routines, their parameters and triggers; one for partitions, only
 * when a table is partitioned). `includeName`
 * runs on table and view names before anything else is read, and excluded
 * tables are left out of the later queries; it runs on columns, indexes and
 * constraints as they are built. MySQL ENUM values are inline, so no "enum"
 * names are offered to it: an ENUM column's Enum goes with its column.
 */
export async function reflectMysql(connection: DatabaseConnection, options: ReflectOptions = {}): Promise<MetaData> {
  const include = (name: string, type: NameFilterType, tableName?: string) =>
    options.includeName?.(name, type, tableName === undefined ? {} : { tableName, schemaQualifiedTableName: tableName }) ?? true;
  const server = await queryServer(connection);
  if (server.db === null) throw new Error(`${connection.displayUrl} names no database: add one to the URL (mysql://host/db)`);
  const flavor = mysqlFlavor(server.version);
  const relations = (await queryRelations(connection, server.db, options.versionTable ?? DEFAULT_VERSION_TABLE)).sort(byName);
  const tables = relations.filter((r) => (r.type === "BASE TABLE" || r.type === "SYSTEM VERSIONED") && include(r.name, "table"));
  const viewRelations = relations.filter((r) => r.type === "VIEW" && include(r.name, "view"));
  const views = viewRelations.map((r) => new View({ name: r.name, definition: unqualifyViewDefinition(r.definition ?? "", server.db) }));
  const enums: Enum[] = [];
  const [allRoutines, allTriggers] = await Promise.all([readMysqlRoutines(connection, server.db, server.globalSqlMode), readMysqlTriggers(connection, server.db, server.globalSqlMode)]);
  const routines = allRoutines.filter((r) => include(r.name, "function"));
  const relationNames = new Set([...tables, ...viewRelations].map((r) => r.name));
  const triggers = allTriggers.filter((t) => relationNames.has(t.table) && include(t.name, "trigger", t.table));
  const metadata = (reflected: Table[], warnings: string[]) =>
    new MetaData({
      database: { dialect: "mysql" },
      tables: reflected,
      enums,
      views,
      info: {
        serverVersion: server.version,
        // What a table that names no options gets (see compare-table-options).
        tableOptionDefaults: { engine: server.engine, charset: server.charset, collation: server.collation },
        ...(warnings.length ? { reflectionWarnings: warnings } : {}),
      },
      routines,
      triggers,
    });
  const sequences = relations.filter((r) => r.type === "SEQUENCE" && include(r.name, "sequence"));
  if (tables.length === 0) return metadata([], reflectionWarnings([...sequences, ...viewRelations], [], []));

  const scope: CatalogScope = { db: server.db, flavor, tables: tables.map((t) => t.name) };
  // Partitions are read only when a table is partitioned: one more query, whatever their number.
  const partitioned = tables.filter((t) => /\bpartitioned\b/i.test(t.createOptions ?? "")).map((t) => t.name);
  const [columnRows, indexRows, foreignKeyRows, checkRows, partitionRows] = await Promise.all([
    queryColumns(connection, scope),
    queryIndexes(connection, scope),
    queryForeignKeys(connection, scope),
    queryChecks(connection, scope),
    partitioned.length ? queryPartitions(connection, server.db, partitioned) : [],
  ]);
  const partitionsOf = groupBy(partitionRows, (r) => r.tableName);
  const columnsOf = groupBy(columnRows, (r) => r.tableName);
  const indexesOf = groupBy(indexRows, (r) => r.tableName);
  const foreignKeysOf = groupBy(foreignKeyRows, (r) => r.tableName);
  const checksOf = groupBy(checkRows, (r) => r.tableName);
  const enumNames = new Set<string>();

  const reflected = tables.map((relation) => {
    const name = relation.name;
    const rows = columnsOf.get(name) ?? [];
    const longtext = new Set(flavor === "mariadb" ? rows.filter((r) => r.dataType.toLowerCase() === "longtext").map((r) => r.name) : []);
    const { checks, jsonColumns } = buildChecks(checksOf.get(name) ?? [], longtext);
    const enumFor = (column: string, values: string[]) => {
      const enumName = uniqueName(`${name}_${column}`, enumNames);
      enums.push(new Enum({ name: enumName, values }));
      return enumName;
    };
    const columns: Column[] = rows
      .filter((row) => include(row.name, "column", name))
      .map((row) => buildColumn(row, { flavor, tableCollation: relation.collation, jsonColumns, enumFor }));
    const known = new Set(columns.map((c) => c.name));
    const covered = (names: readonly string[]) => names.every((n) => known.has(n));
    const foreignKeys = buildForeignKeys(foreignKeysOf.get(name) ?? [], server.db, flavor).filter(
      (fk) => covered(fk.columns) && include(fk.name!, "foreignKeyConstraint", name),
    );
    const keys = buildKeys(name, indexesOf.get(name) ?? [], foreignKeys, (n, type) => include(n, type, name));
    return new Table({
      name,
      columns,
      primaryKey: keys.primaryKey && covered(keys.primaryKey.columns) ? keys.primaryKey : undefined,
      foreignKeys,
      uniqueConstraints: keys.uniqueConstraints.filter((u) => covered(u.columns)),
      checkConstraints: checks.filter((c) => include(c.name!, "checkConstraint", name)),
      indexes: keys.indexes.filter((i) => covered(i.columnNames)),
      comment: relation.comment || undefined,
      options: { ...reflectTableOptions(relation, server), partitions: partitionClause(partitionsOf.get(name) ?? []) },
      info: tableInfo(keys),
    });
  });
  const included = new Set(reflected.flatMap((t) => t.columns.map((c) => `${t.name}\0${c.name}`)));
  const columnWarnings = columnRows.filter((r) => included.has(`${r.tableName}\0${r.name}`));
  const subpartitioned = reflected.filter((t) => partitioned.includes(t.name) && t.options.partitions === undefined);
  const partitionWarnings = subpartitioned.map((t) => `subpartitioning of table "${t.name}" is not in the model (its partitioning is left out)`);
  return metadata(reflected, [...reflectionWarnings([...sequences, ...tables, ...viewRelations], columnWarnings, indexRows), ...partitionWarnings]);
}

/** `<table>_<column>` unless another ENUM column already took it (`a_b`.`c` vs `a`.`b_c`). */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** Views are stored with every name qualified by the database (`` `db`.`t`.`c` ``): drop it, the model has none. */
export function unqualifyViewDefinition(definition: string, db: string): string {
  return definition.replaceAll(`\`${db.replaceAll("`", "``")}\`.`, "");
}

/** What DDL and comparison need to know of InnoDB's own foreign-key indexes (see buildKeys). */
function tableInfo(keys: TableKeys): Record<string, readonly string[]> | undefined {
  const info = {
    ...(keys.implicitForeignKeyIndexes.length ? { implicitForeignKeyIndexes: keys.implicitForeignKeyIndexes } : {}),
    ...(keys.columnNamedForeignKeyIndexes.length ? { columnNamedForeignKeyIndexes: keys.columnNamedForeignKeyIndexes } : {}),
  };
  return Object.keys(info).length ? info : undefined;
}
