import type { CompositeType } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";

export class CreateCompositeTypeOp extends MigrateOperation {
  declare readonly compositeType: CompositeType;
  constructor(compositeType: CompositeType) {
    super();
    initOp(this, CreateCompositeTypeOp, new.target, { compositeType });
  }
  get typeName(): string {
    return this.compositeType.name;
  }
  get schema(): string | undefined {
    return this.compositeType.schema;
  }
  reverse(): DropCompositeTypeOp {
    return new DropCompositeTypeOp(this.compositeType.name, { schema: this.compositeType.schema, compositeType: this.compositeType });
  }
  toDiffTuple(): DiffTuple {
    return ["add_composite_type", this.compositeType];
  }
}

export class DropCompositeTypeOp extends MigrateOperation {
  declare readonly typeName: string;
  declare readonly schema?: string;
  /** The dropped type, so the drop can be reversed. */
  declare readonly compositeType?: CompositeType;
  constructor(typeName: string, options: { schema?: string; compositeType?: CompositeType } = {}) {
    super();
    initOp(this, DropCompositeTypeOp, new.target, { typeName, ...options });
  }
  reverse(): CreateCompositeTypeOp {
    if (!this.compositeType) throw new IrreversibleOperationError(this, `the dropped composite type "${this.typeName}" is not known`);
    return new CreateCompositeTypeOp(this.compositeType);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_composite_type", this.compositeType ?? { name: this.typeName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
  override dataLoss(): string {
    return `drops composite type ${qualified(this.schema, this.typeName)}`;
  }
}

/** Changes a composite type's attributes in place: `from` as it is, `to` as it becomes (same name). */
export class AlterCompositeTypeOp extends MigrateOperation {
  declare readonly from: CompositeType;
  declare readonly to: CompositeType;
  constructor(from: CompositeType, to: CompositeType) {
    super();
    initOp(this, AlterCompositeTypeOp, new.target, { from, to });
  }
  get typeName(): string {
    return this.to.name;
  }
  get schema(): string | undefined {
    return this.to.schema;
  }
  reverse(): AlterCompositeTypeOp {
    return new AlterCompositeTypeOp(this.to, this.from);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_composite_type", this.to.schema, this.to.name, this.from, this.to];
  }
  override dataLoss(): string | undefined {
    const dropped = this.from.attributes.filter((a) => !this.to.attributes.some((b) => b.name === a.name));
    return dropped.length ? `drops attribute ${dropped.map((a) => a.name).join(", ")} of composite type ${qualified(this.schema, this.typeName)}` : undefined;
  }
}
