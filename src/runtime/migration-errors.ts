import type { Statement } from "../dialects/ddl-compiler.js";

/** The database's message, with the user's table named where the statement worked on a stand-in for it. */
function databaseMessage(statement: Statement, cause: unknown): string {
  const message = (cause as Error)?.message ?? String(cause);
  const standIn = statement.standIn;
  if (!standIn) return message;
  return `${message.replaceAll(standIn.temporary, standIn.table)} (while copying the rows of table "${standIn.table}" into its rebuilt form)`;
}

/** A statement the database refused; the message carries the SQL so the user sees what failed. */
export class StatementFailedError extends Error {
  override readonly name = "StatementFailedError";
  constructor(
    readonly statement: Statement,
    override readonly cause: unknown,
  ) {
    super(`${databaseMessage(statement, cause)}\n  while running: ${statement.sql}`);
  }
}

/** A statement that cannot run inside a transaction, in a migration that runs in one. */
export class NonTransactionalStatementError extends Error {
  override readonly name = "NonTransactionalStatementError";
  constructor(
    readonly statement: Statement,
    file: string,
  ) {
    super(
      `\`${statement.sql}\` cannot run inside a transaction; add \`export const transactional = false;\` ` +
        `to ${file} to run that migration without one`,
    );
  }
}

/** A migration failed; the message says what state the database and the version table are in. */
export class MigrationFailedError extends Error {
  override readonly name = "MigrationFailedError";
}
