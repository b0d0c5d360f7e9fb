import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Sets a table's comment; `existingComment` is what its reverse restores. */
export class CreateTableCommentOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly comment: string;
  declare readonly schema?: string;
  declare readonly existingComment?: string;
  constructor(tableName: string, comment: string, options: { schema?: string; existingComment?: string } = {}) {
    super();
    initOp(this, CreateTableCommentOp, new.target, { tableName, comment, ...options });
  }
  reverse(): CreateTableCommentOp | DropTableCommentOp {
    if (this.existingComment === undefined) {
      return new DropTableCommentOp(this.tableName, { schema: this.schema, existingComment: this.comment });
    }
    return new CreateTableCommentOp(this.tableName, this.existingComment, { schema: this.schema, existingComment: this.comment });
  }
  toDiffTuple(): DiffTuple {
    return ["add_table_comment", tableRef(this.tableName, this.schema, this.comment), this.existingComment];
  }
}

export class DropTableCommentOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly schema?: string;
  declare readonly existingComment?: string;
  constructor(tableName: string, options: { schema?: string; existingComment?: string } = {}) {
    super();
    initOp(this, DropTableCommentOp, new.target, { tableName, ...options });
  }
  reverse(): CreateTableCommentOp {
    if (this.existingComment === undefined) {
      throw new IrreversibleOperationError(this, `the dropped comment of "${this.tableName}" is not known`);
    }
    return new CreateTableCommentOp(this.tableName, this.existingComment, { schema: this.schema });
  }
  toDiffTuple(): DiffTuple {
    return ["remove_table_comment", tableRef(this.tableName, this.schema, this.existingComment)];
  }
}

function tableRef(name: string, schema: string | undefined, comment: string | undefined) {
  return { name, ...(schema !== undefined ? { schema } : {}), ...(comment !== undefined ? { comment } : {}) };
}
