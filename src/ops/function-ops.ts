import type { Routine, RoutineKind } from "../model/index.js";
import type { DiffTuple } from "./diff-tuple.js";
import { initOp, IrreversibleOperationError, MigrateOperation } from "./migrate-operation.js";

/** Creates a function or procedure (the routine's `kind` says which). */
export class CreateFunctionOp extends MigrateOperation {
  declare readonly routine: Routine;
  constructor(routine: Routine) {
    super();
    initOp(this, CreateFunctionOp, new.target, { routine });
  }
  get functionName(): string {
    return this.routine.name;
  }
  get schema(): string | undefined {
    return this.routine.schema;
  }
  reverse(): DropFunctionOp {
    return DropFunctionOp.of(this.routine);
  }
  toDiffTuple(): DiffTuple {
    return ["add_function", this.routine];
  }
}

/** Drops a function or procedure; `arguments` tells an overload apart, `routine` is what its reverse re-creates. */
export class DropFunctionOp extends MigrateOperation {
  declare readonly functionName: string;
  declare readonly schema?: string;
  declare readonly kind?: RoutineKind;
  declare readonly arguments?: string;
  declare readonly routine?: Routine;
  constructor(functionName: string, options: { schema?: string; kind?: RoutineKind; arguments?: string; routine?: Routine } = {}) {
    super();
    initOp(this, DropFunctionOp, new.target, { functionName, ...options });
  }
  /** The drop of `routine`, stating only what is not the default (a function, no arguments), as a migration writes it. */
  static of(routine: Routine): DropFunctionOp {
    const { name, schema, kind, arguments: args } = routine;
    return new DropFunctionOp(name, { schema, kind: kind === "procedure" ? kind : undefined, arguments: args || undefined, routine });
  }
  reverse(): CreateFunctionOp {
    if (!this.routine) throw new IrreversibleOperationError(this, `the definition of the dropped ${this.kind ?? "function"} "${this.functionName}" is not known`);
    return new CreateFunctionOp(this.routine);
  }
  toDiffTuple(): DiffTuple {
    const ref = { name: this.functionName, ...(this.schema !== undefined ? { schema: this.schema } : {}), arguments: this.arguments ?? "" };
    return ["remove_function", this.routine ?? ref];
  }
}

/** Replaces a routine's definition in place (same name and arguments); `existing` is what its reverse restores. */
export class ReplaceFunctionOp extends MigrateOperation {
  declare readonly routine: Routine;
  declare readonly existing?: Routine;
  constructor(routine: Routine, existing?: Routine) {
    super();
    initOp(this, ReplaceFunctionOp, new.target, { routine, existing });
  }
  get functionName(): string {
    return this.routine.name;
  }
  get schema(): string | undefined {
    return this.routine.schema;
  }
  reverse(): ReplaceFunctionOp {
    if (!this.existing) throw new IrreversibleOperationError(this, `the old definition of ${this.routine.kind} "${this.routine.name}" is not known`);
    return new ReplaceFunctionOp(this.existing, this.routine);
  }
  toDiffTuple(): DiffTuple {
    return ["modify_function", this.routine.schema, this.routine.name, this.existing, this.routine];
  }
}
