import { MetaData, Table, View } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { DEFAULT_VERSION_TABLE, type ReflectOptions } from "../reflect-options.js";
import { readDetails, readObjects, type CatalogDetails } from "./sqlite-catalog.js";
import { buildTable, type NameResolver } from "./sqlite-reflect-table.js";
import { triggerFromSql } from "./sqlite-reflect-triggers.js";
import { virtualTableUsing } from "./sqlite-table-ddl.js";
import { viewDefinition } from "./sqlite-view-ddl.js";

/**
 * Reads a SQLite/libSQL database into the model in four queries whatever its
 * size: the object list, then columns, indexes and foreign keys of every
 * chosen table at once. `includeName` runs on table and view names before
 * any detail is read, so an excluded table costs nothing; SQLite's internal
 * tables, the shadow tables of virtual tables and the version table are
 * never reflected. A virtual table is its `USING` clause alone (its module
 * declares its columns).
 */
export async function reflectSqlite(connection: DatabaseConnection, options: ReflectOptions = {}): Promise<MetaData> {
  const includeName = options.includeName ?? (() => true);
  const objects = await readObjects(connection, options.versionTable ?? DEFAULT_VERSION_TABLE);
  const tables = objects.filter((o) => o.type === "table" && includeName(o.name, "table", {}));
  const views = objects.filter((o) => o.type === "view" && includeName(o.name, "view", {}));
  const relations = new Set([...tables, ...views].map((o) => o.name));
  const warnings: string[] = [];
  const triggers = objects.flatMap((o) => {
    if (o.type !== "trigger" || !relations.has(o.tbl_name) || !includeName(o.name, "trigger", { tableName: o.tbl_name })) return [];
    const trigger = triggerFromSql(o.name, o.tbl_name, o.sql ?? "");
    if (!trigger) warnings.push(`trigger "${o.name}" on "${o.tbl_name}" (its SQL does not read as a trigger) is not in the model`);
    return trigger ? [trigger] : [];
  });
  const indexSql = new Map(objects.flatMap((o) => (o.type === "index" && o.sql ? [[o.name, o.sql] as const] : [])));
  const details = await readDetails(connection, tables.filter((t) => !t.virtual).map((t) => t.name));
  const names = nameResolver(objects.flatMap((o) => (o.type === "index" || o.type === "trigger" ? [] : [o.name])), details);
  return new MetaData({
    database: { dialect: "sqlite" },
    tables: tables.map((t) => {
      if (t.virtual) return new Table({ name: t.name, columns: [], options: { virtual: virtualTableUsing(t.sql ?? "") } });
      const parent = { tableName: t.name, schemaQualifiedTableName: t.name };
      return buildTable(
        {
          name: t.name,
          sql: t.sql ?? "",
          columns: details.columns.get(t.name) ?? [],
          indexes: details.indexes.get(t.name) ?? [],
          foreignKeys: details.foreignKeys.get(t.name) ?? [],
          indexSql,
        },
        names,
        (name, type) => includeName(name, type, parent),
      );
    }),
    views: views.map((v) => new View({ name: v.name, definition: viewDefinition(v.sql ?? "") })),
    triggers,
    ...(warnings.length ? { info: { reflectionWarnings: warnings } } : {}),
  });
}

/**
 * SQLite matches names case-insensitively, so `REFERENCES customers (id)`
 * works against a table `Customers` with a column `ID`: foreign keys name
 * targets as the catalog spells them. Names not in the catalog stay as written.
 */
function nameResolver(objectNames: readonly string[], details: CatalogDetails): NameResolver {
  const tables = new Map(objectNames.map((n) => [n.toLowerCase(), n]));
  const columns = new Map<string, Map<string, string>>();
  for (const [table, rows] of details.columns) {
    columns.set(table.toLowerCase(), new Map(rows.map((r) => [r.name.toLowerCase(), r.name])));
  }
  return {
    table: (name) => tables.get(name.toLowerCase()) ?? name,
    column: (table, name) => columns.get(table.toLowerCase())?.get(name.toLowerCase()) ?? name,
  };
}
