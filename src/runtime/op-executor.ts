import type { DdlContext } from "../dialects/ddl-compiler.js";
import type { Dialect } from "../dialects/dialect.js";
import { MigrateOperation, Operations, type OpClass } from "../ops/index.js";
import { MissingDdlHandlerError } from "../dialects/ddl/ddl-errors.js";
import type { Statement } from "../dialects/ddl-compiler.js";

/** Where compiled statements go: the connection, or the `--sql` script. */
export type StatementSink = (statement: Statement) => Promise<void>;

/** An op with neither a registered implementation nor DDL: a plugin op whose author forgot `implementationFor`. */
export class MissingImplementationError extends Error {
  override readonly name = "MissingImplementationError";
  constructor(op: MigrateOperation, dialect: string) {
    const name = op.constructor.name;
    super(`no implementation runs ${name} on ${dialect}: register one with Operations.implementationFor(${name})(...)`);
  }
}

/**
 * The `Operations` a migration runs against: each op goes to its registered
 * implementation (`Operations.implementationFor`, how plugin ops run) or
 * else through the dialect's DDL compiler, and the statements go to `sink`
 * one op at a time, so an op compiled against the live database sees what
 * the ops before it did.
 */
export function executingOperations(dialect: Dialect, context: DdlContext, sink: StatementSink): Operations {
  const compiler = dialect.ddl;
  const operations: Operations = new Operations(
    async (op) => {
      const implementation = Operations.implementations.find(op.constructor as OpClass, dialect.name);
      if (implementation) return void (await implementation(operations, op));
      let statements: Statement[];
      try {
        statements = await compiler.compile(op, context);
      } catch (error) {
        if (error instanceof MissingDdlHandlerError) throw new MissingImplementationError(op, dialect.name);
        throw error;
      }
      for (const statement of statements) await sink(statement);
    },
    { dialect: dialect.name },
  );
  return operations;
}

/**
 * Runs a migration function against an `Operations` that only records, so
 * the runner knows every op (and what each would lose) before anything runs.
 */
export async function collectOps(fn: (op: never) => Promise<void>, dialect: Dialect): Promise<MigrateOperation[]> {
  const ops: MigrateOperation[] = [];
  await fn(new Operations(async (op) => void ops.push(op), { dialect: dialect.name }) as never);
  return ops;
}

