import { Sequence, sortTables, tableKey, type ForeignKeyConstraint, type MetaData, type Table } from "../model/index.js";
import {
  AddColumnOp,
  AddEnumValueOp,
  AlterColumnOp,
  AlterSequenceOp,
  CreateCheckConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateSequenceOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropEnumValueOp,
  ReorderEnumValuesOp,
  DropIndexOp,
  DropSchemaOp,
  DropSequenceOp,
  DropTableCommentOp,
  DropTableOp,
  ModifyTableOps,
  RenameTableOp,
  type MigrateOperation,
} from "../ops/index.js";
import { compareNames } from "./filters.js";
import { dependencyOrder, mentions, Phase, type OrderedObject } from "./order-objects.js";
import { orderedKindOf } from "./ordered-kinds.js";

/**
 * Puts the upgrade ops in an order a database accepts, the same order for
 * the same input. New schemas come before everything, dropped ones after
 * everything (their objects are created after and dropped before them).
 * Enums and sequences come first and go last. Objects that depend on
 * others by name (extensions, domains, functions, views, triggers,
 * policies: ordered-kinds.ts) are created in dependency order
 * (order-objects.ts), so a domain over another domain or over an
 * extension's type comes after it whatever their names. Those that need no
 * table that this migration creates, renames or changes come right after
 * the enums and sequences (an extension, a domain, a function a check
 * calls), the rest after every table change (a view, a trigger, a policy, a
 * function returning a new table's rows); drops mirror this, so the
 * downgrade does too: those of objects that stand with tables (or make room
 * for a new object of the same key) go first, before any create but new
 * schemas, the rest after the table changes.
 * Then renames, then
 * foreign keys that must go before what they reference changes, then new
 * tables (parents first; a foreign-key cycle is broken by creating those
 * keys after the tables), dropped tables (children first), changes to
 * existing tables (parents first), the deferred foreign keys, and removed
 * enum values and types. A sequence owned by a column this migration
 * creates or drops is owned after the table changes, or disowned before them
 * (see ownershipAroundColumns). The downgrade, being the reverse, keeps all of this.
 * Ops of classes this file does not know keep their relative order, last
 * but for dropped schemas.
 */
export function orderOps(ops: readonly MigrateOperation[], database: MetaData, target: MetaData): MigrateOperation[] {
  const schemas = { create: [] as CreateSchemaOp[], drop: [] as DropSchemaOp[] };
  const top = { types: [] as MigrateOperation[], enumValues: [] as AddEnumValueOp[], renames: [] as RenameTableOp[] };
  const creates: CreateTableOp[] = [];
  const drops: DropTableOp[] = [];
  const blocks = new Map<string, ModifyTableOps>();
  const late = { dropValues: [] as Array<DropEnumValueOp | ReorderEnumValuesOp>, dropTypes: [] as MigrateOperation[], other: [] as MigrateOperation[] };
  const objects = { creates: [] as Described[], drops: [] as Described[] };
  const ownership = ownershipAroundColumns(ops);

  for (const op of ownership.ops) {
    const kind = orderedKindOf(op);
    if (kind) objects[kind.creates ? "creates" : "drops"].push({ op, object: kind.describe(op, database) });
    else if (op instanceof CreateSchemaOp) schemas.create.push(op);
    else if (op instanceof DropSchemaOp) schemas.drop.push(op);
    else if (op instanceof CreateEnumOp || op instanceof CreateSequenceOp || op instanceof AlterSequenceOp) top.types.push(op);
    else if (op instanceof AddEnumValueOp) top.enumValues.push(op);
    else if (op instanceof RenameTableOp) top.renames.push(op);
    else if (op instanceof CreateTableOp) creates.push(op);
    else if (op instanceof DropTableOp) drops.push(op);
    else if (op instanceof ModifyTableOps) {
      const key = tableKey({ schema: op.schema, name: op.tableName });
      const block = blocks.get(key);
      if (block) block.ops.push(...op.ops);
      else blocks.set(key, new ModifyTableOps(op.tableName, op.ops, { schema: op.schema }));
    } else if (op instanceof DropEnumValueOp || op instanceof ReorderEnumValuesOp) late.dropValues.push(op);
    else if (op instanceof DropEnumOp || op instanceof DropSequenceOp) late.dropTypes.push(op);
    else late.other.push(op);
  }

  const created = orderCreates(creates);
  const dropped = orderDrops(drops);
  const droppedKeys = new Set(drops.map((d) => tableKey({ schema: d.schema, name: d.tableName })));
  const modified = orderModifies(blocks, target, droppedKeys, top.renames);
  const changedTables = [...blocks.values()].map((b) => b.tableName);
  const newObjects = byTables(
    objects.creates,
    [...creates.map((c) => c.table.name), ...top.renames.map((r) => r.newTableName), ...changedTables],
    undefined,
    new Set(creates.map((c) => c.table.key)),
  );
  // A drop making room for a create of the same key (a routine whose signature changed) goes before every create.
  const recreated = new Set(objects.creates.map((c) => c.object.key));
  const oldObjects = byTables(
    objects.drops,
    [...drops.map((d) => d.tableName), ...top.renames.map((r) => r.oldTableName), ...changedTables],
    (d) => recreated.has(d.object.key),
    droppedKeys,
  );

  return [
    ...sortByKey(schemas.create, (op) => op.schemaName),
    ...inDependencyOrder(oldObjects.tied).reverse(),
    ...sortByKey(top.types, keyOfType),
    ...ownership.disowners,
    ...stableSortByKey(top.enumValues, (op) => tableKey({ schema: op.schema, name: op.enumName })),
    ...inDependencyOrder(newObjects.free),
    ...modified.hoisted,
    ...top.renames,
    ...created.tables,
    ...dropped,
    ...modified.blocks,
    ...ownership.owners,
    ...created.deferred,
    ...modified.deferred,
    ...inDependencyOrder(oldObjects.free).reverse(),
    ...late.dropValues,
    ...sortByKey(late.dropTypes, keyOfType),
    ...inDependencyOrder(newObjects.tied),
    ...late.other,
    ...sortByKey(schemas.drop, (op) => op.schemaName),
  ];
}

/**
 * CREATE SEQUENCE ... OWNED BY needs its column, and dropping a column drops
 * the sequence it owns. So a sequence owned by a column the ops create (a new
 * table's or an added one) is created unowned and given its owner once the
 * column exists (`owners`, after the table changes); one dropped with its
 * column is disowned first (`disowners`, before them) and dropped after.
 */
function ownershipAroundColumns(ops: readonly MigrateOperation[]): { ops: MigrateOperation[]; owners: AlterSequenceOp[]; disowners: AlterSequenceOp[] } {
  const created = new Set<string>();
  const dropped = new Set<string>();
  const droppedTables = new Set<string>();
  for (const op of ops) {
    if (op instanceof CreateTableOp) for (const column of op.table.columns) created.add(`${op.table.key}.${column.name}`);
    if (op instanceof DropTableOp) droppedTables.add(tableKey({ schema: op.schema, name: op.tableName }));
    if (op instanceof ModifyTableOps) {
      const table = tableKey({ schema: op.schema, name: op.tableName });
      for (const inner of op.ops) {
        if (inner instanceof AddColumnOp) created.add(`${table}.${inner.column.name}`);
        if (inner instanceof DropColumnOp) dropped.add(`${table}.${inner.columnName}`);
      }
    }
  }
  const goesWithColumn = (ownedBy: string) => dropped.has(ownedBy) || droppedTables.has(ownedBy.slice(0, ownedBy.lastIndexOf(".")));
  const owners: AlterSequenceOp[] = [];
  const disowners: AlterSequenceOp[] = [];
  const out = ops.map((op) => {
    if (op instanceof CreateSequenceOp && op.sequence.ownedBy !== undefined && created.has(op.sequence.ownedBy)) {
      owners.push(new AlterSequenceOp(unowned(op.sequence), op.sequence));
      return new CreateSequenceOp(unowned(op.sequence));
    }
    if (op instanceof DropSequenceOp && op.sequence?.ownedBy !== undefined && goesWithColumn(op.sequence.ownedBy)) {
      disowners.push(new AlterSequenceOp(op.sequence, unowned(op.sequence)));
      return new DropSequenceOp(op.sequenceName, { schema: op.schema, sequence: unowned(op.sequence) });
    }
    return op;
  });
  return { ops: out, owners, disowners };
}

function unowned(sequence: Sequence): Sequence {
  const { name, schema, start, increment, minValue, maxValue, cache, cycle, info } = sequence;
  return new Sequence({ name, schema, start, increment, minValue, maxValue, cache, cycle, info });
}

interface Described {
  readonly op: MigrateOperation;
  readonly object: OrderedObject;
}

/**
 * `tied`: the objects that stand with or after tables (views, triggers),
 * that name one of `tables`, that `alsoTied` says, or that name another tied
 * object; they are created after the tables' changes and dropped before them
 * (and before anything is created). `free`: the rest (a function only a
 * check calls), created before tables and dropped after them.
 */
function byTables(
  items: readonly Described[],
  tables: readonly string[],
  alsoTied: (item: Described) => boolean = () => false,
  rowTypes: ReadonlySet<string> = new Set(),
): { free: Described[]; tied: Described[] } {
  // Extensions and types (domains) never wait for a table: columns need them. A name their text seems
  // to share with a table is a schema's (`test.tsvector_not_null` in a database with a table `test`).
  // A type built on a new table's row type (`CREATE DOMAIN d AS projects`) is the exception: it waits for that table.
  const canTie = (item: Described) => item.object.phase >= Phase.function;
  const onRowType = (item: Described) => (item.object.types ?? []).some((t) => rowTypes.has(t.replaceAll('"', "")));
  const tied = new Set(
    items.filter(
      (item) =>
        alsoTied(item) ||
        item.object.phase >= Phase.table ||
        onRowType(item) ||
        (canTie(item) && tables.some((t) => item.object.text && mentions(item.object.text, t))),
    ),
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of items) {
      if (tied.has(item) || !item.object.text) continue;
      // A type follows a tied type it is built on (a domain over that domain), by its full name only.
      const follows = canTie(item)
        ? [...tied].some((t) => mentions(item.object.text!, t.object.name))
        : (item.object.types ?? []).some((type) => [...tied].some((t) => t.object.phase === Phase.type && t.object.key.endsWith(` ${type.replaceAll('"', "")}`)));
      if (follows) {
        tied.add(item);
        grew = true;
      }
    }
  }
  return { free: items.filter((i) => !tied.has(i)), tied: items.filter((i) => tied.has(i)) };
}

function inDependencyOrder(items: readonly Described[]): MigrateOperation[] {
  return dependencyOrder(items, (i) => i.object).map((i) => i.op);
}

/** Parents first; foreign keys that close a cycle are taken out of the tables and created afterwards. */
function orderCreates(creates: CreateTableOp[]): { tables: MigrateOperation[]; deferred: MigrateOperation[] } {
  const byKey = new Map(creates.map((op) => [op.table.key, op]));
  const { sorted, cycleEdges } = sortTables(creates.map((op) => op.table));
  const cut = cutEdges(cycleEdges);
  const tables: MigrateOperation[] = [];
  const deferred: MigrateOperation[] = [];
  for (const table of sorted) {
    const late = table.foreignKeys.filter((fk) => cut.get(table.key)?.has(tableKey(fk.target)));
    if (late.length === 0) {
      tables.push(byKey.get(table.key)!);
      continue;
    }
    tables.push(new CreateTableOp(table.with({ foreignKeys: table.foreignKeys.filter((fk) => !late.includes(fk)) })));
    const fkOps = late.map((fk) => new CreateForeignKeyOp(table.name, fk, { schema: table.schema }));
    deferred.push(new ModifyTableOps(table.name, fkOps, { schema: table.schema }));
  }
  return { tables, deferred };
}

/** Children first; a cycle is broken by dropping its foreign keys before the tables. */
function orderDrops(drops: DropTableOp[]): MigrateOperation[] {
  const known = drops.filter((d) => d.table !== undefined);
  const unknown = sortByKey(
    drops.filter((d) => d.table === undefined),
    (d) => tableKey({ schema: d.schema, name: d.tableName }),
  );
  const byKey = new Map(known.map((op) => [op.table!.key, op]));
  const { sorted, cycleEdges } = sortTables(known.map((op) => op.table!));
  const cut = cutEdges(cycleEdges);
  const fkDrops: MigrateOperation[] = [];
  const tableDrops: MigrateOperation[] = [];
  for (const table of [...sorted].reverse()) {
    const early = table.foreignKeys.filter((fk) => cut.get(table.key)?.has(tableKey(fk.target)));
    if (early.length === 0) {
      tableDrops.push(byKey.get(table.key)!);
      continue;
    }
    const dropFks = early.map((fk) => new DropConstraintOp(fk.name, table.name, { type: "foreignkey", schema: table.schema, constraint: fk }));
    fkDrops.push(new ModifyTableOps(table.name, dropFks, { schema: table.schema }));
    const rest = table.with({ foreignKeys: table.foreignKeys.filter((fk) => !early.includes(fk)) });
    tableDrops.push(new DropTableOp(table.name, { schema: table.schema, table: rest }));
  }
  return [...fkDrops, ...tableDrops, ...unknown];
}

function cutEdges(edges: ReadonlyArray<[Table, string]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [table, target] of edges) {
    if (!out.has(table.key)) out.set(table.key, new Set());
    out.get(table.key)!.add(target);
  }
  return out;
}

/**
 * Changes to existing tables, parents first, each block in a safe inner
 * order. Dropping a foreign key whose target table is dropped, renamed, or
 * changed in a block of its own moves ahead of everything, renames included
 * (`hoisted`, under the table's old name), so that the downgrade re-creates
 * it only once its target is back as it was; adding one whose target's
 * block comes later waits until after all blocks (`deferred`).
 */
function orderModifies(
  blocks: Map<string, ModifyTableOps>,
  target: MetaData,
  droppedKeys: ReadonlySet<string>,
  renames: readonly RenameTableOp[],
): { hoisted: MigrateOperation[]; blocks: MigrateOperation[]; deferred: MigrateOperation[] } {
  const renamedTo = new Map(renames.map((r) => [tableKey({ schema: r.schema, name: r.oldTableName }), tableKey({ schema: r.schema, name: r.newTableName })]));
  const oldNameOf = new Map(renames.map((r) => [tableKey({ schema: r.schema, name: r.newTableName }), r.oldTableName]));
  const position = new Map(target.sortedTables.map((t, i) => [t.key, i]));
  const keys = [...blocks.keys()].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || compareNames(a, b));
  const rank = new Map(keys.map((k, i) => [k, i]));
  const hoisted: MigrateOperation[] = [];
  const ordered: MigrateOperation[] = [];
  const deferred: MigrateOperation[] = [];
  for (const key of keys) {
    const block = blocks.get(key)!;
    const early: MigrateOperation[] = [];
    const late: MigrateOperation[] = [];
    const rest: MigrateOperation[] = [];
    for (const op of block.ops) {
      const fkTarget = (fk: ForeignKeyConstraint) => tableKey(fk.target);
      if (op instanceof DropConstraintOp && op.constraint?.kind === "foreignKey") {
        const t = fkTarget(op.constraint);
        const now = renamedTo.get(t) ?? t;
        if (droppedKeys.has(t) || renamedTo.has(t) || (now !== key && rank.has(now))) {
          early.push(op);
          continue;
        }
      }
      if (op instanceof CreateForeignKeyOp && (rank.get(fkTarget(op.constraint)) ?? -1) > rank.get(key)!) {
        late.push(op);
        continue;
      }
      rest.push(op);
    }
    const make = (ops: MigrateOperation[], name = block.tableName) => new ModifyTableOps(name, ops, { schema: block.schema });
    if (early.length) {
      const oldName = oldNameOf.get(key);
      hoisted.push(make(oldName === undefined ? early : early.map((op) => (op as DropConstraintOp).with({ tableName: oldName })), oldName));
    }
    if (rest.length) ordered.push(make(stableSortByKey(rest, innerRank)));
    if (late.length) deferred.push(make(late));
  }
  return { hoisted, blocks: ordered, deferred };
}

/** Inside one table: drop what depends on columns, rename, add, alter, drop columns, then create constraints and indexes. */
function innerRank(op: MigrateOperation): number {
  if (op instanceof DropConstraintOp) return op.type === "foreignkey" ? 0 : 2;
  if (op instanceof DropIndexOp) return 1;
  if (op instanceof AlterColumnOp) return op.modifyName ? 3 : 5;
  if (op instanceof AddColumnOp) return 4;
  if (op instanceof DropColumnOp) return 6;
  if (op instanceof CreatePrimaryKeyOp) return 7;
  if (op instanceof CreateUniqueConstraintOp) return 8;
  if (op instanceof CreateIndexOp) return 9;
  if (op instanceof CreateCheckConstraintOp) return 10;
  if (op instanceof CreateForeignKeyOp) return 11;
  if (op instanceof CreateTableCommentOp || op instanceof DropTableCommentOp) return 12;
  return 13;
}

function keyOfType(op: MigrateOperation): string {
  if (op instanceof CreateEnumOp) return `enum ${op.enum.key}`;
  if (op instanceof DropEnumOp) return `enum ${tableKey({ schema: op.schema, name: op.enumName })}`;
  if (op instanceof CreateSequenceOp) return `sequence ${op.sequence.key}`;
  if (op instanceof AlterSequenceOp) return `sequence ${op.to.key}`;
  if (op instanceof DropSequenceOp) return `sequence ${tableKey({ schema: op.schema, name: op.sequenceName })}`;
  return "";
}

function sortByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNames(key(a), key(b)));
}

/** Array.prototype.sort is stable, so equal keys keep the order the comparators produced. */
function stableSortByKey<T>(items: readonly T[], key: (item: T) => string | number): T[] {
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
