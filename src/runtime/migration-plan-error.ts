/** A target that makes no sense from where the database is; the CLI prints the message. */
export class PlanError extends Error {
  override readonly name: string = "PlanError";
}
