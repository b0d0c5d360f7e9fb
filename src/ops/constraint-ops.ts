import {
  CheckConstraint,
  ForeignKeyConstraint,
  PrimaryKeyConstraint,
  UniqueConstraint,
  type Constraint,
} from "../model/index.js";
import { tableObjectRef, type DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

export type ConstraintType = "primarykey" | "foreignkey" | "unique" | "check";

const TYPE_OF_KIND: Record<Constraint["kind"], ConstraintType> = {
  primaryKey: "primarykey",
  foreignKey: "foreignkey",
  unique: "unique",
  check: "check",
};

/** What the four constraint-creating ops share: a table and the model constraint. */
export abstract class CreateConstraintOp<C extends Constraint> extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly constraint: C;
  declare readonly schema?: string;
  get constraintName(): string | undefined {
    return this.constraint.name;
  }
  reverse(): DropConstraintOp {
    return new DropConstraintOp(this.constraint.name, this.tableName, {
      type: TYPE_OF_KIND[this.constraint.kind],
      schema: this.schema,
      constraint: this.constraint,
    });
  }
  toDiffTuple(): DiffTuple {
    const kind = this.constraint.kind === "foreignKey" ? "add_fk" : "add_constraint";
    return [kind, tableObjectRef(this.constraint, this.tableName, this.schema)];
  }
}

export class CreatePrimaryKeyOp extends CreateConstraintOp<PrimaryKeyConstraint> {
  constructor(tableName: string, constraint: PrimaryKeyConstraint, options: { schema?: string } = {}) {
    super();
    initOp(this, CreatePrimaryKeyOp, new.target, { tableName, constraint, ...options });
  }
}

export class CreateUniqueConstraintOp extends CreateConstraintOp<UniqueConstraint> {
  constructor(tableName: string, constraint: UniqueConstraint, options: { schema?: string } = {}) {
    super();
    initOp(this, CreateUniqueConstraintOp, new.target, { tableName, constraint, ...options });
  }
}

/** `tableName` is the source (referencing) table; the constraint's `target` is the referent. */
export class CreateForeignKeyOp extends CreateConstraintOp<ForeignKeyConstraint> {
  constructor(tableName: string, constraint: ForeignKeyConstraint, options: { schema?: string } = {}) {
    super();
    initOp(this, CreateForeignKeyOp, new.target, { tableName, constraint, ...options });
  }
}

export class CreateCheckConstraintOp extends CreateConstraintOp<CheckConstraint> {
  constructor(tableName: string, constraint: CheckConstraint, options: { schema?: string } = {}) {
    super();
    initOp(this, CreateCheckConstraintOp, new.target, { tableName, constraint, ...options });
  }
}

/**
 * PostgreSQL `VALIDATE CONSTRAINT`: checks the existing rows against a
 * constraint added NOT VALID, under a lock that lets reads and writes go on.
 * It has no inverse (a valid constraint cannot be made NOT VALID again), so
 * its reverse validates again, which changes nothing.
 */
export class ValidateConstraintOp extends MigrateOperation {
  declare readonly constraintName: string;
  declare readonly tableName: string;
  declare readonly schema?: string;
  constructor(constraintName: string, tableName: string, options: { schema?: string } = {}) {
    super();
    initOp(this, ValidateConstraintOp, new.target, { constraintName, tableName, ...options });
  }
  reverse(): ValidateConstraintOp {
    return this;
  }
  toDiffTuple(): DiffTuple {
    return ["validate_constraint", tableObjectRef({ name: this.constraintName }, this.tableName, this.schema)];
  }
}

/**
 * Drops a constraint; carries the dropped constraint so its reverse re-creates
 * it. The name may be undefined for a constraint the database named itself
 * and reflection could not name (SQLite): the runtime then finds it by shape.
 */
export class DropConstraintOp extends MigrateOperation {
  declare readonly constraintName?: string;
  declare readonly tableName: string;
  declare readonly type?: ConstraintType;
  declare readonly schema?: string;
  declare readonly constraint?: Constraint;
  constructor(
    constraintName: string | undefined,
    tableName: string,
    options: { type?: ConstraintType; schema?: string; constraint?: Constraint } = {},
  ) {
    super();
    const type = options.type ?? (options.constraint ? TYPE_OF_KIND[options.constraint.kind] : undefined);
    initOp(this, DropConstraintOp, new.target, { constraintName, tableName, ...options, type });
  }
  reverse(): CreateConstraintOp<Constraint> {
    const c = this.constraint;
    const options = { schema: this.schema };
    if (c instanceof PrimaryKeyConstraint) return new CreatePrimaryKeyOp(this.tableName, c, options);
    if (c instanceof UniqueConstraint) return new CreateUniqueConstraintOp(this.tableName, c, options);
    if (c instanceof ForeignKeyConstraint) return new CreateForeignKeyOp(this.tableName, c, options);
    if (c instanceof CheckConstraint) return new CreateCheckConstraintOp(this.tableName, c, options);
    throw new IrreversibleOperationError(this, `the dropped constraint "${this.constraintName ?? "(unnamed)"}" is not known`);
  }
  toDiffTuple(): DiffTuple {
    const kind = this.type === "foreignkey" ? "remove_fk" : "remove_constraint";
    const constraint = this.constraint ?? { name: this.constraintName, type: this.type };
    return [kind, tableObjectRef(constraint, this.tableName, this.schema)];
  }
}
