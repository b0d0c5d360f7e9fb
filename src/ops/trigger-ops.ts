import type { Trigger } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

export class CreateTriggerOp extends MigrateOperation {
  declare readonly trigger: Trigger;
  constructor(trigger: Trigger) {
    super();
    initOp(this, CreateTriggerOp, new.target, { trigger });
  }
  get triggerName(): string {
    return this.trigger.name;
  }
  get tableName(): string {
    return this.trigger.table;
  }
  get schema(): string | undefined {
    return this.trigger.schema;
  }
  reverse(): DropTriggerOp {
    return new DropTriggerOp(this.trigger.name, this.trigger.table, { schema: this.trigger.schema, trigger: this.trigger });
  }
  toDiffTuple(): DiffTuple {
    return ["add_trigger", this.trigger];
  }
}

/** Drops a trigger from its table; `trigger` is what its reverse re-creates. */
export class DropTriggerOp extends MigrateOperation {
  declare readonly triggerName: string;
  declare readonly tableName: string;
  declare readonly schema?: string;
  declare readonly trigger?: Trigger;
  constructor(triggerName: string, tableName: string, options: { schema?: string; trigger?: Trigger } = {}) {
    super();
    initOp(this, DropTriggerOp, new.target, { triggerName, tableName, ...options });
  }
  reverse(): CreateTriggerOp {
    if (!this.trigger) throw new IrreversibleOperationError(this, `the definition of the dropped trigger "${this.triggerName}" is not known`);
    return new CreateTriggerOp(this.trigger);
  }
  toDiffTuple(): DiffTuple {
    const ref = { name: this.triggerName, table: this.tableName, ...(this.schema !== undefined ? { schema: this.schema } : {}) };
    return ["remove_trigger", this.trigger ?? ref];
  }
}

/** Replaces a trigger's definition (same table and name); `existing` is what its reverse restores. */
export class ReplaceTriggerOp extends MigrateOperation {
  declare readonly trigger: Trigger;
  declare readonly existing?: Trigger;
  constructor(trigger: Trigger, existing?: Trigger) {
    super();
    initOp(this, ReplaceTriggerOp, new.target, { trigger, existing });
  }
  get triggerName(): string {
    return this.trigger.name;
  }
  get tableName(): string {
    return this.trigger.table;
  }
  get schema(): string | undefined {
    return this.trigger.schema;
  }
  reverse(): ReplaceTriggerOp {
    if (!this.existing) throw new IrreversibleOperationError(this, `the old definition of trigger "${this.trigger.name}" is not known`);
    return new ReplaceTriggerOp(this.existing, this.trigger);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_trigger", this.trigger.schema, this.trigger.table, this.existing, this.trigger];
  }
}
