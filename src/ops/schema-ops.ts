import type { DiffTuple } from "./diff-tuple.js";
import { initOp, MigrateOperation } from "./migrate-operation.js";

/** Creates a namespace (PostgreSQL `CREATE SCHEMA`), before anything is created in it. */
export class CreateSchemaOp extends MigrateOperation {
  declare readonly schemaName: string;
  constructor(schemaName: string) {
    super();
    initOp(this, CreateSchemaOp, new.target, { schemaName });
  }
  reverse(): DropSchemaOp {
    return new DropSchemaOp(this.schemaName);
  }
  toDiffTuple(): DiffTuple {
    return ["add_schema", this.schemaName];
  }
}

/**
 * Drops a namespace once everything in it is gone. It never cascades: a
 * schema that still holds objects makes the drop fail, so it loses no data
 * of its own (the drops of its contents carry their own warnings).
 */
export class DropSchemaOp extends MigrateOperation {
  declare readonly schemaName: string;
  constructor(schemaName: string) {
    super();
    initOp(this, DropSchemaOp, new.target, { schemaName });
  }
  reverse(): CreateSchemaOp {
    return new CreateSchemaOp(this.schemaName);
  }
  toDiffTuple(): DiffTuple {
    return ["remove_schema", this.schemaName];
  }
}
