/** Model values the DDL suites share: awkward names everywhere a name goes. */
import {
  CheckConstraint,
  Column,
  defaults,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  scalarType,
  Table,
  UniqueConstraint,
} from "../../src/model/index.js";

/** A reserved word, a space, a double quote, a backtick and mixed case. */
export const ODD_TABLE = 'Order "Items`';
export const ODD_COLUMN = "Select Me`\"";

export const int = (name: string, nullable = false, extra: Partial<ConstructorParameters<typeof Column>[0]> = {}) =>
  new Column({ name, type: scalarType("integer"), nullable, ...extra });
export const text = (name: string, nullable = true, extra: Partial<ConstructorParameters<typeof Column>[0]> = {}) =>
  new Column({ name, type: scalarType("varchar", [100]), nullable, ...extra });

export function parentTable(name = "parent"): Table {
  return new Table({
    name,
    columns: [int("id"), text("label")],
    primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
  });
}

/** A child with ON DELETE CASCADE to `parent`. */
export function childTable(parent = "parent", name = "child"): Table {
  return new Table({
    name,
    columns: [int("id"), int("parent_id", true)],
    primaryKey: new PrimaryKeyConstraint({ columns: ["id"] }),
    foreignKeys: [
      new ForeignKeyConstraint({ name: `fk_${name}_parent`, columns: ["parent_id"], target: { name: parent }, targetColumns: ["id"], onDelete: "cascade" }),
    ],
  });
}

/** Every kind of column and table property, with awkward names. */
export function oddTable(): Table {
  return new Table({
    name: ODD_TABLE,
    columns: [
      int("user"),
      new Column({ name: ODD_COLUMN, type: scalarType("varchar", [50]), nullable: false, default: defaults.literal("it's; --") }),
      new Column({ name: "MixedCase", type: scalarType("decimal", [10, 2]), nullable: true, default: defaults.literal(-1.5) }),
      new Column({ name: "flag", type: scalarType("boolean"), nullable: false, default: defaults.literal(true) }),
      int("qty", false, { default: defaults.literal(0) }),
    ],
    primaryKey: new PrimaryKeyConstraint({ name: "pk odd", columns: ["user"] }),
    uniqueConstraints: [new UniqueConstraint({ name: "uq odd", columns: [ODD_COLUMN] })],
    checkConstraints: [new CheckConstraint({ name: "ck odd", expression: "qty >= 0" })],
    indexes: [new Index({ name: "ix odd", elements: [{ kind: "column", name: "MixedCase", order: "desc" }] })],
  });
}
