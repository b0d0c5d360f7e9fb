import type { Sequence } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";

export class CreateSequenceOp extends MigrateOperation {
  declare readonly sequence: Sequence;
  constructor(sequence: Sequence) {
    super();
    initOp(this, CreateSequenceOp, new.target, { sequence });
  }
  get sequenceName(): string {
    return this.sequence.name;
  }
  get schema(): string | undefined {
    return this.sequence.schema;
  }
  reverse(): DropSequenceOp {
    return new DropSequenceOp(this.sequence.name, { schema: this.sequence.schema, sequence: this.sequence });
  }
  toDiffTuple(): DiffTuple {
    return ["add_sequence", this.sequence];
  }
}

export class DropSequenceOp extends MigrateOperation {
  declare readonly sequenceName: string;
  declare readonly schema?: string;
  declare readonly sequence?: Sequence;
  constructor(sequenceName: string, options: { schema?: string; sequence?: Sequence } = {}) {
    super();
    initOp(this, DropSequenceOp, new.target, { sequenceName, ...options });
  }
  reverse(): CreateSequenceOp {
    if (!this.sequence) throw new IrreversibleOperationError(this, `the dropped sequence "${this.sequenceName}" is not known`);
    return new CreateSequenceOp(this.sequence);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_sequence", this.sequence ?? { name: this.sequenceName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
  override dataLoss(): string {
    return `drops sequence ${qualified(this.schema, this.sequenceName)} and its current value`;
  }
}

/** Changes a sequence's options: `from` is the sequence as it is, `to` as it becomes (same name). */
export class AlterSequenceOp extends MigrateOperation {
  declare readonly from: Sequence;
  declare readonly to: Sequence;
  constructor(from: Sequence, to: Sequence) {
    super();
    initOp(this, AlterSequenceOp, new.target, { from, to });
  }
  get sequenceName(): string {
    return this.to.name;
  }
  get schema(): string | undefined {
    return this.to.schema;
  }
  reverse(): AlterSequenceOp {
    return new AlterSequenceOp(this.to, this.from);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_sequence", this.to.schema, this.to.name, this.from, this.to];
  }
}
