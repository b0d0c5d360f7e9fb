import { deferMode, type Index, type IndexElement, type Table, type UniqueConstraint } from "../model/index.js";
import { CreateIndexOp, CreateUniqueConstraintOp, DropConstraintOp, DropIndexOp, type ModifyTableOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { compareNames, included, parentNames } from "./filters.js";
import { matchByNameOrShape } from "./match-by-name-or-shape.js";
import { nameNewConstraint, releaseConstraintNames } from "./name-new-constraints.js";
import { normalizeSql } from "./normalize-sql.js";
import { columnRenames } from "./renames.js";

/**
 * Unique constraints and indexes, together because databases blur them: a
 * unique constraint is a unique index on MySQL and SQLite, and reflection may
 * give either. A model unique constraint is satisfied by a reflected unique
 * index on the same columns, and the other way round. Indexes are matched by
 * name (the model always names them); a changed index is dropped and created.
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "indexes" })(compareIndexes);
}

function compareIndexes(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable) return;
  const renames = columnRenames(connTable, metaTable);
  const rename = (c: string) => renames.get(c) ?? c;
  const parent = parentNames(schema, tableName);
  const byName = <T extends { readonly name?: string }>(a: T, b: T) => compareNames(a.name ?? "", b.name ?? "");
  const connIndexes = included(ctx, connTable.indexes, "index", true, parent).sort(byName);
  const metaIndexes = included(ctx, metaTable.indexes, "index", false, parent);
  const connUniques = included(ctx, connTable.uniqueConstraints, "uniqueConstraint", true, parent).sort(byName);
  const metaUniques = included(ctx, metaTable.uniqueConstraints, "uniqueConstraint", false, parent);

  const uqShape = (u: UniqueConstraint, translate = false) =>
    JSON.stringify([translate ? u.columns.map(rename) : u.columns, u.nullsNotDistinct ?? false, deferMode(u)]);
  const uniques = matchByNameOrShape(metaUniques, connUniques, (m) => uqShape(m), (c) => uqShape(c, true));
  const indexes = matchByNameOrShape(
    metaIndexes,
    connIndexes,
    (m) => indexShape(m, (c) => c),
    (c) => indexShape(c, rename),
  );

  // A unique constraint on one side and a plain unique index on the other are the same thing
  // (unless the constraint is deferrable: an index never is).
  const plainUniqueShape = (i: Index, translate: (c: string) => string) =>
    i.unique && i.where === undefined && i.include === undefined && i.storage === undefined && i.elements.every((e) => e.kind === "column" && isPlain(e))
      ? JSON.stringify([i.columnNames.map(translate), i.nullsNotDistinct ?? false, ""])
      : undefined;
  const settle = <A, R>(added: A[], removed: R[], addedShape: (a: A) => string | undefined, removedShape: (r: R) => string | undefined) => {
    for (const a of [...added]) {
      const shape = addedShape(a);
      const r = shape === undefined ? undefined : removed.find((r) => removedShape(r) === shape);
      if (r !== undefined) {
        added.splice(added.indexOf(a), 1);
        removed.splice(removed.indexOf(r), 1);
      }
    }
  };
  settle(uniques.added, indexes.removed, (m) => uqShape(m), (c) => plainUniqueShape(c, rename));
  settle(indexes.added, uniques.removed, (m) => plainUniqueShape(m, (c) => c), (c) => uqShape(c, true));

  const dropUnique = (c: UniqueConstraint) => new DropConstraintOp(c.name, tableName, { type: "unique", schema, constraint: c });
  const createUnique = (m: UniqueConstraint, reuse?: string) =>
    new CreateUniqueConstraintOp(tableName, nameNewConstraint(ctx, metaTable, m, reuse), { schema });
  const dropIndex = (c: Index) => new DropIndexOp(c.name, { tableName, schema, index: c });
  for (const [c, m] of uniques.pairs) {
    if (uqShape(c, true) !== uqShape(m)) modifyOps.ops.push(dropUnique(c), createUnique(m, c.name));
  }
  for (const [c, m] of indexes.pairs) {
    if (indexShape(c, rename) !== indexShape(m, (x) => x)) modifyOps.ops.push(dropIndex(c), new CreateIndexOp(tableName, m, { schema }));
  }
  for (const c of uniques.removed) modifyOps.ops.push(dropUnique(c));
  // MySQL: the index InnoDB named after the column of a key created unnamed belongs to that key when
  // the schema's key is unnamed too (strata creates it unnamed, and InnoDB names its index the same way).
  const keyOwned = (c: Index) =>
    ((connTable.info.columnNamedForeignKeyIndexes ?? []) as readonly string[]).includes(c.name) &&
    metaTable.foreignKeys.some((fk) => fk.name === undefined && JSON.stringify(fk.columns.map(rename)) === JSON.stringify(c.columnNames));
  for (const c of indexes.removed) if (!keyOwned(c)) modifyOps.ops.push(dropIndex(c));
  releaseConstraintNames(ctx, metaTable, [...uniques.removed, ...indexes.removed]);
  for (const m of uniques.added) modifyOps.ops.push(createUnique(m));
  for (const m of indexes.added) modifyOps.ops.push(new CreateIndexOp(tableName, m, { schema }));
}

/** NULLS LAST is the default for ascending order and NULLS FIRST for descending: saying so changes nothing. */
function nullsOrder(e: IndexElement & { kind: "column" }): string {
  const implied = e.order === "desc" ? "first" : "last";
  return e.nulls === undefined || e.nulls === implied ? "" : e.nulls;
}

function isPlain(e: IndexElement & { kind: "column" }): boolean {
  return e.order !== "desc" && nullsOrder(e) === "" && e.length === undefined && e.opclass === undefined;
}

/** Everything that makes two indexes the same index, as one comparable string. */
export function indexShape(index: Index, rename: (column: string) => string): string {
  const elements = index.elements.map((e) =>
    e.kind === "expression"
      ? ["expr", normalizeSql(e.sql)]
      : ["col", rename(e.name), e.order ?? "asc", nullsOrder(e), e.length ?? "", e.opclass ?? ""],
  );
  const using = index.using === undefined || index.using === "btree" ? "" : index.using;
  const where = index.where === undefined ? "" : normalizeSql(index.where);
  const storage = (index.storage ?? "").replace(/\s+/g, "");
  return JSON.stringify([elements, index.unique, where, using, (index.include ?? []).map(rename), storage, index.nullsNotDistinct ?? false]);
}
