import type { Column } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";
import { qualified } from "./table-ops.js";

export class AddColumnOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly column: Column;
  declare readonly schema?: string;
  constructor(tableName: string, column: Column, options: { schema?: string } = {}) {
    super();
    initOp(this, AddColumnOp, new.target, { tableName, column, ...options });
  }
  reverse(): DropColumnOp {
    return new DropColumnOp(this.tableName, this.column.name, { schema: this.schema, column: this.column });
  }
  toDiffTuple(): DiffTuple {
    return ["add_column", this.schema, this.tableName, this.column];
  }
}

/** Drops a column; carries the dropped Column so its reverse re-adds it. */
export class DropColumnOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly columnName: string;
  declare readonly schema?: string;
  declare readonly column?: Column;
  constructor(tableName: string, columnName: string, options: { schema?: string; column?: Column } = {}) {
    super();
    initOp(this, DropColumnOp, new.target, { tableName, columnName, ...options });
  }
  reverse(): AddColumnOp {
    if (!this.column) {
      throw new IrreversibleOperationError(this, `the dropped column "${this.tableName}.${this.columnName}" is not known`);
    }
    return new AddColumnOp(this.tableName, this.column, { schema: this.schema });
  }
  toDiffTuple(): DiffTuple {
    return ["remove_column", this.schema, this.tableName, this.column ?? { name: this.columnName }];
  }
  override dataLoss(): string {
    return `drops column ${qualified(this.schema, this.tableName)}.${this.columnName} and its data`;
  }
}
