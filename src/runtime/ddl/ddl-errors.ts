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
