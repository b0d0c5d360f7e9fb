import {
  Routine,
  Policy,
  Trigger,
  CheckConstraint,
  Column,
  defaults,
  Enum,
  ForeignKeyConstraint,
  Index,
  PrimaryKeyConstraint,
  scalarType,
  Sequence,
  Table,
  UniqueConstraint,
  View,
} from "../../src/model/index.js";

export const idColumn = new Column({ name: "id", type: scalarType("integer"), nullable: false });
export const nameColumn = new Column({ name: "name", type: scalarType("varchar", [50]), nullable: true, comment: "display name" });
export const pk = new PrimaryKeyConstraint({ name: "pk_user", columns: ["id"] });
export const fk = new ForeignKeyConstraint({
  name: "org_fk",
  columns: ["org_id"],
  target: { name: "organization" },
  targetColumns: ["id"],
  onDelete: "cascade",
});
export const uq = new UniqueConstraint({ name: "uq_name", columns: ["name"] });
export const ck = new CheckConstraint({ name: "ck_id", expression: "id > 0" });
export const ix = new Index({ name: "ix_name", elements: [{ kind: "column", name: "name" }], unique: false });
export const userTable = new Table({
  name: "user",
  columns: [idColumn, nameColumn],
  primaryKey: pk,
  uniqueConstraints: [uq],
  checkConstraints: [ck],
  indexes: [ix],
  comment: "people",
});
export const roleEnum = new Enum({ name: "role", values: ["admin", "member"] });
export const seq = new Sequence({ name: "order_seq", start: 100, increment: 5 });
export const view = new View({ name: "active_users", definition: "select * from user" });
export const withDefault = defaults.literal(0);
export const routine = new Routine({
  name: "add_one",
  schema: "app",
  arguments: "x integer",
  returns: "integer",
  language: "sql",
  body: "select x + 1",
  volatility: "immutable",
});
export const policy = new Policy({ name: "own_rows", table: "user", command: "update", roles: ["app_user"], using: "owner = current_user", check: "owner = current_user" });
export const trigger = new Trigger({ name: "user_touch", table: "user", timing: "before", events: ["update"], forEach: "row", execute: "touch()" });
