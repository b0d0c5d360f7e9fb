import { fileURLToPath } from "node:url";
import type { MigrateOperation } from "../ops/migrate-operation.js";
import { Operations } from "../ops/operations.js";

/** An op of a migration file and the line of the call that made it. */
export interface LocatedOp {
  readonly op: MigrateOperation;
  /** 1-based; undefined when the call did not come from the file itself (a helper module). */
  readonly line?: number;
}

/**
 * Runs a migration function against an Operations that only records, noting
 * for each op the line of `file` it was called from (read off the call
 * stack, which the TypeScript loader maps back to the source).
 */
export async function collectLocatedOps(fn: (op: never) => Promise<void>, dialect: string, file: string): Promise<LocatedOp[]> {
  const ops: LocatedOp[] = [];
  await fn(new Operations(async (op) => void ops.push({ op, line: callerLine(new Error().stack ?? "", file) }), { dialect }) as never);
  return ops;
}

function callerLine(stack: string, file: string): number | undefined {
  for (const frame of stack.split("\n")) {
    const match = /\(?((?:file:\/\/)?[^()]+?):(\d+):\d+\)?$/.exec(frame.trim());
    if (!match) continue;
    const path = match[1]!.replace(/^at\s+/, "");
    const local = path.startsWith("file://") ? fileURLToPath(path) : path;
    if (local === file) return Number(match[2]);
  }
  return undefined;
}
