/**
 * Ctrl-C during a migration. Killing the process would leave the server
 * running the statement, holding the migration lock and an open
 * transaction. Instead the first SIGINT asks the server to cancel the
 * statement in flight and stops any further one from starting; the runner
 * then rolls back (or says what stayed applied) and releases the lock, and
 * the command ends with exit 130, the shell's code for "stopped by Ctrl-C",
 * saying what state the database is in. A second Ctrl-C quits at once.
 */
import type { DatabaseConnection } from "../dialects/dialect.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./user-error.js";

export const EXIT_INTERRUPTED = 130;

export async function interruptible<T>(
  connection: DatabaseConnection,
  context: CommandContext,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    context.err(
      connection.cancel
        ? "interrupted: cancelling the running statement on the server (Ctrl-C again to quit at once)"
        : "interrupted: stopping after the running statement (Ctrl-C again to quit at once)",
    );
    controller.abort(new Error("interrupted by Ctrl-C"));
    connection.cancel?.().catch((error: Error) => context.err(`could not cancel the running statement: ${error.message}`));
  };
  process.on("SIGINT", onSigint);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    throw new UserError(`interrupted: ${(error as Error).message}`, EXIT_INTERRUPTED);
  } finally {
    process.off("SIGINT", onSigint);
  }
}
