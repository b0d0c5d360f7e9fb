/**
 * Views around the table changes they read. PostgreSQL refuses to change
 * the type of a column a view uses; SQLite's table rebuild renames tables
 * under the views that read them; and a view replaced in place is restored,
 * going down, before the table changes it reads are undone (MySQL: the old
 * definition names a column the downgrade has not renamed back yet). So a
 * view that reads a table the migration changes in those ways is dropped
 * before the changes and created after them, instead of being replaced or
 * left alone: orderOps puts drops first (dependents first) and creates
 * last (dependencies first), and the downgrade, being the reverse, does the
 * same around the undone changes. Views that read such a view follow it.
 */
import { tableKey, type MetaData, type View } from "../model/index.js";
import {
  AlterColumnOp,
  CreateIndexOp,
  CreateViewOp,
  DropColumnOp,
  DropIndexOp,
  DropTableOp,
  DropViewOp,
  ModifyTableOps,
  RenameTableOp,
  ReplaceViewOp,
  type MigrateOperation,
} from "../ops/index.js";
import { mentions } from "./order-objects.js";

/**
 * `rebuildsTables`: the dialect rebuilds a table for any change to it
 * (SQLite), so every changed table counts, not only type changes, renames
 * and dropped columns.
 */
export function wrapDependentViews(
  ops: readonly MigrateOperation[],
  database: MetaData,
  target: MetaData,
  rebuildsTables: boolean,
): MigrateOperation[] {
  const reshaped = new Set<string>();
  const touched = new Set<string>();
  for (const op of ops) {
    if (op instanceof ModifyTableOps && op.ops.some((inner) => reshapes(inner, rebuildsTables))) reshaped.add(op.tableName);
    if (op instanceof DropTableOp) touched.add(op.tableName);
    if (op instanceof RenameTableOp) {
      reshaped.add(op.oldTableName);
      reshaped.add(op.newTableName);
    }
  }
  for (const name of reshaped) touched.add(name);

  const handled = new Set(ops.filter((op) => op instanceof DropViewOp || op instanceof CreateViewOp).map((op) => viewKey(op as DropViewOp | CreateViewOp)));
  const replaced = new Map<string, ReplaceViewOp>();
  for (const op of ops) if (op instanceof ReplaceViewOp) replaced.set(op.view.key, op);

  // Views to take down: replaced ones reading a reshaped or dropped table (replaced in place, the old one would be
  // restored before the table is), unchanged ones reading a reshaped table, and the views reading those.
  const wrap = new Set<string>();
  const reads = (view: View | undefined, names: ReadonlySet<string>) => view !== undefined && [...names].some((n) => mentions(view.definition, n));
  for (const [key, op] of replaced) if (reads(op.view, touched) || reads(op.existing, touched)) wrap.add(key);
  for (const [key, view] of database.views) if (!handled.has(key) && !replaced.has(key) && reads(view, reshaped)) wrap.add(key);
  // A replaced view is dropped and created (PostgreSQL's OR REPLACE cannot drop or rename a column): its readers go around it too.
  for (let grew = true; grew; ) {
    grew = false;
    const names = new Set([...wrap, ...replaced.keys()].map((key) => database.views.get(key)?.name).filter((n): n is string => n !== undefined));
    for (const [key, view] of database.views) {
      if (!wrap.has(key) && !handled.has(key) && reads(view, names)) {
        wrap.add(key);
        grew = true;
      }
    }
  }
  if (wrap.size === 0) return [...ops];

  // A wrapped materialized view is created with the model's indexes: its own index changes go with it.
  const wrapped = (op: MigrateOperation) =>
    (op instanceof ReplaceViewOp && wrap.has(op.view.key)) ||
    ((op instanceof CreateIndexOp || op instanceof DropIndexOp) && op.tableName !== undefined && wrap.has(tableKey({ schema: op.schema, name: op.tableName })));
  const out = ops.filter((op) => !wrapped(op));
  for (const key of [...wrap].sort()) {
    const before = replaced.get(key)?.existing ?? database.views.get(key);
    const after = replaced.get(key)?.view ?? target.views.get(key);
    if (!before || !after) continue;
    out.push(new DropViewOp(before.name, { schema: before.schema, view: before }), new CreateViewOp(after));
  }
  return out;
}

/** Changes that a view reading the table stands in the way of, or does not survive. */
function reshapes(op: MigrateOperation, rebuildsTables: boolean): boolean {
  if (rebuildsTables) return true;
  if (op instanceof AlterColumnOp) return op.modifyType !== undefined || op.modifyName !== undefined;
  return op instanceof DropColumnOp;
}

function viewKey(op: DropViewOp | CreateViewOp): string {
  return op instanceof CreateViewOp ? op.view.key : tableKey({ schema: op.schema, name: op.viewName });
}
