import type { Index } from "../model/index.js";
import { tableObjectRef, type DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

export class CreateIndexOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly index: Index;
  declare readonly schema?: string;
  /** PostgreSQL `CREATE INDEX CONCURRENTLY`: runs outside the migration's transaction. */
  declare readonly concurrently?: boolean;
  constructor(tableName: string, index: Index, options: { schema?: string; concurrently?: boolean } = {}) {
    super();
    initOp(this, CreateIndexOp, new.target, { tableName, index, ...options });
  }
  get indexName(): string {
    return this.index.name;
  }
  reverse(): DropIndexOp {
    return new DropIndexOp(this.index.name, { tableName: this.tableName, schema: this.schema, index: this.index, concurrently: this.concurrently });
  }
  toDiffTuple(): DiffTuple {
    return ["add_index", tableObjectRef(this.index, this.tableName, this.schema)];
  }
}

/** Drops an index; carries the dropped Index (and its table) so its reverse re-creates it. */
export class DropIndexOp extends MigrateOperation {
  declare readonly indexName: string;
  declare readonly tableName?: string;
  declare readonly schema?: string;
  declare readonly index?: Index;
  /** PostgreSQL `DROP INDEX CONCURRENTLY`: runs outside the migration's transaction. */
  declare readonly concurrently?: boolean;
  constructor(indexName: string, options: { tableName?: string; schema?: string; index?: Index; concurrently?: boolean } = {}) {
    super();
    initOp(this, DropIndexOp, new.target, { indexName, ...options });
  }
  reverse(): CreateIndexOp {
    if (!this.index || this.tableName === undefined) {
      throw new IrreversibleOperationError(this, `the dropped index "${this.indexName}" and its table are not known`);
    }
    return new CreateIndexOp(this.tableName, this.index, { schema: this.schema, concurrently: this.concurrently });
  }
  toDiffTuple(): DiffTuple {
    const index = this.index ?? { name: this.indexName };
    return ["remove_index", tableObjectRef(index, this.tableName ?? "", this.schema)];
  }
}
