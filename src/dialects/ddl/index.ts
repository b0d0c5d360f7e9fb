export { DDL_OPS, dispatchDdl, type DdlHandler, type DdlHandlers } from "./ddl-dispatch.js";
export { DdlStateError, MissingDdlHandlerError, UnsupportedDdlError } from "./ddl-errors.js";
export { sqlLiteral, stringLiteral, type LiteralStyle } from "./sql-literal.js";
