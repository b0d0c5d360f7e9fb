import { ForeignKeyConstraint, tableKey, type Table } from "../model/index.js";
import { CreateForeignKeyOp, DropConstraintOp, type ModifyTableOps } from "../ops/index.js";
import type { AutogenContext } from "./autogen-context.js";
import type { Comparators } from "./comparators.js";
import { compareNames, included, parentNames } from "./filters.js";
import { matchByNameOrShape } from "./match-by-name-or-shape.js";
import { nameNewConstraint, releaseConstraintNames } from "./name-new-constraints.js";
import { columnRenames } from "./renames.js";

/**
 * Foreign keys are matched by name when the model names them, else by their
 * columns and target; a change of columns, target, actions or deferrability
 * is a drop plus a create (no database alters a foreign key in place).
 */
export function setup(registry: Comparators): void {
  registry.dispatchFor("table", { name: "foreignKeys" })(compareForeignKeys);
}

function compareForeignKeys(
  ctx: AutogenContext,
  modifyOps: ModifyTableOps,
  schema: string | undefined,
  tableName: string,
  connTable: Table | undefined,
  metaTable: Table | undefined,
): void {
  if (!connTable || !metaTable) return;
  const renames = columnRenames(connTable, metaTable);
  const parent = parentNames(schema, tableName);
  // The database side seen through the renames the model asks for, so a renamed column or table is not a changed FK.
  const translated = new Map<ForeignKeyConstraint, ForeignKeyConstraint>();
  for (const fk of included(ctx, connTable.foreignKeys, "foreignKeyConstraint", true, parent)) {
    const targetKey = ctx.tableRenames.get(tableKey(fk.target));
    const target = targetKey === undefined ? fk.target : ctx.targetMetadata.tables.get(targetKey) ?? fk.target;
    translated.set(
      fk,
      new ForeignKeyConstraint({
        ...fk,
        info: fk.info,
        columns: fk.columns.map((c) => renames.get(c) ?? c),
        target: { name: target.name, ...(target.schema !== undefined ? { schema: target.schema } : {}) },
      }),
    );
  }
  const conn = [...translated.keys()].sort((a, b) => compareNames(signature(a), signature(b)));
  const meta = included(ctx, metaTable.foreignKeys, "foreignKeyConstraint", false, parent);
  const { pairs, added, removed } = matchByNameOrShape(meta, conn, signature, (c) => signature(translated.get(c)!));
  const deferrable = ctx.dialect.capabilities.deferrableConstraints;
  const create = (m: ForeignKeyConstraint, reuse?: string) => new CreateForeignKeyOp(tableName, nameNewConstraint(ctx, metaTable, m, reuse), { schema });
  const drop = (fk: ForeignKeyConstraint) => new DropConstraintOp(fk.name, tableName, { type: "foreignkey", schema, constraint: fk });
  for (const [c, m] of pairs) {
    const t = translated.get(c)!;
    const same =
      signature(t) === signature(m) &&
      t.onDelete === m.onDelete &&
      t.onUpdate === m.onUpdate &&
      (!deferrable || (!!t.deferrable === !!m.deferrable && !!t.initiallyDeferred === !!m.initiallyDeferred)) &&
      t.match === m.match &&
      !!t.notValid === !!m.notValid;
    if (!same) modifyOps.ops.push(drop(c), create(m, c.name));
  }
  for (const c of removed) modifyOps.ops.push(drop(c));
  releaseConstraintNames(ctx, metaTable, removed);
  for (const m of added) modifyOps.ops.push(create(m));
}

function signature(fk: ForeignKeyConstraint): string {
  return JSON.stringify([fk.columns, tableKey(fk.target), fk.targetColumns]);
}
