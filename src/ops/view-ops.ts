import type { View } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

export class CreateViewOp extends MigrateOperation {
  declare readonly view: View;
  constructor(view: View) {
    super();
    initOp(this, CreateViewOp, new.target, { view });
  }
  get viewName(): string {
    return this.view.name;
  }
  get schema(): string | undefined {
    return this.view.schema;
  }
  reverse(): DropViewOp {
    return new DropViewOp(this.view.name, { schema: this.view.schema, view: this.view });
  }
  toDiffTuple(): DiffTuple {
    return ["add_view", this.view];
  }
}

export class DropViewOp extends MigrateOperation {
  declare readonly viewName: string;
  declare readonly schema?: string;
  declare readonly view?: View;
  constructor(viewName: string, options: { schema?: string; view?: View } = {}) {
    super();
    initOp(this, DropViewOp, new.target, { viewName, ...options });
  }
  reverse(): CreateViewOp {
    if (!this.view) throw new IrreversibleOperationError(this, `the definition of the dropped view "${this.viewName}" is not known`);
    return new CreateViewOp(this.view);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_view", this.view ?? { name: this.viewName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
}

/** Replaces a view's definition; `existing` is the old view, which its reverse restores. */
export class ReplaceViewOp extends MigrateOperation {
  declare readonly view: View;
  declare readonly existing?: View;
  constructor(view: View, existing?: View) {
    super();
    initOp(this, ReplaceViewOp, new.target, { view, existing });
  }
  get viewName(): string {
    return this.view.name;
  }
  get schema(): string | undefined {
    return this.view.schema;
  }
  reverse(): ReplaceViewOp {
    if (!this.existing) throw new IrreversibleOperationError(this, `the old definition of view "${this.view.name}" is not known`);
    return new ReplaceViewOp(this.existing, this.view);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_view", this.view.schema, this.view.name, this.existing, this.view];
  }
}
