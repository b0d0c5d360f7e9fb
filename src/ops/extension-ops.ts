import type { Extension } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

export class CreateExtensionOp extends MigrateOperation {
  declare readonly extension: Extension;
  constructor(extension: Extension) {
    super();
    initOp(this, CreateExtensionOp, new.target, { extension });
  }
  get extensionName(): string {
    return this.extension.name;
  }
  reverse(): DropExtensionOp {
    return new DropExtensionOp(this.extension.name, { extension: this.extension });
  }
  toDiffTuple(): DiffTuple {
    return ["add_extension", this.extension];
  }
}

export class DropExtensionOp extends MigrateOperation {
  declare readonly extensionName: string;
  /** The extension as it was, so the drop can be reversed. */
  declare readonly extension?: Extension;
  constructor(extensionName: string, options: { extension?: Extension } = {}) {
    super();
    initOp(this, DropExtensionOp, new.target, { extensionName, ...options });
  }
  reverse(): CreateExtensionOp {
    if (!this.extension) throw new IrreversibleOperationError(this, `the dropped extension "${this.extensionName}" is not known`);
    return new CreateExtensionOp(this.extension);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_extension", this.extension ?? { name: this.extensionName }];
  }
  override dataLoss(): string {
    return `drops extension ${this.extensionName} and everything that uses its types and functions`;
  }
}

/** Moves an extension to another schema or version: `from` as it is, `to` as it becomes (same name). */
export class AlterExtensionOp extends MigrateOperation {
  declare readonly from: Extension;
  declare readonly to: Extension;
  constructor(from: Extension, to: Extension) {
    super();
    initOp(this, AlterExtensionOp, new.target, { from, to });
  }
  get extensionName(): string {
    return this.to.name;
  }
  reverse(): AlterExtensionOp {
    return new AlterExtensionOp(this.to, this.from);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_extension", this.to.name, this.from, this.to];
  }
}
