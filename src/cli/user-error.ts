/**
 * A mistake the user can fix (bad flag, broken schema, unreachable database).
 * The CLI prints its message without a stack trace and exits with `exitCode`.
 */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
