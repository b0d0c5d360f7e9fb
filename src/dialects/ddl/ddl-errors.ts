/** No DDL handler exists for an op's class on this dialect (a plugin op needs `Operations.implementationFor`). */
export class MissingDdlHandlerError extends Error {
  override readonly name = "MissingDdlHandlerError";
}

/** The dialect cannot do what the op asks (a sequence on SQLite, a deferrable foreign key on MySQL). */
export class UnsupportedDdlError extends Error {
  override readonly name = "UnsupportedDdlError";
  constructor(dialect: string, what: string) {
    super(`${dialect} cannot ${what}`);
  }
}

/** The op and the context lack the state the statements need (a live table, a constraint's type, an index's table). */
export class DdlStateError extends Error {
  override readonly name = "DdlStateError";
}

const DEFAULT_KINDS = new Set(["literal", "number", "now", "autoincrement", "enum", "sql"]);

/** A column default that is not a model `DefaultValue` (a bare `7` where `defaults.literal(7)` belongs) is a broken invariant. */
export function checkDefaultValue(value: unknown, where: string): void {
  const kind = typeof value === "object" && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (typeof kind !== "string" || !DEFAULT_KINDS.has(kind)) {
    throw new DdlStateError(`the default of ${where} is ${JSON.stringify(value)}, not a DefaultValue (build it with defaults.*)`);
  }
}
