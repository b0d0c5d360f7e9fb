import { CompositeType, MetaData, Table, View, type Sequence, type TableOptions } from "../../model/index.js";
import type { DatabaseConnection } from "../dialect.js";
import { DEFAULT_VERSION_TABLE, type NameFilterType, type ReflectOptions } from "../reflect-options.js";
import { catalogScope, modelSchema } from "./postgresql-catalog-scope.js";
import { readDomains } from "./postgresql-reflect-domains.js";
import { readExtensions } from "./postgresql-reflect-extensions.js";
import { readColumns } from "./postgresql-reflect-columns.js";
import { buildConstraints, readConstraints } from "./postgresql-reflect-constraints.js";
import { indexFromRow, readIndexes } from "./postgresql-reflect-indexes.js";
import { listEnums, listRelations, listSchemas, readRelationDetails, type RelationRow, type SchemaRow } from "./postgresql-reflect-relations.js";
import { identityOptionsFromRow, readSequenceDetails, sequenceFromRow } from "./postgresql-reflect-sequences.js";
import { readRoutines } from "./postgresql-reflect-functions.js";
import { readPolicies } from "./postgresql-reflect-policies.js";
import { readTriggers } from "./postgresql-reflect-triggers.js";

/**
 * Reads the live database into the model in thirteen catalog queries, however
 * many tables there are: eight listings (relations, enums, schemas,
 * extensions, domains, routines, triggers, policies), then one query per kind of
 * detail for every kept table at once. `includeName` runs on the
 * listing, so excluded tables never reach the detail queries. The queries of
 * each phase are pipelined on the one connection.
 */
export async function reflectPostgresql(connection: DatabaseConnection, options: ReflectOptions = {}): Promise<MetaData> {
  const scope = catalogScope(options);
  const includeName = options.includeName ?? (() => true);
  const versionTable = options.versionTable ?? DEFAULT_VERSION_TABLE;
  const [relations, allEnums, allSchemas, allExtensions, allDomains, allRoutines, allTriggers, allPolicies] = await Promise.all([
    listRelations(connection, scope),
    listEnums(connection, scope),
    listSchemas(connection, scope),
    readExtensions(connection),
    readDomains(connection, scope),
    readRoutines(connection, scope),
    readTriggers(connection, scope),
    readPolicies(connection, scope),
  ]);

  const schemaWanted = memo((schema: string | undefined) => includeName(schema, "schema", {}));
  const wanted = (name: string, schema: string | undefined, type: NameFilterType) =>
    schemaWanted(schema) && includeName(name, type, schema !== undefined ? { schemaName: schema } : {});

  const tables = relations.filter(
    (r) => (r.kind === "r" || r.kind === "p") && r.name !== versionTable && wanted(r.name, modelSchema(r.schema), "table"),
  );
  const views = relations.filter((r) => (r.kind === "v" || r.kind === "m") && wanted(r.name, modelSchema(r.schema), "view"));
  const keptTableOids = new Set(tables.map((t) => t.oid));
  const materializedOids = views.filter((v) => v.kind === "m").map((v) => v.oid);
  const composites = relations.filter((r) => r.kind === "c" && wanted(r.name, modelSchema(r.schema), "compositeType"));
  // Sequences that belong to a column are not objects of their own: identity
  // sequences never, serial ones once their column reads as autoincrement,
  // and those of excluded tables go with their table. An owned sequence that
  // `serial` would not create (a bigint one on an integer column, another
  // start...) stays a sequence of its own and its column keeps the nextval
  // default, so the rebuilt catalog is the same.
  const ownedSequences = new Map(
    relations
      .filter((r) => r.kind === "S" && r.owner_deptype === "a" && r.serial_shaped && r.owner_oid !== null && keptTableOids.has(r.owner_oid))
      .map((r) => [`${r.owner_oid}:${r.owner_column}`, r.regclass ?? ""]),
  );
  const sequences = relations.filter(
    (r) =>
      r.kind === "S" &&
      r.owner_deptype !== "i" &&
      (r.owner_oid === null || keptTableOids.has(r.owner_oid)) &&
      wanted(r.name, modelSchema(r.schema), "sequence"),
  );
  const enums = allEnums.filter((e) => wanted(e.name, e.schema, "enum"));
  const extensions = allExtensions.filter((e) => includeName(e.name, "extension", {}));
  const domains = allDomains.filter((d) => wanted(d.name, d.schema, "domain"));
  const schemaNames = allSchemas
    .filter((s) => s.in_scope && schemaWanted(modelSchema(s.name)))
    .flatMap((s) => modelSchema(s.name) ?? []);
  // The default schema is not declared, so its comment (PostgreSQL's own "standard public schema") is not either.
  const schemaComments = allSchemas.flatMap((s): Array<[string, string]> => {
    const schema = modelSchema(s.name);
    return schema !== undefined && s.comment !== null && schemaNames.includes(schema) ? [[schema, s.comment]] : [];
  });
  const skippedSchemas = allSchemas.flatMap((s) => {
    if (!s.has_objects) return [];
    if (!s.in_scope) return [`schema "${s.name}" is outside includeSchemas: its objects were skipped`];
    if (!schemaWanted(modelSchema(s.name))) return [`schema "${s.name}" is excluded by includeName: its objects were skipped`];
    return [];
  });

  // Identity sequences are read with the others: their options belong to their column.
  const identitySequences = relations.filter(
    (r) => r.kind === "S" && r.owner_deptype === "i" && r.owner_oid !== null && keptTableOids.has(r.owner_oid),
  );
  const tableOids = [...keptTableOids];
  const [details, reflectedColumns, constraints, indexes, sequenceDetails] = await Promise.all([
    readRelationDetails(connection, [...tableOids, ...views.map((v) => v.oid)]),
    readColumns(connection, [...tableOids, ...composites.map((c) => c.oid)], ownedSequences),
    readConstraints(connection, tableOids),
    readIndexes(connection, [...tableOids, ...materializedOids]),
    readSequenceDetails(connection, [...sequences, ...identitySequences].map((s) => s.oid)),
  ]);

  const { columns } = reflectedColumns;
  const identityOids = new Map(identitySequences.map((s) => [`${s.owner_oid}:${s.owner_column}`, s.oid]));
  const warnings: string[] = [];
  const routines = allRoutines.routines.filter((r) => wanted(r.name, r.schema, "function"));
  const keptRelations = new Set([...keptTableOids, ...views.map((v) => v.oid)]);
  const triggers = allTriggers.triggers.filter((t) => keptRelations.has(t.tableOid) && wanted(t.trigger.name, t.trigger.schema, "trigger"));
  const policies = allPolicies.filter((p) => keptTableOids.has(p.tableOid) && wanted(p.policy.name, p.policy.schema, "policy")).map((p) => p.policy);
  for (const what of [...allRoutines.unsupported, ...allTriggers.unsupported]) warnings.push(`${what} is not in the model`);
  warnings.push(...unsupportedObjects(relations, allSchemas, (row) => wanted(row.name, modelSchema(row.schema), row.kind === "v" || row.kind === "m" ? "view" : "table"), schemaWanted));
  const modelTables = tables.map((row) => {
    const schema = modelSchema(row.schema);
    const where = `table "${qualifiedName(row)}"`;
    const parent = parentNamesOf(row);
    const keep = (name: string, type: NameFilterType) => includeName(name, type, parent);
    // A partition's columns are all its parent's, even those of a table attached as one.
    const ownColumns = row.partition_bound === null ? (columns.get(row.oid) ?? []) : [];
    const tableColumns = ownColumns.filter((c) => keep(c.name, "column")).map((c) => {
      const sequence = c.identity && identityOids.get(`${row.oid}:${c.name}`);
      const detail = sequence ? sequenceDetails.get(sequence) : undefined;
      return detail ? c.with({ identityOptions: identityOptionsFromRow(detail) }) : c;
    });
    const tableConstraints = buildConstraints(constraints.get(row.oid) ?? [], keep);
    const tableIndexes = (indexes.get(row.oid) ?? []).filter((i) => keep(i.name, "index"));
    // FORCE without ENABLE has no effect until RLS is enabled; the language writes FORCE as a flag of @@rowLevelSecurity.
    if (row.force_row_security && !row.row_security) warnings.push(`FORCE ROW LEVEL SECURITY (without ENABLE) of ${where} is not in the model`);
    for (const what of tableConstraints.unsupported) warnings.push(`${what} on ${where} is not in the model`);
    const comment = details.get(row.oid)?.comment ?? undefined;
    return new Table({
      name: row.name,
      schema,
      columns: tableColumns,
      primaryKey: tableConstraints.primaryKey,
      foreignKeys: tableConstraints.foreignKeys,
      uniqueConstraints: tableConstraints.uniqueConstraints,
      checkConstraints: tableConstraints.checkConstraints,
      indexes: tableIndexes.map(indexFromRow),
      options: {
        unlogged: row.persistence === "u",
        rowLevelSecurity: row.row_security,
        forceRowLevelSecurity: row.row_security && row.force_row_security,
        ...partitioning(row),
      },
      ...(comment !== undefined ? { comment } : {}),
    });
  });

  const serialColumns = new Set(
    [...columns].flatMap(([oid, list]) => list.filter((c) => c.default?.kind === "autoincrement").map((c) => `${oid}:${c.name}`)),
  );
  const modelSequences: Sequence[] = sequences
    .filter((s) => !(s.owner_deptype === "a" && serialColumns.has(`${s.owner_oid}:${s.owner_column}`)))
    .map((s) => sequenceFromRow(sequenceDetails.get(s.oid)!, { name: s.name, schema: modelSchema(s.schema), ownedBy: ownedBy(s) }));

  const modelViews = views.flatMap((row) => {
      const detail = details.get(row.oid);
      const definition = (detail?.definition ?? "").trim().replace(/;$/, "");
      if (readsItself(row, definition)) {
        warnings.push(`${row.kind === "m" ? "materialized view" : "view"} "${qualifiedName(row)}" reads itself (CREATE OR REPLACE over an older view makes one; no migration can create it) and is not in the model`);
        return [];
      }
      return [new View({
        name: row.name,
        schema: modelSchema(row.schema),
        definition,
        materialized: row.kind === "m",
        indexes: (indexes.get(row.oid) ?? []).filter((i) => includeName(i.name, "index", parentNamesOf(row))).map(indexFromRow),
        withNoData: !row.populated,
        ...(detail?.comment != null ? { comment: detail.comment } : {}),
      })];
  });

  return new MetaData({
    database: { dialect: "postgresql" },
    tables: modelTables,
    enums,
    views: modelViews,
    sequences: modelSequences,
    extensions,
    domains,
    compositeTypes: composites.map(
      (row) => new CompositeType({ name: row.name, schema: modelSchema(row.schema), attributes: columns.get(row.oid) ?? [] }),
    ),
    routines,
    triggers: triggers.map((t) => t.trigger),
    policies,
    declaredSchemas: schemaNames,
    schemaComments,
    // schemaNames: the schemas that exist, empty ones included (the model's `schemas` only sees those with objects).
    // skippedSchemas: what the scope left out, which every command names.
    info: {
      schemaNames,
      ...(skippedSchemas.length ? { skippedSchemas } : {}),
      ...(warnings.length ? { reflectionWarnings: warnings } : {}),
    },
  });
}

/** `orders`, or `audit.orders` outside the default schema. */
function qualifiedName(row: { schema: string; name: string }): string {
  const schema = modelSchema(row.schema);
  return schema !== undefined ? `${schema}.${row.name}` : row.name;
}

/** PARTITION BY, PARTITION OF and INHERITS, as table options. */
function partitioning(row: RelationRow): TableOptions {
  const parents = (row.parents ?? []).map((p) => qualifiedName(p));
  return {
    ...(row.partition_key !== null ? { partitionBy: row.partition_key } : {}),
    ...(row.partition_bound !== null ? { partitionOf: parents[0], partitionBound: row.partition_bound } : parents.length ? { inherits: parents.join(", ") } : {}),
  };
}

/** What the model cannot hold yet, by name: foreign tables, rules, user-defined casts. */
function unsupportedObjects(
  relations: readonly RelationRow[],
  schemas: readonly SchemaRow[],
  wanted: (row: RelationRow) => boolean,
  schemaWanted: (schema: string | undefined) => boolean,
): string[] {
  const out: string[] = [];
  for (const row of relations) {
    // includeName is asked only about what has something to report: it already ran once for every table and view.
    if ((row.kind !== "f" && !row.rules?.length) || !wanted(row)) continue;
    if (row.kind === "f") out.push(`foreign table "${qualifiedName(row)}" (server ${row.foreign_server ?? "?"}) is not in the model`);
    for (const rule of row.rules ?? []) out.push(`rule "${rule}" on "${qualifiedName(row)}" is not in the model`);
  }
  for (const schema of schemas) {
    if (!schema.in_scope || !schemaWanted(modelSchema(schema.name))) continue;
    for (const cast of schema.casts ?? []) out.push(`${cast} is not in the model`);
  }
  return out;
}

/** A view whose query reads the view itself: PostgreSQL keeps one made by CREATE OR REPLACE, but none can be created. */
function readsItself(row: RelationRow, definition: string): boolean {
  const quote = (name: string) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);
  const schema = modelSchema(row.schema);
  const self = `${schema !== undefined ? `${quote(row.schema)}.` : ""}${quote(row.name)}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b(?:FROM|JOIN)\\s+${self}(?![\\w$."])`, "i").test(definition);
}

/** What includeName is told about the table (or materialized view) an index or column belongs to. */
function parentNamesOf(row: { schema: string; name: string }) {
  const schema = modelSchema(row.schema);
  return { tableName: row.name, ...(schema !== undefined ? { schemaName: schema } : {}), schemaQualifiedTableName: qualifiedName(row) };
}

/** `orders.id`, or `audit.orders.id` outside the default schema. */
function ownedBy(row: RelationRow): string | undefined {
  if (row.owner_schema === null || row.owner_table === null || row.owner_column === null) return undefined;
  return `${qualifiedName({ schema: row.owner_schema, name: row.owner_table })}.${row.owner_column}`;
}

function memo<K, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
