import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Sets a schema's comment (PostgreSQL `COMMENT ON SCHEMA`); `existingComment` is what its reverse restores. */
export class CreateSchemaCommentOp extends MigrateOperation {
  declare readonly schemaName: string;
  declare readonly comment: string;
  declare readonly existingComment?: string;
  constructor(schemaName: string, comment: string, options: { existingComment?: string } = {}) {
    super();
    initOp(this, CreateSchemaCommentOp, new.target, { schemaName, comment, ...options });
  }
  reverse(): CreateSchemaCommentOp | DropSchemaCommentOp {
    if (this.existingComment === undefined) return new DropSchemaCommentOp(this.schemaName, { existingComment: this.comment });
    return new CreateSchemaCommentOp(this.schemaName, this.existingComment, { existingComment: this.comment });
  }
  toDiffTuple(): DiffTuple {
    return ["add_schema_comment", this.schemaName, this.comment, this.existingComment];
  }
}

/** Removes a schema's comment; without `existingComment` it has no reverse. */
export class DropSchemaCommentOp extends MigrateOperation {
  declare readonly schemaName: string;
  declare readonly existingComment?: string;
  constructor(schemaName: string, options: { existingComment?: string } = {}) {
    super();
    initOp(this, DropSchemaCommentOp, new.target, { schemaName, ...options });
  }
  reverse(): CreateSchemaCommentOp {
    if (this.existingComment === undefined) {
      throw new IrreversibleOperationError(this, `the dropped comment of schema "${this.schemaName}" is not known`);
    }
    return new CreateSchemaCommentOp(this.schemaName, this.existingComment);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_schema_comment", this.schemaName, this.existingComment];
  }
}
