import type { Enum } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";

export class CreateEnumOp extends MigrateOperation {
  declare readonly enum: Enum;
  constructor(enumObject: Enum) {
    super();
    initOp(this, CreateEnumOp, new.target, { enum: enumObject });
  }
  get enumName(): string {
    return this.enum.name;
  }
  get schema(): string | undefined {
    return this.enum.schema;
  }
  reverse(): DropEnumOp {
    return new DropEnumOp(this.enum.name, { schema: this.enum.schema, enum: this.enum });
  }
  toDiffTuple(): DiffTuple {
    return ["add_enum", this.enum];
  }
}

export class DropEnumOp extends MigrateOperation {
  declare readonly enumName: string;
  declare readonly schema?: string;
  declare readonly enum?: Enum;
  constructor(enumName: string, options: { schema?: string; enum?: Enum } = {}) {
    super();
    initOp(this, DropEnumOp, new.target, { enumName, ...options });
  }
  reverse(): CreateEnumOp {
    if (!this.enum) throw new IrreversibleOperationError(this, `the values of the dropped enum "${this.enumName}" are not known`);
    return new CreateEnumOp(this.enum);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_enum", this.enum ?? { name: this.enumName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
}

/** Where a value sits in the list, so adding it back puts it where it was. */
export interface EnumValuePosition {
  readonly before?: string;
  readonly after?: string;
}

export class AddEnumValueOp extends MigrateOperation {
  declare readonly enumName: string;
  declare readonly value: string;
  declare readonly schema?: string;
  declare readonly before?: string;
  declare readonly after?: string;
  constructor(enumName: string, value: string, options: { schema?: string } & EnumValuePosition = {}) {
    super();
    initOp(this, AddEnumValueOp, new.target, { enumName, value, ...options });
  }
  reverse(): DropEnumValueOp {
    return new DropEnumValueOp(this.enumName, this.value, { schema: this.schema, before: this.before, after: this.after });
  }
  toDiffTuple(): DiffTuple {
    return ["add_enum_value", this.schema, this.enumName, this.value];
  }
}

/**
 * Removes a value from an enum. Rows holding it would be invalid, so this
 * loses data; PostgreSQL cannot drop an enum value and re-creates the type.
 */
export class DropEnumValueOp extends MigrateOperation {
  declare readonly enumName: string;
  declare readonly value: string;
  declare readonly schema?: string;
  declare readonly before?: string;
  declare readonly after?: string;
  constructor(enumName: string, value: string, options: { schema?: string } & EnumValuePosition = {}) {
    super();
    initOp(this, DropEnumValueOp, new.target, { enumName, value, ...options });
  }
  reverse(): AddEnumValueOp {
    return new AddEnumValueOp(this.enumName, this.value, { schema: this.schema, before: this.before, after: this.after });
  }
  toDiffTuple(): DiffTuple {
    return ["remove_enum_value", this.schema, this.enumName, this.value];
  }
  override dataLoss(): string {
    return `drops value "${this.value}" from enum ${qualified(this.schema, this.enumName)}: rows holding it cannot keep it`;
  }
}

/**
 * Puts an enum's values in a new order (the same values): PostgreSQL sorts
 * and compares enum values by their order, and can only re-create the type
 * for it. `existing` is the order before, which the reverse restores.
 */
export class ReorderEnumValuesOp extends MigrateOperation {
  declare readonly enumName: string;
  declare readonly values: readonly string[];
  declare readonly existing: readonly string[];
  declare readonly schema?: string;
  constructor(enumName: string, values: readonly string[], options: { schema?: string; existing: readonly string[] }) {
    super();
    initOp(this, ReorderEnumValuesOp, new.target, {
      enumName,
      values: Object.freeze([...values]),
      existing: Object.freeze([...options.existing]),
      schema: options.schema,
    });
  }
  reverse(): ReorderEnumValuesOp {
    return new ReorderEnumValuesOp(this.enumName, this.existing, { schema: this.schema, existing: this.values });
  }
  toDiffTuple(): DiffTuple {
    return ["reorder_enum_values", this.schema, this.enumName, this.existing, this.values];
  }
}
