import {
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type Column,
  type Constraint,
  type Table,
} from "../../model/index.js";
import { AlterColumnOp } from "../../ops/alter-column-op.js";
import { AddColumnOp, DropColumnOp } from "../../ops/column-ops.js";
import { CreateConstraintOp, DropConstraintOp } from "../../ops/constraint-ops.js";
import { CreateIndexOp, DropIndexOp } from "../../ops/index-ops.js";
import type { MigrateOperation } from "../../ops/migrate-operation.js";
import { CreateTableCommentOp, DropTableCommentOp } from "../../ops/table-comment-ops.js";
import { AlterTableOptionsOp } from "../../ops/table-options-ops.js";
import { DdlStateError, UnsupportedDdlError } from "./ddl-errors.js";

/**
 * The table as it is after a table-level op, computed on the model: what a
 * rebuild creates (SQLite) and what a full column restatement writes (MySQL
 * MODIFY COLUMN). Dropping a column drops the indexes and constraints that
 * use it, as PostgreSQL's DROP COLUMN does.
 */
export function applyToTable(table: Table, op: MigrateOperation): Table {
  if (op instanceof AddColumnOp) {
    if (table.column(op.column.name)) throw new DdlStateError(`column "${op.column.name}" already exists in "${table.name}"`);
    return table.with({ columns: [...table.columns, op.column] });
  }
  if (op instanceof DropColumnOp) return dropColumn(table, requireColumn(table, op.columnName).name);
  if (op instanceof AlterColumnOp) return alterColumn(table, op);
  if (op instanceof CreateIndexOp) return table.with({ indexes: [...table.indexes, op.index] });
  if (op instanceof DropIndexOp) {
    if (!table.indexes.some((i) => i.name === op.indexName)) {
      throw new DdlStateError(`index "${op.indexName}" does not exist on "${table.name}"`);
    }
    return table.with({ indexes: table.indexes.filter((i) => i.name !== op.indexName) });
  }
  if (op instanceof CreateConstraintOp) return addConstraint(table, op.constraint);
  if (op instanceof DropConstraintOp) return dropConstraint(table, findConstraint(table, op));
  if (op instanceof CreateTableCommentOp) return table.with({ comment: op.comment });
  if (op instanceof DropTableCommentOp) return table.with({ comment: undefined });
  if (op instanceof AlterTableOptionsOp) return table.with({ options: op.applyTo(table.options) });
  throw new UnsupportedDdlError("a table rebuild", `include ${op.constructor.name} (only ops on one table's columns, indexes, constraints, comment and options)`);
}

function requireColumn(table: Table, name: string): Column {
  const column = table.column(name);
  if (!column) throw new DdlStateError(`column "${name}" does not exist in "${table.name}"`);
  return column;
}

function dropColumn(table: Table, name: string): Table {
  const uses = (columns: readonly string[]) => columns.includes(name);
  return table.with({
    columns: table.columns.filter((c) => c.name !== name),
    primaryKey: table.primaryKey && uses(table.primaryKey.columns) ? undefined : table.primaryKey,
    foreignKeys: table.foreignKeys.filter((fk) => !uses(fk.columns)),
    uniqueConstraints: table.uniqueConstraints.filter((u) => !uses(u.columns)),
    indexes: table.indexes.filter((i) => !uses(i.columnNames)),
  });
}

function alterColumn(table: Table, op: AlterColumnOp): Table {
  const column = requireColumn(table, op.columnName);
  const altered = alteredColumn(column, op);
  const columns = table.columns.map((c) => (c === column ? altered : c));
  if (altered.name === column.name) return table.with({ columns });
  if (table.column(altered.name)) throw new DdlStateError(`column "${altered.name}" already exists in "${table.name}"`);
  return renameInTable(table.with({ columns }), column.name, altered.name);
}

/** The column after an AlterColumnOp: every change applied, everything else kept. */
export function alteredColumn(column: Column, op: AlterColumnOp): Column {
  let result = column;
  if (op.modifyType) result = result.with({ type: op.modifyType.to });
  if (op.modifyNullable) result = result.with({ nullable: op.modifyNullable.to });
  if (op.modifyServerDefault) result = result.with({ default: op.modifyServerDefault.to });
  if (op.modifyComment) result = result.with({ comment: op.modifyComment.to });
  if (op.modifyName) result = result.with({ name: op.modifyName.to });
  for (const [key, value] of Object.entries(op.kw)) {
    if (!key.startsWith("modify_")) continue;
    const to = (value as { to?: unknown }).to;
    if (key === "modify_identity") result = result.with({ identity: to as Column["identity"] });
    else if (key === "modify_identity_options") result = result.with({ identityOptions: to as Column["identityOptions"] });
    else if (key === "modify_generated") result = result.with({ generated: to as Column["generated"] });
    else if (key === "modify_collation") result = result.with({ collation: to as string | undefined });
    else if (key === "modify_on_update") result = result.with({ onUpdate: to as Column["onUpdate"] });
    else if (key === "modify_invisible") result = result.with({ invisible: to as boolean });
    else if (key === "modify_storage") result = result.with({ storage: to as Column["storage"] });
    else if (key === "modify_compression") result = result.with({ compression: to as string | undefined });
    else throw new UnsupportedDdlError("strata's DDL", `apply the column change "${key}" (no built-in DDL knows it)`);
  }
  return result;
}

function renameInTable(table: Table, from: string, to: string): Table {
  const rename = (names: readonly string[]) => names.map((n) => (n === from ? to : n));
  const pk = table.primaryKey;
  return table.with({
    primaryKey: pk && new PrimaryKeyConstraint({ ...pk, info: pk.info, columns: rename(pk.columns) }),
    foreignKeys: table.foreignKeys.map((fk) => new ForeignKeyConstraint({ ...fk, info: fk.info, columns: rename(fk.columns) })),
    uniqueConstraints: table.uniqueConstraints.map((u) => new UniqueConstraint({ ...u, info: u.info, columns: rename(u.columns) })),
    indexes: table.indexes.map(
      (i) =>
        new Index({
          ...i,
          info: i.info,
          elements: i.elements.map((e) => (e.kind === "column" && e.name === from ? { ...e, name: to } : e)),
          include: i.include && rename(i.include),
        }),
    ),
  });
}

function addConstraint(table: Table, constraint: Constraint): Table {
  switch (constraint.kind) {
    case "primaryKey":
      if (table.primaryKey) throw new DdlStateError(`"${table.name}" already has a primary key`);
      return table.with({ primaryKey: constraint });
    case "foreignKey":
      return table.with({ foreignKeys: [...table.foreignKeys, constraint] });
    case "unique":
      return table.with({ uniqueConstraints: [...table.uniqueConstraints, constraint] });
    case "check":
      return table.with({ checkConstraints: [...table.checkConstraints, constraint] });
  }
}

function dropConstraint(table: Table, constraint: Constraint): Table {
  switch (constraint.kind) {
    case "primaryKey":
      return table.with({ primaryKey: undefined });
    case "foreignKey":
      return table.with({ foreignKeys: table.foreignKeys.filter((c) => c !== constraint) });
    case "unique":
      return table.with({ uniqueConstraints: table.uniqueConstraints.filter((c) => c !== constraint) });
    case "check":
      return table.with({ checkConstraints: table.checkConstraints.filter((c) => c !== constraint) });
  }
}

const KIND_OF_TYPE = { primarykey: "primaryKey", foreignkey: "foreignKey", unique: "unique", check: "check" } as const;

/**
 * The table's constraint a DropConstraintOp means: by name, or for a
 * constraint the database named itself, by the shape the op carries.
 */
function findConstraint(table: Table, op: DropConstraintOp): Constraint {
  const all: Constraint[] = [
    ...(table.primaryKey ? [table.primaryKey] : []),
    ...table.foreignKeys,
    ...table.uniqueConstraints,
    ...table.checkConstraints,
  ];
  const kind = op.type ? KIND_OF_TYPE[op.type] : op.constraint?.kind;
  const candidates = all.filter((c) => kind === undefined || c.kind === kind);
  const found =
    op.constraintName !== undefined
      ? candidates.find((c) => c.name === op.constraintName)
      : op.constraint && candidates.find((c) => sameShape(c, op.constraint!));
  if (!found) {
    throw new DdlStateError(`constraint "${op.constraintName ?? "(unnamed)"}" does not exist on "${table.name}"`);
  }
  return found;
}

function sameShape(a: Constraint, b: Constraint): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "check") return a.expression === (b as typeof a).expression;
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  if (!same(a.columns, (b as typeof a).columns)) return false;
  if (a.kind !== "foreignKey") return true;
  const fb = b as typeof a;
  return a.target.name === fb.target.name && same(a.targetColumns, fb.targetColumns);
}
