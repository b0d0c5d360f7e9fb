import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Raw SQL; irreversible unless given the SQL that undoes it. */
export class ExecuteSQLOp extends MigrateOperation {
  declare readonly sql: string;
  declare readonly reverseSql?: string;
  constructor(sql: string, options: { reverseSql?: string } = {}) {
    super();
    initOp(this, ExecuteSQLOp, new.target, { sql, ...options });
  }
  reverse(): ExecuteSQLOp {
    if (this.reverseSql === undefined) throw new IrreversibleOperationError(this, "no reverseSql was given");
    return new ExecuteSQLOp(this.reverseSql, { reverseSql: this.sql });
  }
  toDiffTuple(): DiffTuple {
    return ["execute", this.sql];
  }
}

/** Inserts rows (plain objects keyed by column name); irreversible, since the rows may have changed since. */
export class BulkInsertOp extends MigrateOperation {
  declare readonly tableName: string;
  declare readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
  declare readonly schema?: string;
  constructor(tableName: string, rows: ReadonlyArray<Record<string, unknown>>, options: { schema?: string } = {}) {
    super();
    const frozen = Object.freeze(rows.map((r) => Object.freeze({ ...r })));
    initOp(this, BulkInsertOp, new.target, { tableName, rows: frozen, ...options });
  }
  reverse(): never {
    throw new IrreversibleOperationError(this, "inserted rows cannot be told apart from the rest");
  }
  toDiffTuple(): DiffTuple {
    return ["bulk_insert", this.schema, this.tableName, this.rows];
  }
}
