import type { Column, Constraint, IndexElement } from "../model/index.js";
import type { ConstraintType } from "./constraint-ops.js";
import type { ForeignKeyOptions } from "./operation-arguments.js";
import type { AlterColumnArguments, CreateIndexArguments, Operations } from "./operations.js";

/**
 * The `batch` of `op.batchAlterTable("t", async (batch) => ...)`: the table
 * methods of Operations with the table (and schema) already bound.
 */
export class BatchOperations {
  readonly #ops: Operations;
  readonly tableName: string;
  readonly schema: string | undefined;

  constructor(ops: Operations, tableName: string, schema: string | undefined) {
    this.#ops = ops;
    this.tableName = tableName;
    this.schema = schema;
  }

  addColumn(column: Column): Promise<void> {
    return this.#ops.addColumn(this.tableName, column, { schema: this.schema });
  }
  dropColumn(name: string, options: { existing?: Column } = {}): Promise<void> {
    return this.#ops.dropColumn(this.tableName, name, { ...options, schema: this.schema });
  }
  alterColumn(name: string, args: Omit<AlterColumnArguments, "schema"> = {}): Promise<void> {
    return this.#ops.alterColumn(this.tableName, name, { ...args, schema: this.schema });
  }
  createIndex(name: string, columns: ReadonlyArray<string | IndexElement>, args: Omit<CreateIndexArguments, "schema"> = {}): Promise<void> {
    return this.#ops.createIndex(name, this.tableName, columns, { ...args, schema: this.schema });
  }
  dropIndex(name: string): Promise<void> {
    return this.#ops.dropIndex(name, { table: this.tableName, schema: this.schema });
  }
  createPrimaryKey(name: string | undefined, columns: readonly string[]): Promise<void> {
    return this.#ops.createPrimaryKey(name, this.tableName, columns, { schema: this.schema });
  }
  createUniqueConstraint(name: string | undefined, columns: readonly string[]): Promise<void> {
    return this.#ops.createUniqueConstraint(name, this.tableName, columns, { schema: this.schema });
  }
  createForeignKey(
    name: string | undefined,
    referent: string,
    localCols: readonly string[],
    remoteCols: readonly string[],
    options: Omit<ForeignKeyOptions, "sourceSchema"> = {},
  ): Promise<void> {
    return this.#ops.createForeignKey(name, this.tableName, referent, localCols, remoteCols, { ...options, sourceSchema: this.schema });
  }
  createCheckConstraint(name: string | undefined, sqlExpression: string): Promise<void> {
    return this.#ops.createCheckConstraint(name, this.tableName, sqlExpression, { schema: this.schema });
  }
  dropConstraint(name: string | undefined, options: { type?: ConstraintType; constraint?: Constraint } = {}): Promise<void> {
    return this.#ops.dropConstraint(name, this.tableName, { ...options, schema: this.schema });
  }
}
