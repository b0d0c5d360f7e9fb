import type { Statement } from "../dialects/ddl-compiler.js";

/** A statement the database refused; the message carries the SQL so the user sees what failed. */
export class StatementFailedError extends Error {
  override readonly name = "StatementFailedError";
  constructor(
    readonly statement: Statement,
    override readonly cause: unknown,
  ) {
    super(`${(cause as Error)?.message ?? String(cause)}\n  while running: ${statement.sql}`);
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
