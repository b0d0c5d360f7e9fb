import type { Table } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Creates a table with everything the model says about it (columns, constraints, indexes, comment). */
export class CreateTableOp extends MigrateOperation {
  declare readonly table: Table;
  constructor(table: Table) {
    super();
    initOp(this, CreateTableOp, new.target, { table });
  }
  get tableName(): string {
    return this.table.name;
  }
  get schema(): string | undefined {
    return this.table.schema;
  }
  reverse(): DropTableOp {
    return new DropTableOp(this.table.name, { schema: this.table.schema, table: this.table });
  }
  toDiffTuple(): DiffTuple {
    return ["add_table", this.table];
  }
}

/** Drops a table; carries the dropped Table so its reverse re-creates it exactly. */
export class DropTableOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly schema?: string;
  declare readonly table?: Table;
  constructor(tableName: string, options: { schema?: string; table?: Table } = {}) {
    super();
    initOp(this, DropTableOp, new.target, { tableName, ...options });
  }
  reverse(): CreateTableOp {
    if (!this.table) throw new IrreversibleOperationError(this, `the dropped table "${this.tableName}" is not known`);
    return new CreateTableOp(this.table);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_table", this.table ?? { name: this.tableName, ...(this.schema !== undefined ? { schema: this.schema } : {}) }];
  }
  override dataLoss(): string {
    return `drops table ${qualified(this.schema, this.tableName)} and all its rows`;
  }
}

export class RenameTableOp extends MigrateOperation {
  declare readonly oldTableName: string;
  declare readonly newTableName: string;
  declare readonly schema?: string;
  constructor(oldTableName: string, newTableName: string, options: { schema?: string } = {}) {
    super();
    initOp(this, RenameTableOp, new.target, { oldTableName, newTableName, ...options });
  }
  reverse(): RenameTableOp {
    return new RenameTableOp(this.newTableName, this.oldTableName, { schema: this.schema });
  }
  toDiffTuple(): DiffTuple {
    return ["rename_table", this.schema, this.oldTableName, this.newTableName];
  }
}

/** `schema.name` for messages. */
export function qualified(schema: string | undefined, name: string): string {
  return schema ? `${schema}.${name}` : name;
}
